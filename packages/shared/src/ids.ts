import { z } from 'zod'

/** Row ids are Postgres `serial` (int4): a larger number matches nothing, and Postgres refuses it. */
export const MAX_ID = 2_147_483_647

const ID_RANGE = `must be an id: a whole number from 1 to ${MAX_ID}`

/** A row id in a JSON body or job. */
export const idSchema = z.number({ error: ID_RANGE }).int(ID_RANGE).min(1, ID_RANGE).max(MAX_ID, ID_RANGE)

/** A row id written in a URL (path or query): digits only, so `1e3`, ` 7` or `0x1f` are not ids. */
export const idTextSchema = z.string().regex(/^\d+$/, ID_RANGE).transform(Number).pipe(idSchema)

/** The answer to deleting a row by its id. */
export const deletedByIdResponseSchema = z.object({ deleted: z.literal(true), id: z.number().int() })
