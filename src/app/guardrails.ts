import type { Viewer } from '../auth/viewer.js';
import { DomainError, ErrorCode } from '../errors.js';
import type { GenerateRequest, GenerationChunk, GenerationResult } from '../inference/types.js';
import type { SafetyReport } from '../safety/SafetyAnalyzer.js';
import { auditEntryFor } from './audit.js';
import type { EngineServices } from './EngineServices.js';

/**
 * Checks around every generation (GraphQL generate and generateStream, REST): the prompt before the model sees it
 * (blocked when the policy says so, PHI replaced by placeholders for the roles the policy names), and the output as
 * it is produced (a stream that turns BLOCK stops with a SAFETY_BLOCKED error before the offending text is sent).
 * Every verdict is written to the audit log; no text is.
 */

const rolesOf = (viewer: Viewer): string[] => (viewer.kind === 'user' ? [...viewer.roles] : []);

function audit(services: EngineServices, viewer: Viewer, stage: 'input' | 'output', report: SafetyReport, started: number): void {
  const outcome = report.verdict === 'BLOCK' ? 'DENIED' : 'SUCCESS';
  const categories = [...new Set(report.findings.filter((f) => f.verdict !== 'ALLOW').map((f) => `${f.category}:${f.type}`))];
  void services.stores.auditLog.record(
    auditEntryFor(viewer, `guardrail.${stage}`, { started, ai: true, outcome, errorCode: report.verdict === 'ALLOW' ? null : `SAFETY_${report.verdict}${categories.length ? ` ${categories.slice(0, 6).join(',')}` : ''}` }),
  );
}

function blocked(stage: 'prompt' | 'output', report: SafetyReport): DomainError {
  const categories = [...new Set(report.findings.filter((f) => f.verdict === 'BLOCK').map((f) => f.type))];
  return new DomainError(ErrorCode.SAFETY_BLOCKED, `The ${stage} was blocked by the safety policy (${categories.join(', ')}).`, { stage, categories });
}

/**
 * The request as the model may see it; throws SAFETY_BLOCKED when the prompt itself is blocked. Async because the
 * screening rules load on first use (they are not loaded at start-up): the first request waits for them, or for
 * `signal`; once this has resolved, guardResult and guardStream find them loaded.
 */
export async function guardRequest(services: EngineServices, viewer: Viewer, request: GenerateRequest, signal?: AbortSignal): Promise<GenerateRequest> {
  await services.safety.ready(signal);
  const started = performance.now();
  const roles = rolesOf(viewer);
  const texts = request.prompt !== undefined ? [request.prompt] : (request.messages ?? []).map((m) => m.content);
  const report = services.safety.screen(texts.join('\n\n'), { use: 'LEARNER_INPUT', roles });
  audit(services, viewer, 'input', report, started);
  if (report.verdict === 'BLOCK') throw blocked('prompt', report);
  if (!services.safety.policy.redactsPromptsFor(roles) || !report.findings.some((f) => f.category === 'PHI')) return request;
  const redact = (text: string) => services.safety.redactForModel(text).text;
  return request.prompt !== undefined ? { ...request, prompt: redact(request.prompt) } : { ...request, messages: request.messages?.map((m) => ({ ...m, content: redact(m.content) })) };
}

/** The finished output, or SAFETY_BLOCKED. */
export function guardResult(services: EngineServices, viewer: Viewer, result: GenerationResult): GenerationResult {
  if (!services.config.safety.checkOutput) return result;
  const started = performance.now();
  const report = services.safety.screen(result.text, { use: 'MODEL_OUTPUT', roles: rolesOf(viewer) });
  audit(services, viewer, 'output', report, started);
  if (report.verdict === 'BLOCK') throw blocked('output', report);
  return result;
}

/** How much of the output's tail is screened at each chunk: content rules work within a sentence or two. */
const TAIL_CHARS = 800;
const CONTEXT_CHARS = 200;

/**
 * The stream, screened as it goes: each chunk is checked with the text before it (the last TAIL_CHARS) and only then
 * passed on, so the chunk that completes a blocked sentence is never sent; the generation is aborted and the
 * consumer gets SAFETY_BLOCKED as the terminal event. The whole output's verdict is audited at the end.
 */
export async function* guardStream(services: EngineServices, viewer: Viewer, request: GenerateRequest, chunks: AsyncIterable<GenerationChunk>, abort: () => void): AsyncGenerator<GenerationChunk> {
  if (!services.config.safety.checkOutput) {
    yield* chunks;
    return;
  }
  const started = performance.now();
  const roles = rolesOf(viewer);
  // The end of the prompt is context for the output's first words ("a girl named" → "Lily"), never judged itself.
  const context = (request.prompt ?? request.messages?.at(-1)?.content ?? '').slice(-CONTEXT_CHARS);
  let text = '';
  for await (const chunk of chunks) {
    text += chunk.text;
    if (chunk.text !== '') {
      const tail = text.slice(-TAIL_CHARS);
      // A first token may come without its leading space ("named" + "Lily"): the context ends with one.
      const lead = tail.length === text.length && context !== '' ? (/\s$/.test(context) || /^\s/.test(tail) ? context : `${context} `) : '';
      const report = services.safety.screen(lead + tail, { use: 'MODEL_OUTPUT', roles, from: lead.length });
      if (report.verdict === 'BLOCK') {
        abort();
        audit(services, viewer, 'output', report, started);
        throw blocked('output', report);
      }
    }
    if (chunk.done) audit(services, viewer, 'output', services.safety.screen(text, { use: 'MODEL_OUTPUT', roles }), started);
    yield chunk;
  }
}
