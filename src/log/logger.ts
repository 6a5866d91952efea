import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Anything that may carry a credential is redacted by path, and the code
 * never logs whole requests, so tokens, secrets and signatures stay out of the output.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'esd-bot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-esd-signature"]',
          'headers.authorization',
          'authorization',
          'password',
          'secret',
          'token',
          '*.password',
          '*.secret',
          '*.token',
          '*.appPassword',
        ],
        censor: '[redacted]',
      },
    },
    destination as never,
  );
}
