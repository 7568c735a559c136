import { randomBytes } from 'node:crypto'

/** A new gateway token: 256 random bits, URL-safe so it pastes into a shell and a config file as is. */
export const newGatewayToken = () => randomBytes(32).toString('base64url')
