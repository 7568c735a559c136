/** Sent as `client.version` by every connection the worker opens to a gateway. */
export const CLIENT_VERSION = 'mission-control'
