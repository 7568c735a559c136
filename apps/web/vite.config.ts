import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * Where `npm run dev` runs the API (PORT, as for the API itself); the dev server forwards `/api`
 * (HTTP, SSE and WebSocket) to it, and the pages the API renders itself: status pages and their
 * badges. MC_API_ORIGIN points it at any other API.
 */
const API_ORIGIN = process.env.MC_API_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: API_ORIGIN, changeOrigin: true, ws: true },
      '/status/': { target: API_ORIGIN, changeOrigin: true },
      '/badge/': { target: API_ORIGIN, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Each page is its own chunk (router.tsx loads it with its route); what they share comes in
        // a few chunks with the app's frame rather than dozens of tiny ones a page would wait for.
        // Charts stay apart: only pages with a chart load them.
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /\/node_modules\/(react|react-dom|scheduler|react-router|cookie|set-cookie-parser|@tanstack\/[^/]+)\//,
              priority: 30,
            },
            { name: 'contract', test: /\/packages\/shared\/src\/|\/node_modules\/zod\//, priority: 20 },
            {
              name: 'common',
              test: /\/apps\/web\/src\//,
              minShareCount: 2,
              priority: 10,
            },
          ],
        },
      },
    },
  },
})
