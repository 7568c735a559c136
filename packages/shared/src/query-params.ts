import { z } from 'zod'

/** An integer query-string parameter: the URL gives text, so it is coerced, then bounded. */
export const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max)
