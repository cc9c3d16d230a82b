// @ts-check
/** The evaluation report: scores, the submission with evidence in place, feedback linked both ways, coverage, facts. */
import { ApiError, explain, graphql } from './api.js';
import { initSession } from './session.js';
import { assignLanes, piecesOf, renderWithSpans } from './spans.js';
import { el, showMessage } from './dom.js';

/**
 * @typedef {{ start: number, end: number, text: string, turn?: number | null }} Evidence
 * @typedef {{ code: string, kind: 'POSITIVE' | 'ISSUE', message: string, evidence: Evidence | null, suggestion: string | null, indicator: string | null }} FeedbackItem
 * @typedef {{ name: string, score: number, max: number, evidence: Evidence[], feedbackItems: FeedbackItem[] }} Criterion
 * @typedef {{ text: string, section: string, relevance: string, reason: string, used: boolean, evidence: Evidence | null }} CaseNote
 * @typedef {{ type: string, message: string, letter: Evidence, notes: Evidence | null }} ChangedFact
 * @typedef {{ id: string, kind: 'WRITING' | 'SPEAKING', status: string, submission: string, estimatedScore: number | null,
 *   grade: string | null, scoreIsEstimate: boolean, profession: string | null, letterType: string | null, createdAt: string,
 *   criteria: Criterion[], caseNoteCoverage: CaseNote[], factsChanged: ChangedFact[] }} Evaluation
 * @typedef {import('./spans.js').Span} Span
 */

const QUERY = `query Report($id: ID!) { evaluation(id: $id) {
  id kind status submission estimatedScore grade scoreIsEstimate profession letterType createdAt
  criteria { name score max evidence { start end text turn }
    feedbackItems { code kind message suggestion indicator evidence { start end text turn } } }
  caseNoteCoverage { text section relevance reason used evidence { start end text } }
  factsChanged { type message letter { start end text } notes { start end text } } } }`;

/** Marker letters; the speaking clinical criteria use OET's indicator groups A–E. */
const SHORT = /** @type {Record<string, string>} */ ({
  Purpose: 'P', Content: 'C', 'Conciseness & Clarity': 'CC', 'Genre & Style': 'GS', 'Organisation & Layout': 'OL', Language: 'L',
  Intelligibility: 'Int', Fluency: 'Flu', 'Appropriateness of Language': 'App', 'Resources of Grammar and Expression': 'Gr',
  'Relationship-building': 'A', "Understanding & incorporating the patient's perspective": 'B', 'Providing structure': 'C',
  'Information-gathering': 'D', 'Information-giving': 'E',
});
const FACTS_GROUP = 9;

const main = /** @type {HTMLElement} */ (document.getElementById('report'));
const id = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');

initSession(() => void load());

async function load() {
  main.replaceChildren();
  showMessage('Loading the evaluation…', 'status');
  try {
    const { evaluation } = /** @type {{ evaluation: Evaluation | null }} */ (await graphql(QUERY, { id }));
    if (!evaluation) return showMessage(explain(new ApiError('NOT_FOUND', '')), 'error');
    if (evaluation.status !== 'SCORED') return showMessage(`This evaluation is ${evaluation.status.toLowerCase()}: there is no result to show yet.`, 'error');
    showMessage('', 'status');
    render(evaluation);
  } catch (error) {
    showMessage(error instanceof ApiError ? explain(error) : String(error), 'error');
  }
}

/** @param {Evaluation} e */
function render(e) {
  const spans = /** @type {Span[]} */ ([]);
  /** One span per criterion and offsets, shared by its evidence and the feedback about it. @type {Map<string, Span>} */
  const byKey = new Map();
  /** @param {number} group @param {string} name @param {Evidence} ev */
  const spanFor = (group, name, ev) => {
    const key = `${group}:${ev.start}:${ev.end}`;
    let span = byKey.get(key);
    if (!span) {
      const label = group === FACTS_GROUP ? 'F' : SHORT[name] ?? name.slice(0, 3);
      span = { id: `s${byKey.size}`, start: ev.start, end: ev.end, group, label, name: `${name} evidence: “${ev.text}”` };
      byKey.set(key, span);
      spans.push(span);
    }
    return span;
  };
  e.criteria.forEach((c, i) => c.evidence.forEach((ev) => spanFor(i, c.name, ev)));
  e.factsChanged.forEach((f) => spanFor(FACTS_GROUP, 'Fact changed', f.letter));

  const criteria = el('section', { id: 'criteria', 'aria-labelledby': 'criteria-h' }, el('h2', { id: 'criteria-h' }, 'Criteria and feedback'));
  e.criteria.forEach((c, i) => criteria.append(criterionSection(c, i, (ev) => spanFor(i, c.name, ev))));
  // Feedback may point at text its criterion did not list as evidence: lanes once every span exists.
  assignLanes(spans);

  main.append(
    summary(e),
    el('div', { class: 'columns' }, submissionSection(e, spans), criteria),
    ...(e.kind === 'WRITING' ? [coverageSection(e.caseNoteCoverage), factsSection(e.factsChanged, (ev) => spanFor(FACTS_GROUP, 'Fact changed', ev))] : []),
  );
  wireLinks();
}

