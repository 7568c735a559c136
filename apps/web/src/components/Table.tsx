import { type ComponentProps, type ReactNode, useRef } from 'react'
import { cx } from '../lib/class-names.ts'
import { useOverflowing } from '../lib/use-overflowing.ts'

/**
 * A bordered, horizontally scrolling data table in the panels' small type. When it is too wide for
 * the screen (a phone), its scroll box joins the tab order, so it scrolls by keyboard too. The box
 * is positioned, so that visually hidden text in the table stays inside it instead of widening
 * the page.
 */
export function Table({ className, ...props }: ComponentProps<'table'>) {
  const box = useRef<HTMLDivElement>(null)
  const overflowing = useOverflowing(box)
  return (
    <div
      ref={box}
      tabIndex={overflowing ? 0 : undefined}
      className="relative overflow-x-auto rounded-md border"
    >
      <table className={cx('w-full border-collapse text-left text-xs', className)} {...props} />
    </div>
  )
}

export interface Column {
  label: ReactNode
  className?: string
}

/** The header row, from the column labels (a plain string, or a label with its classes). */
export function TableHead({ columns }: { columns: Array<string | Column> }) {
  return (
    <thead className="bg-muted/40 text-muted-foreground">
      <tr>
        {columns.map((column, index) => {
          const { label, className } = typeof column === 'string' ? { label: column, className: '' } : column
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are a fixed list
            <th key={index} scope="col" className={cx('whitespace-nowrap px-3 py-2 font-medium', className)}>
              {label}
            </th>
          )
        })}
      </tr>
    </thead>
  )
}

export function Tr({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={cx('border-t transition-colors hover:bg-accent/30', className)} {...props} />
}

export function Td({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cx('px-3 py-2 align-middle', className)} {...props} />
}
