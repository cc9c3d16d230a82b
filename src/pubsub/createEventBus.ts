import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { SlidingBuffer } from '@repeaterjs/repeater';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/** Topics and their payloads. Payloads are plain JSON: they may cross Redis between instances. */
export interface EventPayloads {
  EVALUATION_UPDATED: { id: string; ownerId: string; cohortId: string | null; status: string };
}
export type EventTopic = keyof EventPayloads;

type PublishArgs = { [K in EventTopic]: [EventPayloads[K]] };

export interface EventBus {
  readonly pubSub: PubSub<PublishArgs>;
  readonly transport: 'memory' | 'redis';
  publish<K extends EventTopic>(topic: K, payload: EventPayloads[K]): void;
  /** Checks the transport (Redis PING); resolves for in-memory. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * In-memory pub/sub by default; Redis pub/sub when a URL is given so that an event published on one instance
 * reaches subscribers on every other. A sliding buffer keeps a slow subscriber from growing memory without bound.
 */
export async function createEventBus(options: { redisUrl?: string; logger?: Logger; onUndelivered?: (topic: EventTopic) => void } = {}): Promise<EventBus> {
  const repeaterBuffer = new SlidingBuffer(256) as never;
  if (!options.redisUrl) {
    const pubSub = createPubSub<PublishArgs>({ repeaterBuffer });
    return {
      pubSub,
      transport: 'memory',
      publish: (topic, payload) => pubSub.publish(topic, payload as never),
      ping: async () => {},
      close: async () => {},
    };
  }
  // ioredis and its event target are imported only when Redis is configured (~0.2 s and ~8 MB otherwise spent for nothing).
  const [{ Redis: RedisClient }, { createRedisEventTarget }] = [await import('ioredis'), await import('@graphql-yoga/redis-event-target')];
  const connect = async (role: string): Promise<Redis> => {
    const client = new RedisClient(options.redisUrl as string, { lazyConnect: true, maxRetriesPerRequest: 3 });
    client.on('error', (error) => options.logger?.warn({ err: error.message, role }, 'redis connection error'));
    await client.connect();
    return client;
  };
  const publishClient = await connect('publish');
  const subscribeClient = await connect('subscribe');
  const eventTarget = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  const pubSub = createPubSub<PublishArgs>({ eventTarget: eventTarget as never, repeaterBuffer });
  return {
    pubSub,
    transport: 'redis',
    // Published directly, in the format the Redis event target reads (channel = topic, JSON body), so that a Redis
    // outage is a logged, counted undelivered event and not an unhandled rejection per publish. The stored record the
    // event announces is already committed; subscribers re-read by id once Redis is back.
    publish: (topic, payload) => {
      publishClient.publish(topic, JSON.stringify(payload)).catch((error: unknown) => {
        options.logger?.warn({ topic, err: error instanceof Error ? error.message : String(error) }, 'event not delivered: Redis unavailable');
        options.onUndelivered?.(topic);
      });
    },
    ping: async () => {
      await publishClient.ping();
    },
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