/** @param {Evaluation} e */
function summary(e) {
  const what = e.kind === 'WRITING' ? `Writing: ${label(e.letterType)} letter` : 'Speaking: role-play';
  return el('section', { class: 'summary', 'aria-labelledby': 'summary-h' },
    el('h2', { id: 'summary-h' }, 'Result'),
    el('p', {}, `${what}${e.profession ? `, ${label(e.profession)}` : ''}. Submitted ${new Date(e.createdAt).toLocaleString()}.`),
    el('dl', { class: 'score' },
      el('dt', {}, 'Estimated score (0–500)'), el('dd', {}, e.estimatedScore === null ? '—' : String(e.estimatedScore)),
      el('dt', {}, 'Estimated grade'), el('dd', {}, e.grade ?? '—')),
    el('p', { class: 'estimate-note' }, el('strong', {}, 'Estimate, not an OET result. '),
      'OET publishes no conversion from criterion scores to its 0–500 scale; the engine’s mapping is an approximation.'));
}

/** @param {Evaluation} e @param {Span[]} spans */
function submissionSection(e, spans) {
  const body = el('div', { class: 'submission', id: 'submission' });
  if (e.kind === 'SPEAKING') {
    /** @type {{ speaker: string, text: string }[]} */
    let turns = [];
    try {
      turns = JSON.parse(e.submission);
    } catch {
      turns = [{ speaker: 'UNKNOWN', text: e.submission }];
    }
    const list = el('ol', { class: 'transcript' });
    let base = 0;
    turns.forEach((t, i) => {
      const speaker = t.speaker === 'CANDIDATE' ? 'Candidate' : t.speaker === 'INTERLOCUTOR' ? 'Patient (interlocutor)' : t.speaker;
      const text = el('p', { class: 'turn-text' });
      text.append(renderWithSpans(t.text, base, spans));
      list.append(el('li', { class: `turn ${t.speaker.toLowerCase()}`, 'data-turn': String(i) }, el('span', { class: 'speaker' }, `${speaker}:`), text));
      base += t.text.length + 1; // the API's offsets index the turns joined by newlines
    });
    body.append(list);
  } else {
    const letter = el('div', { class: 'letter' });
    letter.append(renderWithSpans(e.submission, 0, spans));
    body.append(letter);
  }
  const heading = e.kind === 'SPEAKING' ? 'Transcript' : 'Your letter';
  return el('section', { class: 'text-column', 'aria-labelledby': 'text-h' },
    el('h2', { id: 'text-h' }, heading),
    el('p', { class: 'help' }, 'Evidence is underlined in place, each criterion with its own line style and a marker button before it (for example “P” for Purpose). Activate a marker to see its feedback; activate feedback to see its text.'),
    body);
}

/** @param {Criterion} c @param {number} i @param {(ev: Evidence) => Span} spanFor */
function criterionSection(c, i, spanFor) {
  const short = SHORT[c.name] ?? c.name.slice(0, 3);
  const list = el('ul', { class: 'feedback' });
  for (const item of c.feedbackItems) {
    const kind = item.kind === 'POSITIVE' ? 'Strength' : 'Issue';
    const content = [el('span', { class: `kind ${item.kind.toLowerCase()}` }, `${kind}:`), ' ', item.message, ...(item.indicator ? [' ', el('span', { class: 'indicator' }, `(indicator ${item.indicator})`)] : [])];
    const li = el('li', { class: `item ${item.kind.toLowerCase()}` });
    if (item.evidence && item.evidence.end > item.evidence.start) {
      const span = spanFor(item.evidence);
      li.append(el('button', { type: 'button', class: 'fb', 'data-target': span.id, 'aria-describedby': `${span.id}-where` }, ...content),
        el('span', { class: 'where', id: `${span.id}-where` }, ` Shows “${item.evidence.text}” in the text.`));
    } else li.append(el('p', { class: 'fb-static' }, ...content));
    if (item.suggestion) li.append(el('p', { class: 'suggestion' }, el('strong', {}, 'Suggestion: '), item.suggestion));
    list.append(li);
  }
  return el('section', { class: `criterion g${i}`, id: `criterion-${i}`, tabindex: '-1', 'aria-labelledby': `criterion-${i}-h` },
    el('h3', { id: `criterion-${i}-h` }, el('span', { class: `marker static g${i}`, 'aria-hidden': 'true' }, short), ` ${c.name} `,
      el('span', { class: 'band' }, `${c.score} / ${c.max}`)),
    el('meter', { min: '0', max: String(c.max), value: String(c.score), 'aria-label': `${c.name}: ${c.score} out of ${c.max}` }),
    c.feedbackItems.length ? list : el('p', {}, 'No feedback for this criterion.'));
}

