import { type ReactNode, useRef, useState } from 'react'
import { copyText } from '../lib/clipboard.ts'
import { Button } from './Button.tsx'

interface CopyableTextProps {
  /** What is copied and shown. */
  text: string
  /** What it is, for "the key is selected". */
  what: string
  /** For tests to find it. */
  testId: string
  /** The line under it before anything was copied. */
  hint: ReactNode
}

/**
 * Text to copy (a secret shown once, a badge snippet), with a Copy button; where the browser will not
 * copy, the text is selected for Ctrl+C instead, and the line under it says so.
 */
export function CopyableText({ text, what, testId, hint }: CopyableTextProps) {
  const element = useRef<HTMLElement>(null)
  const [copy, setCopy] = useState<'idle' | 'copied' | 'selected'>('idle')
  return (
    <div className="space-y-2">
      <div className="flex items-start gap-2">
        <code
          ref={element}
          data-testid={testId}
          className="min-w-0 flex-1 select-all break-all rounded-md border bg-background px-3 py-2 font-mono text-xs leading-relaxed"
        >
          {text}
        </code>
        <Button
          onClick={async () => {
            if (element.current) setCopy(await copyText(text, element.current))
          }}
        >
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p aria-live="polite" className="text-muted-foreground text-xs">
        {copy === 'selected'
          ? `This browser did not allow copying: the ${what} is selected, press Ctrl+C (⌘C on a Mac).`
          : copy === 'copied'
            ? 'Copied to the clipboard.'
            : hint}
      </p>
    </div>
  )
}
