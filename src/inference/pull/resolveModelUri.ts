import { DomainError, ErrorCode } from '../../errors.js';

/** Hub base for `hf://` URIs; `HF_ENDPOINT` is the variable the Hugging Face tools already honour for mirrors. */
export const DEFAULT_HF_ENDPOINT = 'https://huggingface.co';

/**
 * Turns a manifest `sourceUri` into a download URL. `hf://owner/repo/path/in/repo` resolves to
 * `<endpoint>/owner/repo/resolve/main/path/in/repo`; `hf://owner/repo@rev/path` pins a revision (a tag or commit).
 * `http(s)://` URLs pass through. Anything else is BAD_USER_INPUT.
 */
const badUri = (uri: string, why: string) => new DomainError(ErrorCode.BAD_USER_INPUT, `"${uri}" ${why}`, { uri });

export function resolveModelUri(uri: string, hfEndpoint: string = DEFAULT_HF_ENDPOINT): URL {
  if (uri.startsWith('hf://')) {
    const parts = uri.slice('hf://'.length).split('/').filter((p) => p.length > 0);
    if (parts.length < 3) {
      throw badUri(uri, 'is not a hub file URI: expected hf://owner/repo/path/in/repo.');
    }
    const [owner, repoAndRevision, ...filePath] = parts as [string, string, ...string[]];
    const [repo, revision = 'main'] = repoAndRevision.split('@') as [string, string?];
    const base = hfEndpoint.replace(/\/+$/, '');
    const encoded = filePath.map(encodeURIComponent).join('/');
    return new URL(`${base}/${owner}/${repo}/resolve/${encodeURIComponent(revision)}/${encoded}`);
  }
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw badUri(uri, 'is not a URL: expected https://…, http://… or hf://owner/repo/path.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badUri(uri, `uses ${url.protocol}; only https://, http:// and hf:// are supported.`);
  }
  return url;
}
