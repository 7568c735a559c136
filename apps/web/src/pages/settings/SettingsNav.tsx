import { SectionTabs } from '../../components/SectionTabs.tsx'
import { SETTINGS_SECTIONS } from './settings-sections.ts'

/** Tabs for Settings' sub-pages, showing only the ones the signed-in role may use. */
export function SettingsNav() {
  return <SectionTabs label="Settings" base="/settings" sections={SETTINGS_SECTIONS} />
}
