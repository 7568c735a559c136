import { Button } from './Button.tsx'

interface PaginationProps {
  /** 1-based. */
  page: number
  pages: number
  perPage: number
  total: number
  /** "gateways" in "51–100 of 1,000 gateways". */
  noun: string
  onPage: (page: number) => void
}

const number = new Intl.NumberFormat('en')

/** Where in a long list the page is, with previous and next. */
export function Pagination({ page, pages, perPage, total, noun, onPage }: PaginationProps) {
  const first = total === 0 ? 0 : (page - 1) * perPage + 1
  const last = Math.min(total, page * perPage)
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-muted-foreground text-xs">
      <span data-testid="page-range">
        {first}–{last} of {number.format(total)} {noun}
      </span>
      {pages > 1 && (
        <div className="flex items-center gap-2">
          <Button className="h-7" onClick={() => onPage(page - 1)} disabled={page <= 1}>
            Previous
          </Button>
          <span>
            Page {page} of {pages}
          </span>
          <Button className="h-7" onClick={() => onPage(page + 1)} disabled={page >= pages}>
            Next
          </Button>
        </div>
      )}
    </nav>
  )
}
