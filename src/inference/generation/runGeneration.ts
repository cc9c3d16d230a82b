import type { LlamaContextSequence, LlamaGrammar, Token } from 'node-llama-cpp';
import type { LoadedGguf } from '../lifecycle/LoadedModel.js';
import { StopSequenceFilter } from './StopSequenceFilter.js';
import { toChatHistory } from './toChatHistory.js';
import type { GenerationPlan } from './validateGenerateRequest.js';

/** node-llama-cpp's stop reasons (completion and chat). */
export type LlamaStopReason = 'eogToken' | 'stopGenerationTrigger' | 'maxTokens' | 'abort' | 'customStopTrigger' | 'functionCalls';

export interface GenerationOutcome {
  text: string;
  stopReason: LlamaStopReason;
  /** Tokens generated (counted from onToken, so it includes tokens of a stop sequence that was cut off). */
  completionTokens: number;
  /** `performance.now()` of the first generated token; null when none came. */
  firstTokenAt: number | null;
}

/** Options of {@link runGeneration}. */
export interface RunGenerationOptions {
  grammar?: LlamaGrammar;
  /** Aborting stops generation and returns what was generated so far (stopReason `abort`). */
  signal: AbortSignal;
  /** Receives decoded text as it is generated. */
  onText?: (text: string) => void;
}

/**
 * Runs one request on a sequence it owns. A prompt goes through LlamaCompletion (raw text, no template); messages
 * through LlamaChat with the model's chat wrapper. The sequence is not disposed here: the scheduler does that.
 */
export async function runGeneration(
  loaded: LoadedGguf,
  sequence: LlamaContextSequence,
  plan: GenerationPlan,
  options: RunGenerationOptions,
): Promise<GenerationOutcome> {
  // node-llama-cpp is imported on first use (it is already loaded by then: the runtime imported it), not at start-up.
  const { LlamaChat, LlamaCompletion } = await import('node-llama-cpp');
  let completionTokens = 0;
  let firstTokenAt: number | null = null;
  let text = '';
  const emit = (piece: string): void => {
    if (piece === '') return;
    text += piece;
    options.onText?.(piece);
  };
  // Stop sequences are matched on the decoded text (see StopSequenceFilter); one seen stops decoding at once.
  const stops = new StopSequenceFilter(plan.stop);
  const stopped = new AbortController();
  const signal = plan.stop.length > 0 ? AbortSignal.any([options.signal, stopped.signal]) : options.signal;
  const common = {
    signal,
    // On abort keep the text so far: a timeout returns it with finishReason `timeout`.
    stopOnAbortSignal: true,
    maxTokens: plan.maxTokens,
    temperature: plan.temperature,
    topP: plan.topP,
    seed: plan.seed,
    grammar: options.grammar,
    onToken: (tokens: Token[]) => {
      if (firstTokenAt === null && tokens.length > 0) firstTokenAt = performance.now();
      completionTokens += tokens.length;
    },
    onTextChunk: (chunk: string) => {
      if (stops.stopped) return;
      emit(stops.push(chunk));
      if (stops.stopped) stopped.abort();
    },
  };
  /** What the library returned, with the stop sequences applied here. */
  const outcome = (response: string, stopReason: LlamaStopReason): GenerationOutcome => {
    if (stops.stopped) return { text, stopReason: 'customStopTrigger', completionTokens, firstTokenAt };
    emit(stops.flush());
    // Without stops the library's response is the text (it is what the chunks added up to).
    return { text: plan.stop.length > 0 || stopReason === 'abort' ? text : response, stopReason, completionTokens, firstTokenAt };
  };
  const input = plan.input;
  switch (input.kind) {
    case 'prompt': {
      const completion = new LlamaCompletion({ contextSequence: sequence });
      try {
        const result = await completion.generateCompletionWithMeta(input.prompt, common);
        return outcome(result.response, result.metadata.stopReason);
      } catch (error) {
        if (signal.aborted) return outcome(text, 'abort');
        throw error;
      } finally {
        completion.dispose();
      }
    }
    case 'chat': {
      const chat = new LlamaChat({ contextSequence: sequence, chatWrapper: loaded.chatWrapper });
      try {
        const result = await chat.generateResponse(toChatHistory(input.messages), common);
        return outcome(result.response, result.metadata.stopReason);
      } catch (error) {
        if (signal.aborted) return outcome(text, 'abort');
        throw error;
      } finally {
        chat.dispose();
      }
    }
    default: {
      const never: never = input;
      throw new Error(`Unknown input ${JSON.stringify(never)}`);
    }
  }
}
