// The one catalog of coded errors. Every failure OTsafe reports carries a code from here, and
// docs/errors.md lists each code (a test keeps the two in step).

/** What a code means, how the CLI exits on it, and what the user should do about it. */
export interface ErrorSpec {
  /** One line on what went wrong. */
  readonly summary: string;
  /** The process exit code when this error ends a CLI command (see README "Exit codes"). */
  readonly exit: ExitCode;
}

/** Exit codes of the `otsafe` command; the README documents the same table. */
export const EXIT = {
  ok: 0,
  /** An unexpected internal failure: a bug to report. */
  internal: 1,
  /** Bad usage or invalid configuration: the user can fix the input. */
  usage: 2,
  /** The plant left its safe envelope (demo attack, scenario runs). */
  unsafe: 3,
  /** The environment refused: a directory is not writable, a port is taken, a peer is down. */
  environment: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const ERROR_CATALOG = {
  // Configuration and command line
  OTS_CONFIG_NOT_FOUND: { summary: 'The configuration file does not exist.', exit: EXIT.usage },
  OTS_CONFIG_YAML: { summary: 'The configuration file is not valid YAML.', exit: EXIT.usage },
  OTS_CONFIG_INVALID: {
    summary: 'The configuration does not match the schema (wrong type, range or unknown key).',
    exit: EXIT.usage,
  },
  OTS_CLI_USAGE: { summary: 'The command line is not valid.', exit: EXIT.usage },

  // Data directory and lifecycle
  OTS_HOME_NOT_WRITABLE: {
    summary: 'The data directory cannot be created or written.',
    exit: EXIT.environment,
  },
  OTS_PORT_IN_USE: { summary: 'A listening address is already taken.', exit: EXIT.environment },
  OTS_SHUTDOWN_TIMEOUT: {
    summary: 'A service did not stop within its shutdown deadline.',
    exit: EXIT.internal,
  },

  // Values that cross every domain
  OTS_BAD_SEVERITY: {
    summary: 'A severity is not one of low, medium, high or critical.',
    exit: EXIT.usage,
  },
  OTS_BAD_DURATION: {
    summary: 'A duration is not of the form 500ms, 30s, 15m, 12h or 30d.',
    exit: EXIT.usage,
  },

  // Event bus
  OTS_BUS_UNKNOWN_TOPIC: {
    summary: 'A message was published on a topic the bus does not declare.',
    exit: EXIT.internal,
  },
  OTS_BUS_CLOSED: {
    summary: 'The bus is closed: nothing more can be published.',
    exit: EXIT.internal,
  },
  OTS_BUS_HANDLER_FAILED: {
    summary: 'A subscriber failed to handle a message.',
    exit: EXIT.internal,
  },

  // Store
  OTS_STORE_OPEN: { summary: 'The store could not be opened or reached.', exit: EXIT.environment },
  OTS_STORE_MIGRATION: { summary: 'A store migration failed.', exit: EXIT.internal },
  OTS_STORE_WRITE: { summary: 'A batch could not be written to the store.', exit: EXIT.internal },
  OTS_STORE_CLOSED: {
    summary: 'The store is closed: nothing more can be written.',
    exit: EXIT.internal,
  },
  OTS_STORE_BAD_EVENT: {
    summary: 'An event lacks a field the store indexes (event.id, @timestamp, event.kind).',
    exit: EXIT.internal,
  },
  OTS_STORE_BAD_RECORD: {
    summary: 'An alert or telemetry point lacks a field the store indexes, or has the wrong type.',
    exit: EXIT.internal,
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export interface OtsafeErrorOptions {
  readonly cause?: unknown;
  /** Facts that locate the fault: a file, a key path, a byte offset, a value. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** An error with a code from the catalog. The message says what was wrong, in the user's terms. */
export class OtsafeError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message?: string, options: OtsafeErrorOptions = {}) {
    super(
      message ?? ERROR_CATALOG[code].summary,
      options.cause === undefined ? {} : { cause: options.cause },
    );
    this.name = 'OtsafeError';
    this.code = code;
    this.details = options.details ?? {};
  }

  /** The exit code a CLI command ends with when this error stops it. */
  get exitCode(): ExitCode {
    return ERROR_CATALOG[this.code].exit;
  }

  toJSON(): { code: ErrorCode; message: string; details: Readonly<Record<string, unknown>> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isOtsafeError(value: unknown, code?: ErrorCode): value is OtsafeError {
  return value instanceof OtsafeError && (code === undefined || value.code === code);
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CATALOG, value);
}
