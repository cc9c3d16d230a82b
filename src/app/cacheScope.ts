import type { Viewer } from '../auth/viewer.js';

/** The response-cache scope of a caller's generations: their own answers only (see CallOptions.cacheScope). */
export function cacheScopeOf(viewer: Viewer): string | undefined {
  return viewer.kind === 'user' ? `user:${viewer.id}` : undefined;
}
