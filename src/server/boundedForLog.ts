/** An anonymous client must not be able to fill the log: one internal error logs at most `max` characters. */
export function boundedForLog(text: string, max = 4000): string {
  return text.length <= max ? text : `${text.slice(0, max)}… [${text.length - max} more characters]`;
}
