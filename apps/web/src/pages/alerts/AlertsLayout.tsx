import { Navigate, Outlet } from 'react-router'
import { useRole } from '../../auth/use-role.ts'
import { Page } from '../../components/Page.tsx'
import { SectionTabs } from '../../components/SectionTabs.tsx'
import { ALERTS_SECTIONS } from './alerts-sections.ts'

/** `/alerts/*`: the sub-navigation, then the chosen section. */
export function AlertsLayout() {
  return (
    <Page title="Alerts" description="Where incidents are sent, when they open, and when to keep quiet">
      <div className="space-y-5">
        <SectionTabs label="Alerts" base="/alerts" sections={ALERTS_SECTIONS} />
        <Outlet />
      </div>
    </Page>
  )
}

/** `/alerts`: the first section the signed-in role may use (channels for admins, maintenance else). */
export function AlertsIndex() {
  const { can } = useRole()
  const first = ALERTS_SECTIONS.find((section) => can(section.minRole))
  return <Navigate to={first?.path ?? 'maintenance'} replace />
}
