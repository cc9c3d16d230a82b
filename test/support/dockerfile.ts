/**
 * Just enough of the Dockerfile and .dockerignore grammars for tests to check a file without Docker: instructions
 * with their continuation lines joined, grouped into stages by FROM, with `ARG` defaults substituted into FROM.
 */

export interface Instruction {
  /** Upper-cased keyword: FROM, RUN, COPY, ... */
  keyword: string;
  /** The rest of the instruction, continuation lines joined by a space. */
  args: string;
  /** 1-based line where the instruction starts. */
  line: number;
}

export interface Stage {
  /** The image after ARG substitution, e.g. node:20-bookworm-slim. */
  image: string;
  /** `AS name`, or the stage's index as a string. */
  name: string;
  instructions: Instruction[];
}

export function parseInstructions(text: string): Instruction[] {
  const result: Instruction[] = [];
  let pending: { parts: string[]; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    // Comments and blank lines may sit between continuation lines; they end nothing.
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const continued = trimmed.endsWith('\\');
    const content = continued ? trimmed.slice(0, -1).trim() : trimmed;
    if (pending) pending.parts.push(content);
    else pending = { parts: [content], line: index + 1 };
    if (continued) return;
    const joined = pending.parts.filter(Boolean).join(' ');
    const [keyword = '', ...rest] = joined.split(/\s+/);
    result.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: pending.line });
    pending = undefined;
  });
  if (pending) throw new Error(`Dockerfile ends inside a continued instruction (line ${pending.line})`);
  return result;
}

export function parseStages(text: string): Stage[] {
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (const instruction of parseInstructions(text)) {
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.args.split(/\s+/).filter((part) => !part.startsWith('--platform'));
      const resolved = image.replace(/\$\{?(\w+)\}?/g, (_, arg: string) => globalArgs.get(arg) ?? '');
      stages.push({ image: resolved, name: as?.toUpperCase() === 'AS' && name ? name : String(stages.length), instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword !== 'ARG') throw new Error(`line ${instruction.line}: only ARG may come before the first FROM`);
      const [key, value = ''] = instruction.args.split('=');
      globalArgs.set(key!, value);
    } else {
      stages[stages.length - 1]!.instructions.push(instruction);
    }
  }
  return stages;
}

/** A JSON-array (exec form) argument, or the shell-form string as one element. */
export function execForm(args: string): string[] {
  const trimmed = args.trim();
  if (!trimmed.startsWith('[')) return [trimmed];
  return JSON.parse(trimmed) as string[];
}

/** `COPY [--from=x] [--chown=..] src... dest` → flags, sources, destination. */
export function copyParts(args: string): { from: string | undefined; sources: string[]; dest: string } {
  const words = args.trim().startsWith('[') ? execForm(args) : args.split(/\s+/);
  const flags = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
  return { from, sources: paths.slice(0, -1), dest: paths[paths.length - 1]! };
}

/** `KEY=value KEY2="value 2"` (ENV's key=value form) → a map. */
export function envPairs(args: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const match of args.matchAll(/(\w+)=("([^"]*)"|\S*)/g)) pairs.set(match[1]!, match[3] ?? match[2]!);
  return pairs;
}

/**
 * Whether .dockerignore leaves `relativePath` out of the build context: patterns in order, `!` re-includes, the last
 * match wins; `*` is one path segment's characters, `**` any number of segments; a pattern that names a folder
 * also covers everything under it.
 */
export function isDockerIgnored(dockerignore: string, relativePath: string): boolean {
  let ignored = false;
  for (const rawLine of dockerignore.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const pattern = (negated ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
    if (patternRegex(pattern).test(relativePath)) ignored = !negated;
  }
  return ignored;
}

function patternRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` matches zero or more whole segments.
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}(?:/.*)?$`);
}
