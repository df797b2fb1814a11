import pino, { type DestinationStream, type Logger } from 'pino';
import { logLevelSchema } from '@/lib/config/env-schema';
import { getLogLevel } from '@/lib/config/log-level';
import { processWide } from './process-wide';

// Structured one-line JSON logs (pino). Callers pass categories and ids, never secrets or record
// data; redaction is the second line of defence: secret-like keys are censored by path, and the
// configured secrets themselves are scrubbed from every line before it is written.

export type LogFields = Record<string, unknown>;
type LogMethod = (fields: LogFields) => void;

export type AppLogger = {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  /** A logger whose lines all carry these fields (e.g. `{ reqId }`). */
  child(bindings: LogFields): AppLogger;
};

const SECRET_KEYS = ['authorization', 'cookie', 'set-cookie', 'password', 'secret', 'apiKey', 'api_key', 'token', 'passcode', 'passcodeHash'];
// Webhook records and deal fields are personal or commercial data: never logged, whatever the caller passes.
const DATA_KEYS = ['record', 'body', 'rawBody', 'dealName', 'companyName', 'emails', 'phones'];

export const REDACT_PATHS = [
  ...[...SECRET_KEYS, ...DATA_KEYS].flatMap((key) => [key, `*.${key}`]),
  ...['authorization', 'cookie', 'x-twenty-webhook-signature'].flatMap((h) => [`headers["${h}"]`, `req.headers["${h}"]`]),
];

const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/g;
const secrets = () => processWide('log-secrets', () => new Set<string>());

/** Values that must never appear in a log line (the API key, webhook secret, session password). */
export function registerLogSecrets(values: readonly (string | undefined)[]): void {
  for (const value of values) if (value && value.length >= 6) secrets().add(value);
}

export function scrubLine(line: string): string {
  let out = line.replace(BEARER, 'Bearer [REDACTED]');
  for (const secret of secrets()) if (out.includes(secret)) out = out.split(secret).join('[REDACTED]');
  return out;
}

function wrap(base: Logger): AppLogger {
  return {
    debug: (fields) => base.debug(fields),
    info: (fields) => base.info(fields),
    warn: (fields) => base.warn(fields),
    error: (fields) => base.error(fields),
    child: (bindings) => wrap(base.child(bindings)),
  };
}

export type LoggerOptions = { level?: string; destination?: DestinationStream };

export function createLogger(opts: LoggerOptions = {}): AppLogger {
  const base = pino(
    {
      level: logLevelSchema.catch('info').parse(opts.level),
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      hooks: { streamWrite: scrubLine },
    },
    opts.destination ?? pino.destination({ fd: 1, sync: true }),
  );
  return wrap(base);
}

// The level is read on its own (getLogLevel), so the logger works before the env is valid.
const loggerSlot = () => processWide('logger', () => ({ current: createLogger({ level: getLogLevel() }) }));
const sharedLogger = () => loggerSlot().current;

/** Swaps the process logger (tests capture lines this way); returns a function that restores it. */
export function replaceLogger(next: AppLogger): () => void {
  const slot = loggerSlot();
  const previous = slot.current;
  slot.current = next;
  return () => {
    slot.current = previous;
  };
}

/** The process logger; methods are bound, so `logger.warn` can be passed around. */
export const logger: AppLogger = {
  debug: (fields) => sharedLogger().debug(fields),
  info: (fields) => sharedLogger().info(fields),
  warn: (fields) => sharedLogger().warn(fields),
  error: (fields) => sharedLogger().error(fields),
  child: (bindings) => sharedLogger().child(bindings),
};
