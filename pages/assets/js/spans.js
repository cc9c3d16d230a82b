// @ts-check
/**
 * Evidence spans drawn in place. Spans may overlap without nesting, so the text is cut at every span boundary and
 * each piece is wrapped in one <mark> per span covering it (outermost = lowest lane). A span is then the set of
 * marks with its data-span id, and their text joined is exactly text.slice(start, end).
 */

/**
 * @typedef {object} Span
 * @property {string} id
 * @property {number} start  offset in the whole submission
 * @property {number} end
 * @property {number} group  criterion index: picks the underline style and marker
 * @property {string} label  short marker text ("P", "GS")
 * @property {string} name   what the marker button says to a screen reader
 * @property {number} [lane] set by assignLanes: overlapping spans get different underline offsets
 */

/** Greedy interval colouring: each span gets the lowest lane free at its start. @param {Span[]} spans */
export function assignLanes(spans) {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  /** @type {number[]} end offset of the last span in each lane */
  const laneEnds = [];
  for (const span of sorted) {
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane === -1) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = span.end;
    span.lane = lane;
  }
  return sorted;
}

/**
 * Renders text[base, base + text.length) of the submission with the spans that touch it.
 * @param {string} text
 * @param {number} base offset of text[0] in the submission
 * @param {Span[]} spans with lanes assigned
 * @returns {DocumentFragment}
 */
export function renderWithSpans(text, base, spans) {
  const end = base + text.length;
  const local = spans
    .filter((s) => s.start < end && s.end > base && s.end > s.start)
    .map((s) => ({ span: s, from: Math.max(s.start, base) - base, to: Math.min(s.end, end) - base }));
  const cuts = [...new Set([0, text.length, ...local.flatMap((l) => [l.from, l.to])])].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i < cuts.length - 1; i++) {
    const from = /** @type {number} */ (cuts[i]);
    const to = /** @type {number} */ (cuts[i + 1]);
    // Markers go where a span really starts (not where a turn clips it), before its first piece.
    for (const l of local) if (l.from === from && l.span.start === base + from) out.append(marker(l.span));
    const covering = local.filter((l) => l.from <= from && l.to >= to).sort((a, b) => (a.span.lane ?? 0) - (b.span.lane ?? 0));
    /** @type {Node} */
    let node = document.createTextNode(text.slice(from, to));
    for (const l of covering.reverse()) {
      const mark = document.createElement('mark');
      mark.className = `ev g${l.span.group} lane${Math.min(l.span.lane ?? 0, 3)}`;
      mark.dataset.span = l.span.id;
      // The first piece takes focus when feedback about this span is activated.
      if (l.from === from && l.span.start === base + from) mark.tabIndex = -1;
      mark.append(node);
      node = mark;
    }
    out.append(node);
  }
  return out;
}

/** @param {Span} span */
function marker(span) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `marker g${span.group}`;
  button.dataset.target = span.id;
  // Offsets as the API gave them: tests (and anyone debugging) can check the pieces against the submission.
  button.dataset.start = String(span.start);
  button.dataset.end = String(span.end);
  button.textContent = span.label;
  // The visible letters come first in the name (WCAG 2.5.3: speech users say what they see).
  button.setAttribute('aria-label', `${span.label}: ${span.name}`);
  return button;
}

/** Every piece of a span, in text order. @param {ParentNode} root @param {string} id @returns {HTMLElement[]} */
export function piecesOf(root, id) {
  return [...root.querySelectorAll(`mark[data-span="${CSS.escape(id)}"]`)].map((e) => /** @type {HTMLElement} */ (e));
}
