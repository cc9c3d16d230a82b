import type { LlamaContextSequence, SequenceEvaluateOptions, Token } from 'node-llama-cpp';

/** What the generator driving one sequence is doing. */
type State =
  /** The consumer (LlamaCompletion / LlamaChat) is handling the last token: the next step waits for it. */
  | 'js'
  /** Waiting for the step to start. */
  | 'arrived'
  /** Decoding (and sampling) one token in the current step: the next step waits for it. */
  | 'stepping'
  /** Evaluating a prompt of several tokens (chunked by the batch strategy): the next step does not wait for it. */
  | 'prefilling';

interface Member {
  readonly id: number;
  state: State;
  release: (() => void) | null;
}

type EvaluateInput = void | Token | Token[];
type Evaluate = (tokens: Token[], options?: SequenceEvaluateOptions) => AsyncGenerator<Token, void, EvaluateInput>;

/** Options of {@link LockstepGate}. */
export interface LockstepGateOptions {
  /**
   * How long arrived streams wait for one still busy in JS before the step starts without it (a consumer that
   * stalls must not stall the others). Default 250 ms; per-token JS normally takes well under 1 ms, but a process on
   * a loaded machine can lose the CPU for tens of milliseconds. Streams still in a native decode or sample are waited
   * for without a limit: they always come back.
   */
  stallMs?: number;
}

/**
 * The lockstep batch driver: one llama.cpp decode per step across every stream of a context.
 *
 * node-llama-cpp (3.21.1, read from its source) queues a sequence's decode as soon as that sequence's JS asks for the
 * next token, and its dispatch loop decodes whatever is queued when the previous batch ends. Sampling finishes at
 * different moments for different sequences, so N streams land in ragged batches (often one sequence each) and the
 * decode runs N times per token instead of once. The gate sits between each sequence's `evaluate()` generator and its
 * consumer: a stream that wants its next token waits until every stream of the step has come back, then all are
 * released in sequence-id order in the same tick, so their decodes queue together and go out as one batch (at once,
 * when every sequence of the context is queued; otherwise on node-llama-cpp's next-cycle dispatch).
 *
 * Continuous batching: a request admitted while others decode joins at the next step, its prompt evaluated in the
 * same batches as their tokens (chunked by {@link chunkedPrefill}); a stream in a multi-token prefill does not hold
 * the others back. Everything above `evaluate()` (stop sequences, UTF-8 assembly, grammars, seeds, aborts) stays in
 * LlamaCompletion / LlamaChat, unchanged.
 */
export class LockstepGate {
  readonly #members = new Set<Member>();
  readonly #stallMs: number;
  #timer: NodeJS.Timeout | null = null;
  #steps = 0;

  constructor(options: LockstepGateOptions = {}) {
    this.#stallMs = options.stallMs ?? 250;
  }

  /** Steps released so far (a step = one batch of token decodes across the streams). */
  get steps(): number {
    return this.#steps;
  }

  /**
   * Routes the sequence's `evaluate()` through the gate. `id` orders the streams of a step (the sequence's id in its
   * context). Done once per pooled sequence, for the context's life.
   */
  attach(sequence: LlamaContextSequence, id: number): void {
    const evaluate: Evaluate = sequence.evaluate.bind(sequence);
    sequence.evaluate = (tokens, options) => this.#gated(id, evaluate(tokens, options), tokens.length);
  }

  async *#gated(id: number, inner: AsyncGenerator<Token, void, EvaluateInput>, firstLength: number): AsyncGenerator<Token, void, EvaluateInput> {
    const member: Member = { id, state: 'js', release: null };
    this.#members.add(member);
    let input: EvaluateInput = undefined;
    let length = firstLength;
    try {
      for (;;) {
        await this.#arrive(member);
        member.state = length > 1 ? 'prefilling' : 'stepping';
        const result = await inner.next(input);
        member.state = 'js';
        if (result.done === true) return;
        input = yield result.value;
        length = Array.isArray(input) ? input.length : 1;
      }
    } finally {
      this.#members.delete(member);
      this.#check();
      await inner.return(undefined);
    }
  }

  #arrive(member: Member): Promise<void> {
    member.state = 'arrived';
    const arrived = new Promise<void>((resolve) => {
      member.release = resolve;
    });
    this.#check();
    return arrived;
  }

  /** Starts the step when no stream of it is still busy; arms the stall timer otherwise. */
  #check(): void {
    let waiting = false;
    let inJs = false;
    let stepping = false;
    for (const m of this.#members) {
      if (m.state === 'arrived') waiting = true;
      else if (m.state === 'js') inJs = true;
      else if (m.state === 'stepping') stepping = true;
    }
    if (!waiting) return;
    if (!inJs && !stepping) {
      this.#releaseArrived();
      return;
    }
    if (!inJs) return;
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      this.#releaseArrived();
    }, this.#stallMs);
  }

  #releaseArrived(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const arrived = [...this.#members].filter((m) => m.state === 'arrived').sort((a, b) => a.id - b.id);
    if (arrived.length === 0) return;
    this.#steps += 1;
    for (const m of arrived) {
      // Marked before the continuation runs, so a check in between does not count it as still waiting.
      m.state = 'stepping';
      const release = m.release;
      m.release = null;
      release?.();
    }
  }
}
