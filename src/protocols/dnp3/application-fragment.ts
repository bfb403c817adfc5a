// The DNP3 application fragment: application control (FIR, FIN, CON, UNS, SEQ), function code,
// internal indications on responses, then object headers each followed by its objects
// (IEEE 1815-2012, 4.2.2). The walk over objects stops with a typed note where a size is unknown.
import { fail, ok, type CodecError, type Decoded } from '../errors.js';
import { dnp3FunctionName, dnp3IsResponse } from './app-functions.js';
import { dnp3Error } from './errors.js';
import { decodeDnp3Iin, encodeDnp3Iin, type Dnp3Iin } from './iin.js';
import {
  decodeDnp3ObjectHeader,
  encodeDnp3ObjectHeader,
  type Dnp3ObjectHeader,
  type Dnp3ObjectHeaderInput,
} from './object-header.js';
import { dnp3ObjectSize } from './objects.js';

/**
 * One object header and the octets of its objects (prefixes included; empty in reads). The last
 * object of a stopped walk holds what there is: the truncated octets, or none when its size is
 * unknown (they are then in the fragment's `rest`).
 */
export interface Dnp3Object extends Dnp3ObjectHeader {
  /** Offset of the object header within the fragment. */
  readonly offset: number;
  readonly data: Uint8Array;
}

export interface Dnp3ApplicationFragment {
  /** Application control (4.2.2.4): first and final fragment, confirm wanted, unsolicited. */
  readonly fir: boolean;
  readonly fin: boolean;
  readonly con: boolean;
  readonly uns: boolean;
  readonly seq: number;
  readonly functionCode: number;
  /** 'read', 'direct_operate', 'response', ..., 'unknown-N'. */
  readonly function: string;
  readonly pduType: 'request' | 'response';
  /** Internal indications, each bit named (responses only). */
  readonly iin: Dnp3Iin | undefined;
  readonly objects: readonly Dnp3Object[];
  /**
   * Why the object walk ended before the end of the fragment: OTS_DNP3_UNSUPPORTED_OBJECT (an
   * object whose size the library does not know: a limit of ours, not a fault of the sender),
   * or OTS_DNP3_BAD_QUALIFIER, OTS_DNP3_BAD_RANGE, OTS_DNP3_OBJECT_TRUNCATED (malformed).
   * Undefined when the walk reached the end.
   */
  readonly stop: CodecError | undefined;
  /** Octets from the point where the walk stopped to the end (empty when it completed). */
  readonly rest: Uint8Array;
}

export interface Dnp3ObjectInput extends Dnp3ObjectHeaderInput {
  readonly data?: Uint8Array | undefined;
}

export interface Dnp3ApplicationFragmentInput {
  readonly fir?: boolean;
  readonly fin?: boolean;
  readonly con?: boolean;
  readonly uns?: boolean;
  readonly seq: number;
  readonly functionCode: number;
  /** Internal indications of a response: named bits (bits not given are clear). */
  readonly iin?: Partial<Dnp3Iin> | undefined;
  readonly objects?: readonly Dnp3ObjectInput[];
  /** Octets appended after the objects, as decoded past a stopped walk. */
  readonly rest?: Uint8Array | undefined;
}

/**
 * Requests whose object headers (without a size prefix) carry no object data (4.4): read, the
 * freezes, enable and disable unsolicited, assign class. Freeze-at-time (11, 12) carries a time
 * object (g50) first.
 */
function carriesData(functionCode: number, group: number): boolean {
  if (group === 60) return false; // class data objects never have data (11.9.20)
  switch (functionCode) {
    case 1:
    case 7:
    case 8:
    case 9:
    case 10:
    case 20:
    case 21:
    case 22:
      return false;
    case 11:
    case 12:
      return group === 50;
    default:
      return true;
  }
}

type DataSize = { readonly size: number } | { readonly error: CodecError };

