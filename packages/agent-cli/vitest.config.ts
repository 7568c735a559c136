export { serverTestConfig as default } from '@mc/testing/vitest-config'
