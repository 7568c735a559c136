import { QUEUES, type TokenRotationJob, type TokenRotationOutcome } from '@mc/runtime'
import { createWaitableQueue, type WaitableQueue } from '../jobs/waitable-queue.ts'

export type TokenRotationQueue = WaitableQueue<TokenRotationJob, TokenRotationOutcome>

/** Automatic rotations run in the worker (which logs in with admin scope); the api waits for them. */
export const createTokenRotationQueue = (redisUrl: string, redisPrefix: string): TokenRotationQueue =>
  createWaitableQueue(redisUrl, redisPrefix, QUEUES.tokenRotation)
