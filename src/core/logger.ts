// Structured JSON logs (pino), as SIEM and log shippers expect. Domains depend on the Logger
// interface; the app decides where logs go and how verbose they are.
import pino from 'pino';

export type LogFn = (objOrMessage: object | string, message?: string) => void;

export interface Logger {
  trace: LogFn;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  fatal: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  level?: LogLevel;
  name?: string;
  /** Where lines go: a file descriptor (default 1, stdout) or a writable stream. */
  destination?: number | NodeJS.WritableStream;
  /** Append to this file instead (its folder must exist). */
  file?: string;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  // Synchronous writes: logs are few, and a crash or exit must not lose the last lines.
  const destination =
    typeof options.destination === 'object'
      ? options.destination
      : pino.destination(
          options.file !== undefined
            ? { dest: options.file, append: true, sync: true }
            : { fd: options.destination ?? 1, sync: true },
        );
  return pino(
    {
      level: options.level ?? 'info',
      name: options.name ?? 'otsafe',
      // ECS names for the fields every log line carries.
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ 'log.level': label }) },
    },
    destination,
  );
}

/** A logger that discards everything: the default for tests and library use. */
export const silentLogger: Logger = pino({ level: 'silent' });
