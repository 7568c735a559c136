/** What the gateway's owner runs on its host to apply a manual rotation's token. */
export const applyTokenCommand = (token: string) => `openclaw config set gateway.auth.token '${token}'`
