/** Where a remote model lives: an OpenAI-compatible server (llama-server, vLLM, Ollama, another OET engine). */
export interface RemoteTarget {
  /** The server's OpenAI base URL, `/v1` included, e.g. `http://gpu-box:8080/v1`. */
  baseUrl: string;
  /** The model name the server knows (its `/v1/models` id). */
  model: string;
  /** Environment variable holding the bearer token sent to the server; null sends none. */
  apiKeyEnv: string | null;
  /** Per-request limit in ms; null uses the engine's OET_REQUEST_TIMEOUT_MS. */
  timeoutMs: number | null;
}

/** The base URL as clients and logs may see it: no user name, password, query or fragment. */
export function publicBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return '(invalid URL)';
  }
}
