// The CIP Message Router request and response: service, request path and data; or the reply
// service, general status and additional status words, then data (CIP Vol 1, 2-4.1 and 2-4.2).
import { fail, ok, type CodecError, type Decoded } from '../../errors.js';
import { concat, fits, putU16, u16 } from '../bytes.js';
import { enipError } from '../errors.js';
import { cipClassName } from './classes.js';
import { cipTarget, decodeEpath, encodeEpath, type CipSegment, type CipTarget } from './epath.js';
import { cipGeneralStatusName } from './general-status.js';
import { cipServiceName } from './services.js';

export interface CipRequest extends CipTarget {
  readonly kind: 'request';
  readonly service: number;
  /** Named for the class the path addresses: 'get_attribute_single', 'read_tag', ... */
  readonly serviceName: string;
  /** 'identity', 'connection_manager', ... when the path names a class. */
  readonly className: string | undefined;
  /** Request path size in 16-bit words. */
  readonly pathSize: number;
  readonly path: readonly CipSegment[];
  /** Request data after the path (a view). */
  readonly data: Uint8Array;
}

export interface CipResponse {
  readonly kind: 'response';
  /** The request's service code: the reply service with bit 0x80 cleared. */
  readonly service: number;
  readonly serviceName: string;
  /** The reserved octet after the reply service (0). */
  readonly reserved: number;
  readonly generalStatus: number;
  /** 'success', 'path_destination_unknown', ... */
  readonly generalStatusName: string;
  /** Additional status words (object- or service-specific). */
  readonly additionalStatus: readonly number[];
  /** Response data (a view). */
  readonly data: Uint8Array;
}

export type CipMessage = CipRequest | CipResponse;

export interface CipRequestInput {
  readonly service: number;
  /** Path as segments, or as already encoded padded EPATH octets. */
  readonly path: readonly CipSegment[] | Uint8Array;
  readonly data?: Uint8Array;
}

export interface CipResponseInput {
  /** The request's service code (0x80 is added). */
  readonly service: number;
  readonly generalStatus?: number;
  readonly additionalStatus?: readonly number[];
  readonly reserved?: number;
  readonly data?: Uint8Array;
}

function truncated(what: string, need: number, have: number, base: number): CodecError {
  return enipError(
    'OTS_ENIP_CIP_TRUNCATED',
    `CIP ${what} needs ${need} octets, ${have} are there`,
    base + have,
  );
}

/** Decode a Message Router request or response (bit 0x80 of the service tells which). */
export function decodeCipMessage(bytes: Uint8Array, base = 0): Decoded<CipMessage> {
  const service = bytes[0];
  const second = bytes[1];
  if (service === undefined || second === undefined) {
    return fail(truncated('header', 2, bytes.length, base));
  }
  if ((service & 0x80) === 0) {
    // Request: service, path size in words, path (2-4.1).
    const pathEnd = 2 + 2 * second;
    if (bytes.length < pathEnd) return fail(truncated('request path', pathEnd, bytes.length, base));
    const path = decodeEpath(bytes.subarray(2, pathEnd), base + 2);
    if (!path.ok) return path;
    const target = cipTarget(path.value);
    const classId = target.classId;
    return ok({
      kind: 'request',
      service,
      serviceName: cipServiceName(service, classId, target.symbol !== undefined),
      classId,
      className: classId === undefined ? undefined : cipClassName(classId),
      instance: target.instance,
      attribute: target.attribute,
      member: target.member,
      connectionPoint: target.connectionPoint,
      symbol: target.symbol,
      pathSize: second,
      path: path.value,
      data: bytes.subarray(pathEnd),
    });
  }
  // Response: reply service, reserved, general status, additional status size, words (2-4.2).
  if (bytes.length < 4) return fail(truncated('response header', 4, bytes.length, base));
  const generalStatus = bytes[2] ?? 0;
  const words = bytes[3] ?? 0;
  const dataAt = 4 + 2 * words;
  if (bytes.length < dataAt)
    return fail(truncated('additional status', dataAt, bytes.length, base));
  const additionalStatus: number[] = [];
  for (let i = 0; i < words; i++) additionalStatus.push(u16(bytes, 4 + 2 * i));
  return ok({
    kind: 'response',
    service: service & 0x7f,
    serviceName: cipServiceName(service),
    reserved: second,
    generalStatus,
    generalStatusName: cipGeneralStatusName(generalStatus),
    additionalStatus,
    data: bytes.subarray(dataAt),
  });
}

/** Encode a Message Router request. */
export function encodeCipRequest(input: CipRequestInput): Decoded<Uint8Array> {
  if (!fits(input.service, 0x7f)) {
    return fail(
      enipError('OTS_ENIP_ENCODE_RANGE', `request service ${input.service} is outside 0..127`),
    );
  }
  let path: Uint8Array;
  if (input.path instanceof Uint8Array) {
    path = input.path;
  } else {
    const encoded = encodeEpath(input.path);
    if (!encoded.ok) return encoded;
    path = encoded.value;
  }
  if (path.length % 2 !== 0 || path.length > 0x1fe) {
    return fail(
      enipError(
        'OTS_ENIP_ENCODE_RANGE',
        `request path of ${path.length} octets is not 0..255 words`,
      ),
    );
  }
  return ok(
    concat([Uint8Array.of(input.service, path.length / 2), path, input.data ?? new Uint8Array(0)]),
  );
}

/** Encode a Message Router response. */
export function encodeCipResponse(input: CipResponseInput): Decoded<Uint8Array> {
  const additional = input.additionalStatus ?? [];
  if (
    !fits(input.service, 0x7f) ||
    !fits(input.generalStatus ?? 0, 0xff) ||
    !fits(input.reserved ?? 0, 0xff) ||
    additional.length > 0xff ||
    !additional.every((word) => fits(word, 0xffff))
  ) {
    return fail(
      enipError(
        'OTS_ENIP_ENCODE_RANGE',
        'response service, status or additional status out of range',
      ),
    );
  }
  const head = new Uint8Array(4 + 2 * additional.length);
  head[0] = input.service | 0x80;
  head[1] = input.reserved ?? 0;
  head[2] = input.generalStatus ?? 0;
  head[3] = additional.length;
  additional.forEach((word, i) => {
    putU16(head, 4 + 2 * i, word);
  });
  return ok(concat([head, input.data ?? new Uint8Array(0)]));
}
