import type { ChatHistoryItem } from 'node-llama-cpp';
import type { ChatMessage } from '../types.js';

/**
 * Our messages → node-llama-cpp's history. An empty model turn is appended so generation answers the last user
 * message; when the last message is the assistant's, generation continues it instead.
 */
export function toChatHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = messages.map((m): ChatHistoryItem => {
    switch (m.role) {
      case 'system':
        return { type: 'system', text: m.content };
      case 'user':
        return { type: 'user', text: m.content };
      case 'assistant':
        return { type: 'model', response: [m.content] };
      default: {
        const never: never = m.role;
        throw new Error(`Unknown role ${String(never)}`);
      }
    }
  });
  if (history[history.length - 1]?.type !== 'model') history.push({ type: 'model', response: [] });
  return history;
}
