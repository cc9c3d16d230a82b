import type { Token } from 'node-llama-cpp';
import type { LoadedGguf } from '../lifecycle/LoadedModel.js';
import type { GenerationPlan } from './validateGenerateRequest.js';
import { toChatHistory } from './toChatHistory.js';

/** The prompt's tokens in the context: raw text as is, messages rendered through the model's chat template. */
export function promptTokensOf(loaded: LoadedGguf, input: GenerationPlan['input']): Token[] {
  switch (input.kind) {
    case 'prompt':
      return loaded.model.tokenize(input.prompt, false);
    case 'chat': {
      const state = loaded.chatWrapper.generateContextState({ chatHistory: toChatHistory(input.messages) });
      return state.contextText.tokenize(loaded.model.tokenizer);
    }
    default: {
      const never: never = input;
      throw new Error(`Unknown input ${JSON.stringify(never)}`);
    }
  }
}

/** Tokens the prompt takes in the context. */
export function countPromptTokens(loaded: LoadedGguf, input: GenerationPlan['input']): number {
  return promptTokensOf(loaded, input).length;
}
