/** The Redis pub/sub channel of all events of one installation; messages are `<log id> <json>`. */
export const eventsChannel = (redisPrefix: string) => `${redisPrefix}:events`
/** The capped Redis stream every event is also appended to: its entry ids are the SSE event ids. */
export const eventLogKey = (redisPrefix: string) => `${redisPrefix}:events:log`
/** Roughly how many events the log keeps for browsers resuming after a drop. */
export const EVENT_LOG_MAX_LENGTH = 20_000
