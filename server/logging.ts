// Structured logs. Tokens and note text never reach a log line: bodies are not
// logged, and known sensitive keys are redacted wherever they appear.
import pino, { type DestinationStream, type Logger } from 'pino';

export const redactedKeys = [
  'authorization',
  'accessToken',
  'access_token',
  'token',
  'assertion',
  'client_secret',
  'taught',
  'learned',
  'actionItems',
  'text',
  'content',
  'body',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const paths = redactedKeys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);
  return pino({ level, redact: { paths, censor: '[redacted]' }, base: { service: 'reciprocal' } }, destination);
}
