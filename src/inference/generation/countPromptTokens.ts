import type { LoadedGguf } from '../lifecycle/LoadedModel.js';
import type { GenerationPlan } from './validateGenerateRequest.js';
import { toChatHistory } from './toChatHistory.js';

/** Tokens the prompt takes in the context: raw text as is, messages rendered through the model's chat template. */
export function countPromptTokens(loaded: LoadedGguf, input: GenerationPlan['input']): number {
  switch (input.kind) {
    case 'prompt':
      return loaded.model.tokenize(input.prompt, false).length;
    case 'chat': {
      const state = loaded.chatWrapper.generateContextState({ chatHistory: toChatHistory(input.messages) });
      return state.contextText.tokenize(loaded.model.tokenizer).length;
    }
    default: {
      const never: never = input;
      throw new Error(`Unknown input ${JSON.stringify(never)}`);
    }
  }
}
