import { Outlet } from 'react-router'
import { Page } from '../../components/Page.tsx'
import { SettingsNav } from './SettingsNav.tsx'

/** `/settings/*`: the sub-navigation, then the chosen section. */
export function SettingsLayout() {
  return (
    <Page title="Settings" description="This installation's health, the people who use it and their access">
      <div className="space-y-5">
        <SettingsNav />
        <Outlet />
      </div>
    </Page>
  )
}
