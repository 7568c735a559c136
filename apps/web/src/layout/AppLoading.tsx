import { Spinner } from '../components/Spinner.tsx'
import { BareLayout } from './BareLayout.tsx'

/** What the first screen shows while the code of the page it opens on is still on its way. */
export function AppLoading() {
  return (
    <BareLayout>
      <Spinner label="Loading Mission Control" />
    </BareLayout>
  )
}
