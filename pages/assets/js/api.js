// @ts-check
/** GraphQL over fetch with the signed-in token; every failure becomes an ApiError with the API's code. */

const TOKEN_KEY = 'oet.token';

/** @returns {string | null} */
export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** @param {string | null} token */
export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/**
 * @template T
 * @param {string} query
 * @param {Record<string, unknown>} [variables]
 * @returns {Promise<T>}
 */
export async function graphql(query, variables = {}) {
  const token = getToken();
  /** @type {Response} */
  let res;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'The engine could not be reached.');
  }
  /** @type {{ data?: T | null, errors?: { message: string, extensions?: { code?: string } }[] }} */
  let body;
  try {
    body = await res.json();
  } catch {
    throw new ApiError('BAD_RESPONSE', `The engine answered HTTP ${res.status} without JSON.`);
  }
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.extensions?.code ?? 'ERROR', error.message);
  if (!body.data) throw new ApiError('BAD_RESPONSE', 'The engine answered without data.');
  return body.data;
}

/** What to tell the reader for each code the pages expect. @param {ApiError} e */
export function explain(e) {
  switch (e.code) {
    case 'UNAUTHENTICATED':
      return 'Your token was not accepted (missing, expired or not signed by this engine). Sign in again with a new token.';
    case 'FORBIDDEN':
      return 'Your token is valid, but your role may not see this.';
    case 'NOT_FOUND':
      return 'Not found: it does not exist, or your account may not see it.';
    default:
      return `${e.message} (${e.code})`;
  }
}
