import type { Response } from 'express';

/**
 * Server-sent events as OpenAI streams them: `data: <json>\n\n` per event and `data: [DONE]` at the end. Headers go
 * out with the first event, so an error found before it (unknown model, bad parameter) still gets its HTTP status.
 */
export class SseWriter {
  readonly #res: Response;

  constructor(res: Response) {
    this.#res = res;
  }

  /** Whether the 200 and the first event have gone out. */
  get started(): boolean {
    return this.#res.headersSent;
  }

  /** False once the client is gone (nothing more is written). */
  get open(): boolean {
    return !this.#res.destroyed && !this.#res.writableEnded;
  }

  send(data: object): void {
    if (!this.open) return;
    if (!this.#res.headersSent) {
      this.#res.status(200);
      this.#res.setHeader('content-type', 'text/event-stream; charset=utf-8');
      this.#res.setHeader('cache-control', 'no-cache');
      this.#res.setHeader('connection', 'keep-alive');
      // Proxies such as nginx would otherwise hold tokens back in their buffers.
      this.#res.setHeader('x-accel-buffering', 'no');
    }
    this.#res.write(`data: ${JSON.stringify(data)}\n\n`);
  }

  /** The terminating `[DONE]` event (OpenAI clients stop reading at it). */
  done(): void {
    if (!this.open) return;
    this.#res.write('data: [DONE]\n\n');
    this.#res.end();
  }

  /** Ends without `[DONE]` (after an error event: clients raise the error instead). */
  end(): void {
    if (this.open) this.#res.end();
  }
}
