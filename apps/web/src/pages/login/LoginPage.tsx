import { Card } from '../../components/Card.tsx'
import { BareLayout } from '../../layout/BareLayout.tsx'
import { BrandMark } from '../../layout/icons.tsx'
import { LoginForm } from './LoginForm.tsx'

/** `/login`: outside the app frame; `?next=` says where to go afterwards. */
export function LoginPage() {
  return (
    <BareLayout>
      <title>Sign in · Mission Control</title>
      <Card className="w-full max-w-sm p-6">
        <div className="mb-5 flex flex-col items-center text-center">
          <BrandMark className="size-9" />
          <h1 className="mt-3 font-semibold text-lg">Sign in</h1>
          <p className="mt-0.5 text-muted-foreground text-xs">to the Mission Control of this installation</p>
        </div>
        <LoginForm />
      </Card>
    </BareLayout>
  )
}
