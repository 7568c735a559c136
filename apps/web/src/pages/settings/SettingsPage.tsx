import { Page } from '../../components/Page.tsx'
import { SystemPanel } from './SystemPanel.tsx'

export function SettingsPage() {
  return (
    <Page title="Settings" description="The health of this Mission Control installation">
      <SystemPanel />
    </Page>
  )
}
