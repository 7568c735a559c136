export * from './free-port.ts'
export * from './local-redis.ts'
export * from './postgres-child.ts'
export * from './test-services.ts'
