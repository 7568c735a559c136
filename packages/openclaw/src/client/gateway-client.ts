import type { HelloInfo } from '../protocol/hello.ts'
import type { FrameChannel, GatewayClose, GatewayEvent, RequestOptions } from './frame-channel.ts'

/** An authenticated WebSocket to one gateway (a gateway client), as `connectGateway` returns it. */
export class GatewayClient {
  readonly #channel: FrameChannel

  constructor(
    channel: FrameChannel,
    /** The WebSocket URL (never carries the token). */
    readonly url: string,
    /** The gateway's hello-ok payload without its snapshot: server.version, features, auth, policy. */
    readonly hello: HelloInfo,
    /** Milliseconds from the WebSocket being open (upgrade done) to hello-ok's arrival. */
    readonly handshakeMs: number,
  ) {
    this.#channel = channel
  }

  get isOpen(): boolean {
    return this.#channel.isOpen
  }

  /** Settles once the socket is gone, with the close code and, when it failed, why. Never rejects. */
  get closed(): Promise<GatewayClose> {
    return this.#channel.closed
  }

  /** Sends `method` and resolves with the answer's payload; rejects with a GatewayError. */
  request(method: string, params: unknown = {}, options?: RequestOptions): Promise<unknown> {
    return this.#channel.request(method, params, options)
  }

  /** Subscribes to events after hello (`tick`, `health`, `presence`, `shutdown`, …); returns unsubscribe. */
  onEvent(listener: (event: GatewayEvent) => void): () => void {
    return this.#channel.onEvent(listener)
  }

  /** Closes with code 1000; drops the socket if the gateway has not closed back within `timeoutMs`. */
  close(options: { timeoutMs?: number } = {}): Promise<void> {
    return this.#channel.close(options.timeoutMs)
  }
}