/** @param {CaseNote[]} notes */
function coverageSection(notes) {
  const used = notes.filter((n) => n.used && n.relevance !== 'LEAVE_OUT');
  const omitted = notes.filter((n) => !n.used && n.relevance === 'NEEDED');
  const leaveOut = notes.filter((n) => n.used && n.relevance === 'LEAVE_OUT');
  const unusedOptional = notes.filter((n) => !n.used && n.relevance !== 'NEEDED').length;
  /** @param {string} title @param {string} idPart @param {CaseNote[]} rows @param {string} empty */
  const table = (title, idPart, rows, empty) =>
    el('section', { 'aria-labelledby': `cov-${idPart}` }, el('h3', { id: `cov-${idPart}` }, `${title} (${rows.length})`),
      rows.length === 0 ? el('p', {}, empty) : el('table', {},
        el('thead', {}, el('tr', {}, ...['Case note', 'Section', 'Relevance', 'Why', 'In the letter'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...rows.map((n) => el('tr', {}, el('td', {}, n.text), el('td', {}, label(n.section)), el('td', {}, label(n.relevance)), el('td', {}, n.reason), el('td', {}, n.evidence ? `“${n.evidence.text}”` : '—'))))));
  return el('section', { class: 'coverage', 'aria-labelledby': 'coverage-h' },
    el('h2', { id: 'coverage-h' }, 'Case-note coverage'),
    table('Used', 'used', used, 'No case-note item was found in the letter.'),
    table('Omitted but needed', 'omitted', omitted, 'Nothing the reader needs was left out.'),
    table('Included but should have been left out', 'leave-out', leaveOut, 'Nothing irrelevant was included.'),
    el('p', {}, `${unusedOptional} optional or irrelevant items were (rightly) not used.`));
}

/** @param {ChangedFact[]} facts @param {(ev: Evidence) => Span} spanFor */
function factsSection(facts, spanFor) {
  return el('section', { class: 'facts', 'aria-labelledby': 'facts-h' },
    el('h2', { id: 'facts-h' }, 'Facts changed'),
    facts.length === 0 ? el('p', {}, 'No fact in the letter differs from the case notes.') : el('table', {},
      el('thead', {}, el('tr', {}, ...['Type', 'The letter says', 'The notes say', 'Why it matters'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...facts.map((f) => el('tr', {},
        el('td', {}, label(f.type)),
        el('td', {}, el('button', { type: 'button', class: 'fb', 'data-target': spanFor(f.letter).id }, `“${f.letter.text}”`)),
        el('td', {}, f.notes ? `“${f.notes.text}”` : '—'),
        el('td', {}, f.message))))));
}

/** Feedback → its text and text (marker or click) → its feedback; one active link at a time. */
function wireLinks() {
  /** @param {string} spanId */
  const activate = (spanId) => {
    for (const old of main.querySelectorAll('.active')) old.classList.remove('active');
    for (const old of main.querySelectorAll('[aria-current]')) old.removeAttribute('aria-current');
    const pieces = piecesOf(main, spanId);
    for (const p of pieces) p.classList.add('active');
    const items = [...main.querySelectorAll(`button.fb[data-target="${spanId}"]`)];
    for (const b of items) {
      b.classList.add('active');
      b.setAttribute('aria-current', 'true');
    }
    return { pieces, items };
  };
  main.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const fb = /** @type {HTMLElement | null} */ (target.closest('button.fb'));
    if (fb?.dataset.target) {
      const first = activate(fb.dataset.target).pieces[0];
      first?.scrollIntoView({ block: 'center' });
      first?.focus({ preventScroll: true });
      return;
    }
    const from = /** @type {HTMLElement | null} */ (target.closest('button.marker, mark[data-span]'));
    const spanId = from?.dataset.target ?? from?.dataset.span;
    if (!spanId) return;
    const { items } = activate(spanId);
    const next = /** @type {HTMLElement | undefined} */ (items[0]) ?? document.getElementById(`criterion-${groupOf(spanId)}`) ?? undefined;
    next?.scrollIntoView({ block: 'center' });
    next?.focus({ preventScroll: true });
  });
}

/** The criterion a span belongs to, from its marker class. @param {string} spanId */
function groupOf(spanId) {
  const marker = main.querySelector(`button.marker[data-target="${spanId}"]`);
  return marker?.className.match(/\bg(\d+)\b/)?.[1] ?? '';
}

/** "LETTER_TYPE" → "Letter type". @param {string | null} value */
function label(value) {
  if (!value) return '';
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
