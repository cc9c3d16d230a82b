import type { Redis } from 'ioredis';
import type { AliasVariant } from '../inference/types.js';
import type { QueueKeys } from './queueKeys.js';

/** Model administration an API instance sends to every worker (pub/sub: workers that are down get it at their next start from the manifest). */
export type ControlMessage =
  | { op: 'refresh' }
  | { op: 'setAlias'; name: string; variants: AliasVariant[] }
  | { op: 'loadModel'; id: string }
  | { op: 'unloadModel'; id: string };

export const controlChannel = (keys: QueueKeys): string => `${keys.cancelChannel}:control`;

export async function publishControl(redis: Redis, keys: QueueKeys, message: ControlMessage): Promise<void> {
  await redis.publish(controlChannel(keys), JSON.stringify(message));
}
