/**
 * One AbortSignal for a whole operation: it fires with a `TimeoutError` after `timeoutMs`, or with
 * the parent's reason when the parent signal fires first. `dispose()` frees the timer and listener,
 * which matters when thousands of these run one after another.
 */
export function createDeadline(timeoutMs: number, parent?: AbortSignal) {
  const controller = new AbortController()
  const onParentAbort = () => controller.abort(parent?.reason)
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => {
        controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'))
      }, timeoutMs)
    : undefined
  if (parent?.aborted) onParentAbort()
  else parent?.addEventListener('abort', onParentAbort, { once: true })
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer)
      parent?.removeEventListener('abort', onParentAbort)
    },
  }
}

export function isTimeoutReason(reason: unknown): boolean {
  return reason instanceof Error && reason.name === 'TimeoutError'
}