/** Octets taken by the objects of one header starting at `at`, or why that is not known. */
function objectDataSize(
  bytes: Uint8Array,
  at: number,
  header: Dnp3ObjectHeader,
  functionCode: number,
): DataSize {
  const { group, variation, count, prefixSize } = header;
  const label = `g${group}v${variation} (${header.name})`;
  if (header.range === 'all') return { size: 0 };
  const remaining = bytes.length - at;
  if (header.prefix === 'size') {
    // Each object carries its own size, so the walk needs no library knowledge, and the objects
    // are there whatever the function: a read of file transport (g70v5) sends a file handle.
    let used = 0;
    for (let n = 0; n < count; n++) {
      if (remaining - used < prefixSize) return truncated(label, at + used, n, count);
      let objectSize = 0;
      for (let i = prefixSize - 1; i >= 0; i--)
        objectSize = objectSize * 256 + (bytes[at + used + i] ?? 0);
      used += prefixSize + objectSize;
      if (used > remaining) return truncated(label, at, n, count);
    }
    return { size: used };
  }
  if (!carriesData(functionCode, group)) return { size: 0 };
  const kind = dnp3ObjectSize(group, variation);
  if (kind === 'none') return { size: 0 };
  if (kind === 'attribute') {
    // Device attribute: index prefix (if any), data type code, length, value (11.9.1).
    let used = 0;
    for (let n = 0; n < count; n++) {
      const lengthAt = at + used + prefixSize + 1;
      if (lengthAt >= bytes.length) return truncated(label, at + used, n, count);
      used += prefixSize + 2 + (bytes[lengthAt] ?? 0);
      if (used > remaining) return truncated(label, at, n, count);
    }
    return { size: used };
  }
  if (kind === 'packed1' || kind === 'packed2') {
    if (prefixSize !== 0) return unsupported(label, at, 'packed points with an index prefix');
    const bits = kind === 'packed1' ? 1 : 2;
    const size = Math.ceil((count * bits) / 8);
    return size > remaining ? truncated(label, at, 0, count) : { size };
  }
  const objectSize = kind === 'variation' ? variation : kind;
  if (typeof objectSize !== 'number') {
    return unsupported(
      label,
      at,
      kind === 'variable'
        ? 'variable-size object without a size prefix'
        : 'size not in the object library',
    );
  }
  const size = count * (prefixSize + objectSize);
  return size > remaining
    ? truncated(label, at, Math.floor(remaining / Math.max(1, prefixSize + objectSize)), count)
    : { size };
}

function truncated(label: string, at: number, index: number, count: number): DataSize {
  return {
    error: dnp3Error(
      'OTS_DNP3_OBJECT_TRUNCATED',
      `${label}: the fragment ends inside object ${index} of ${count}`,
      at,
    ),
  };
}

function unsupported(label: string, at: number, why: string): DataSize {
  return {
    error: dnp3Error(
      'OTS_DNP3_UNSUPPORTED_OBJECT',
      `${label}: ${why}; the object walk stops here`,
      at,
    ),
  };
}

/** A header and its objects as one literal (object spread is slow in hot loops). */
function withData(header: Dnp3ObjectHeader, offset: number, data: Uint8Array): Dnp3Object {
  return {
    group: header.group,
    variation: header.variation,
    name: header.name,
    qualifier: header.qualifier,
    prefixCode: header.prefixCode,
    rangeCode: header.rangeCode,
    prefix: header.prefix,
    prefixSize: header.prefixSize,
    range: header.range,
    start: header.start,
    stop: header.stop,
    count: header.count,
    offset,
    data,
  };
}

