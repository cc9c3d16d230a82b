// @ts-check
/** Small DOM helpers: elements are built with text nodes only, so no submission text is ever parsed as HTML. */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} attributes
 * @param {(Node | string)[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Writes to the page's message area: `error` as an alert (announced at once), `status` politely.
 * @param {string} text
 * @param {'status' | 'error'} kind
 */
export function showMessage(text, kind) {
  const status = /** @type {HTMLElement} */ (document.getElementById('status'));
  const alert = /** @type {HTMLElement} */ (document.getElementById('alert'));
  status.textContent = kind === 'status' ? text : '';
  alert.textContent = kind === 'error' ? text : '';
  alert.hidden = kind !== 'error' || !text;
}
