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
  },
})
