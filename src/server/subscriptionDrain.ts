/** The part of a graphql-ws connection context the drain reads: its live subscriptions by id. */
interface ConnectionState {
  subscriptions: Record<string, unknown>;
}

/**
 * Lets graphql-ws streams finish at shutdown. graphql-ws's own dispose closes every socket at once with 1001, so a
 * SIGTERM cut each in-flight generateStream before its final chunk (REST streams already finished). The drain refuses
 * new subscriptions, waits until no connection has a live one (or the grace period ends), and only then is the server
 * disposed.
 */
export function createSubscriptionDrain() {
  const connections = new Set<ConnectionState>();
  let draining = false;
  const live = () => [...connections].reduce((n, c) => n + Object.keys(c.subscriptions).length, 0);
  return {
    opened(ctx: ConnectionState) {
      connections.add(ctx);
    },
    closed(ctx: ConnectionState) {
      connections.delete(ctx);
    },
    get draining() {
      return draining;
    },
    /** Resolves with the subscriptions still live when it gave up (0 when all finished). */
    async drain(graceMs: number, signal?: AbortSignal): Promise<number> {
      draining = true;
      const deadline = Date.now() + graceMs;
      // Polled: a subscription ends in several places inside graphql-ws (complete, error, socket close).
      while (live() > 0 && Date.now() < deadline && !signal?.aborted) await new Promise((r) => setTimeout(r, 50));
      return live();
    },
  };
}
