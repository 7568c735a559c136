/** The sizes every page must work at: a phone held upright and a common laptop screen. */
export const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 900 },
] as const

export type Viewport = (typeof VIEWPORTS)[number]
