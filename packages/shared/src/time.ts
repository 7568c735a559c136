import { z } from 'zod'

/** Timestamps in the JSON API are unix seconds (integers), as the seed's contract shows. */
export const unixSecondsSchema = z.number().int()
export const nullableUnixSecondsSchema = unixSecondsSchema.nullable()

/** This moment in unix seconds, as events and answers state it. */
export const nowUnixSeconds = () => Math.floor(Date.now() / 1000)
