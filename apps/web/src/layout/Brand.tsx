import { BrandMark } from './icons.tsx'

export function Brand() {
  return (
    <div className="flex items-center gap-2">
      <BrandMark />
      <span className="font-semibold text-sm tracking-tight">Mission Control</span>
    </div>
  )
}
