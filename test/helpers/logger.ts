// A Logger that keeps what it is told, so a test can assert that a loss was logged, not silent.
import type { Logger } from '../../src/core/index.js';

export interface LogRecord {
  level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  message: string;
  fields: Record<string, unknown>;
}

export interface CapturingLogger extends Logger {
  readonly records: LogRecord[];
  /** The records at a level. */
  at(level: LogRecord['level']): LogRecord[];
}

export function capturingLogger(
  bindings: Record<string, unknown> = {},
  records: LogRecord[] = [],
): CapturingLogger {
  const log =
    (level: LogRecord['level']) =>
    (objOrMessage: object | string, message?: string): void => {
      const fields =
        typeof objOrMessage === 'string' ? {} : { ...(objOrMessage as Record<string, unknown>) };
      records.push({
        level,
        message: typeof objOrMessage === 'string' ? objOrMessage : (message ?? ''),
        fields: { ...bindings, ...fields },
      });
    };
  return {
    records,
    at: (level) => records.filter((r) => r.level === level),
    trace: log('trace'),
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    fatal: log('fatal'),
    child: (more) => capturingLogger({ ...bindings, ...more }, records),
  };
}
