import pc from 'picocolors';

/** Colour only for a terminal (picocolors also honours NO_COLOR and FORCE_COLOR). */
export function painter(tty: boolean): ReturnType<typeof pc.createColors> {
  return pc.createColors(tty && pc.isColorSupported);
}

/** "line:column" of an offset, 1-based, for findings quoted in place. */
export function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/** The line a span sits on, with the span marked: the evidence quoted where it is. */
export function inPlace(text: string, start: number, end: number, mark: (s: string) => string): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end);
  const from = Math.max(lineStart, start - 60);
  const to = Math.min(lineEnd, end + 60);
  return `${from > lineStart ? '…' : ''}${text.slice(from, start)}${mark(text.slice(start, end))}${text.slice(end, to)}${to < lineEnd ? '…' : ''}`;
}
