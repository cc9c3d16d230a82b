// @ts-check
/** The sign-in form: paste a bearer token, kept in sessionStorage (gone when the tab closes). */
import { getToken, setToken } from './api.js';

/**
 * Wires #signin (form), #signout (button) and #session-status, then calls onReady when a token is present.
 * @param {() => void} onReady
 */
export function initSession(onReady) {
  const form = /** @type {HTMLFormElement} */ (document.getElementById('signin'));
  const input = /** @type {HTMLInputElement} */ (document.getElementById('token'));
  const signout = /** @type {HTMLButtonElement} */ (document.getElementById('signout'));
  const status = /** @type {HTMLElement} */ (document.getElementById('session-status'));

  const render = () => {
    const signedIn = Boolean(getToken());
    form.hidden = signedIn;
    signout.hidden = !signedIn;
    status.textContent = signedIn ? `Signed in as ${subjectOf(getToken())}.` : 'Not signed in.';
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim().replace(/^Bearer\s+/i, '');
    if (!token) return;
    setToken(token);
    input.value = '';
    render();
    onReady();
  });
  signout.addEventListener('click', () => {
    setToken(null);
    render();
    input.focus();
  });
  render();
  if (getToken()) onReady();
  else input.focus();
}

/** The token's subject and roles, for display only (the engine verifies the token; this does not). @param {string | null} token */
function subjectOf(token) {
  try {
    const part = (token ?? '').split('.')[1] ?? '';
    /** @type {{ sub?: string, roles?: string[] }} */
    const claims = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/')));
    return `${claims.sub ?? 'unknown'}${claims.roles?.length ? ` (${claims.roles.join(', ')})` : ''}`;
  } catch {
    return 'an unreadable token';
  }
}
