import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { useLogin } from '../../api/auth.ts'
import { RateLimitedError } from '../../api/rate-limited-fetch.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { TextField } from '../../components/TextField.tsx'
import { errorMessage } from '../../lib/error-message.ts'
import { formErrors } from '../../lib/form-errors.ts'
import { safeNextPath } from '../../lib/login-path.ts'
import { useNow } from '../../lib/use-now.ts'

const FIELDS = ['username', 'password'] as const

/** Username and password; after too many failures, a countdown from the API's Retry-After. */
export function LoginForm() {
  const login = useLogin()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [params] = useSearchParams()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null)
  const now = useNow()

  const errors = formErrors(login.error, FIELDS, errorMessage)
  const rateLimit = login.error instanceof RateLimitedError ? login.error : null
  // `now` may be up to a tick old: never show more than the API asked for.
  const waitS =
    rateLimit && blockedUntil !== null
      ? Math.min(rateLimit.retryAfterS, Math.ceil((blockedUntil - now) / 1000))
      : 0

  const submit = (event: FormEvent) => {
    event.preventDefault()
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: async () => {
          // A new sign-in: nothing cached for whoever was here before may show.
          queryClient.removeQueries()
          await navigate(safeNextPath(params.get('next')), { replace: true })
        },
        onError: (error) => {
          if (error instanceof RateLimitedError) setBlockedUntil(Date.now() + error.retryAfterS * 1000)
          setPassword('')
        },
      },
    )
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Sign in">
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        autoFocus
        error={errors.fields.username}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.fields.password}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {waitS > 0 ? (
        <Alert tone="warning">Too many attempts, try again in {waitS} s.</Alert>
      ) : (
        errors.form && !rateLimit && <Alert>{errors.form}</Alert>
      )}
      <Button type="submit" variant="primary" className="w-full" disabled={login.isPending || waitS > 0}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
