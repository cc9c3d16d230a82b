import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Request bodies, variables, prompts, tokens and every field that can hold learners' text
 * (submissions, findings, clinical text) are redacted by default: learners' letters and clinical text must never
 * reach a log file. Log identifiers (ids, codes, counts), never text. `destination` defaults to stdout (tests
 * capture it).
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'oet-ai-engine' },
    redact: {
      paths: [
        'req.body',
        'body',
        'variables',
        'query',
        'prompt',
        'messages',
        'text',
        'submission',
        'findings',
        'input',
        'req.headers.authorization',
        'headers.authorization',
        'token',
        '*.prompt',
        '*.text',
        '*.variables',
        '*.submission',
        '*.findings',
        '*.input',
      ],
      censor: '[redacted]',
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
