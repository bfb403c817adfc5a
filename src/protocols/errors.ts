// The error every codec returns for bytes it cannot accept. Codecs are pure and import nothing
// from the project, so they carry their own error type; its codes (OTS_<PROTOCOL>_<WHAT>) are
// listed with the others in docs/errors.md, and a test keeps them in step.

/** A code table as each protocol declares it: code -> one-line summary. */
export type CodecErrorTable = Readonly<Record<`OTS_${string}`, string>>;

export class CodecError extends Error {
  /** OTS_<PROTOCOL>_<WHAT>, from the protocol's own table. */
  readonly code: `OTS_${string}`;
  /** The protocol whose bytes failed: modbus, s7comm, dnp3, enip, pcap, tcp. */
  readonly protocol: string;
  /** Byte offset within the frame or buffer where decoding stopped, when known. */
  readonly offset: number | undefined;

  constructor(protocol: string, code: `OTS_${string}`, message: string, offset?: number) {
    // A codec error is data about hostile bytes, not a bug: its stack says nothing, and
    // capturing one costs microseconds per bad frame, which a flood turns into a denial of service.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'CodecError';
    this.protocol = protocol;
    this.code = code;
    this.offset = offset;
  }

  toJSON(): { code: string; protocol: string; message: string; offset?: number } {
    return {
      code: this.code,
      protocol: this.protocol,
      message: this.message,
      ...(this.offset === undefined ? {} : { offset: this.offset }),
    };
  }
}

/** What a decode returns: a value, or the reason the bytes were refused. Never a throw. */
export type Decoded<T> = { ok: true; value: T } | { ok: false; error: CodecError };

export function ok<T>(value: T): Decoded<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: CodecError): Decoded<T> {
  return { ok: false, error };
}
