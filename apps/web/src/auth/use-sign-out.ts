import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { useLogout } from '../api/auth.ts'
import { LOGIN_PATH } from '../lib/login-path.ts'

/** Signs out, goes to the login page, then forgets every cached answer of the sign-in. */
export function useSignOut() {
  const logout = useLogout()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  return {
    ...logout,
    signOut: () =>
      logout.mutate(undefined, {
        onSuccess: async () => {
          await navigate(LOGIN_PATH, { replace: true })
          queryClient.clear()
        },
      }),
  }
}
