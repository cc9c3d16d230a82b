import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Request bodies, variables, prompts and tokens are redacted by default: learners' letters and
 * clinical text must never reach a log file.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
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
        'req.headers.authorization',
        'headers.authorization',
        'token',
        '*.prompt',
        '*.text',
        '*.variables',
      ],
      censor: '[redacted]',
    },
  });
}