/** Decode an application fragment (as reassembled by the transport layer). */
export function decodeDnp3ApplicationFragment(bytes: Uint8Array): Decoded<Dnp3ApplicationFragment> {
  const control = bytes[0];
  const functionCode = bytes[1];
  if (control === undefined || functionCode === undefined) {
    return fail(
      dnp3Error(
        'OTS_DNP3_APP_TRUNCATED',
        `application header needs 2 octets (control, function), the fragment holds ${bytes.length}`,
        bytes.length,
      ),
    );
  }
  const response = dnp3IsResponse(functionCode);
  let iin: Dnp3Iin | undefined;
  let at = 2;
  if (response) {
    if (bytes.length < 4) {
      return fail(
        dnp3Error(
          'OTS_DNP3_APP_TRUNCATED',
          `response header needs 4 octets (control, function, IIN1, IIN2), the fragment holds ${bytes.length}`,
          bytes.length,
        ),
      );
    }
    iin = decodeDnp3Iin(bytes[2] ?? 0, bytes[3] ?? 0);
    at = 4;
  }

  const objects: Dnp3Object[] = [];
  let stop: CodecError | undefined;
  // Each header takes at least 3 octets, so the walk ends within bytes.length / 3 turns.
  while (at < bytes.length) {
    const decoded = decodeDnp3ObjectHeader(bytes, at);
    if (!decoded.ok) {
      stop = decoded.error;
      break;
    }
    const { header, size } = decoded.value;
    const dataAt = at + size;
    const data = objectDataSize(bytes, dataAt, header, functionCode);
    if ('error' in data) {
      // Keep the header, so that the summary still names the object: a truncated object keeps
      // the octets there are; an object of unknown size keeps none, and they stay in `rest`.
      const truncated = data.error.code === 'OTS_DNP3_OBJECT_TRUNCATED';
      const end = truncated ? bytes.length : dataAt;
      objects.push(withData(header, at, bytes.subarray(dataAt, end)));
      stop = data.error;
      at = end;
      break;
    }
    objects.push(withData(header, at, bytes.subarray(dataAt, dataAt + data.size)));
    at = dataAt + data.size;
  }

  const fragment: Dnp3ApplicationFragment = {
    // Application control octet (4.2.2.4).
    fir: (control & 0x80) !== 0,
    fin: (control & 0x40) !== 0,
    con: (control & 0x20) !== 0,
    uns: (control & 0x10) !== 0,
    seq: control & 0x0f,
    functionCode,
    function: dnp3FunctionName(functionCode),
    pduType: response ? 'response' : 'request',
    iin,
    objects,
    stop,
    rest: bytes.subarray(at),
  };
  return ok(fragment);
}

/** Encode an application fragment; IIN octets are written for response function codes. */
export function encodeDnp3ApplicationFragment(
  input: Dnp3ApplicationFragmentInput,
): Decoded<Uint8Array> {
  if (!Number.isInteger(input.seq) || input.seq < 0 || input.seq > 15) {
    return fail(dnp3Error('OTS_DNP3_ENCODE_RANGE', `sequence ${input.seq} is outside 0..15`));
  }
  if (!Number.isInteger(input.functionCode) || input.functionCode < 0 || input.functionCode > 255) {
    return fail(
      dnp3Error('OTS_DNP3_ENCODE_RANGE', `function code ${input.functionCode} is outside 0..255`),
    );
  }
  const parts: Uint8Array[] = [];
  const head = [
    ((input.fir ?? true) ? 0x80 : 0) |
      ((input.fin ?? true) ? 0x40 : 0) |
      (input.con === true ? 0x20 : 0) |
      (input.uns === true ? 0x10 : 0) |
      input.seq,
    input.functionCode,
  ];
  if (dnp3IsResponse(input.functionCode)) head.push(...encodeDnp3Iin(input.iin ?? {}));
  parts.push(Uint8Array.from(head));
  for (const object of input.objects ?? []) {
    const header = encodeDnp3ObjectHeader(object);
    if (!header.ok) return header;
    parts.push(header.value);
    if (object.data !== undefined) parts.push(object.data);
  }
  if (input.rest !== undefined) parts.push(input.rest);
  return ok(concat(parts));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
