import { useRef, useState } from 'react'

/**
 * The text of a search box whose value also lives in the URL. The box keeps its own text: the URL
 * updates a render later, and a box fed from it would drop keystrokes typed in between (fast typing,
 * or a page busy with a burst of live updates). A URL change the box did not make (Back, a link)
 * replaces the text.
 */
export function useSearchBox(urlValue: string, pushToUrl: (value: string) => void) {
  const [text, setText] = useState(urlValue)
  const [seenUrl, setSeenUrl] = useState(urlValue)
  // Values this box sent to the URL that may still be on their way.
  const inFlight = useRef(new Set<string>())
  if (urlValue !== seenUrl) {
    setSeenUrl(urlValue)
    if (!inFlight.current.has(urlValue)) setText(urlValue)
    if (!inFlight.current.has(urlValue) || urlValue === text) inFlight.current.clear()
  }
  const change = (value: string) => {
    inFlight.current.add(value)
    setText(value)
    pushToUrl(value)
  }
  return [text, change] as const
}
