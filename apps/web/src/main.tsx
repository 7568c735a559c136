import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'
import { createQueryClient } from './api/query-client.ts'
import { createSendToLogin } from './auth/send-to-login.ts'
import { createRouter } from './router.tsx'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// Any 401 from any query or mutation: back to the login page, with an empty cache. (The router
// exists before any request answers: its loaders make the first ones.)
const queryClient = createQueryClient({
  onUnauthenticated: createSendToLogin(
    { navigate: (to, options) => router.navigate(to, options) },
    () => queryClient,
  ),
})
const router = createRouter(queryClient)

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
)
