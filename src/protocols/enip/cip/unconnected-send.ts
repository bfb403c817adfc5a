// Unconnected Send (service 0x52 to the Connection Manager): a request wrapped with a timeout
// and the route path to the target, as sent to a gateway or a controller's backplane
// (CIP Vol 1, 3-5.5.2).
import { fail, ok, type Decoded } from '../../errors.js';
import { concat, fits, putU16, u16 } from '../bytes.js';
import { enipError } from '../errors.js';
import { decodeEpath, encodeEpath, type CipSegment } from './epath.js';
import { decodeCipMessage, type CipRequest } from './message.js';

export interface CipUnconnectedSend {
  /** Priority bit and tick time (ms per tick = 2^bits 3..0). */
  readonly priorityTimeTick: number;
  readonly timeoutTicks: number;
  /** The embedded request, decoded. */
  readonly request: CipRequest;
  /** The embedded request's octets (a view). */
  readonly requestBytes: Uint8Array;
  readonly routePath: readonly CipSegment[];
  /** The reserved octet after the route path size (0). */
  readonly reserved: number;
}

export interface CipUnconnectedSendInput {
  readonly priorityTimeTick?: number;
  readonly timeoutTicks?: number;
  /** The encoded embedded request. */
  readonly request: Uint8Array;
  readonly routePath: readonly CipSegment[] | Uint8Array;
}

function bad(message: string, at: number): Decoded<never> {
  return fail(enipError('OTS_ENIP_BAD_EMBEDDED', message, at));
}

/** Decode the request data of an Unconnected Send (the octets after its path). */
export function decodeCipUnconnectedSend(data: Uint8Array, base = 0): Decoded<CipUnconnectedSend> {
  if (data.length < 4)
    return bad(
      `unconnected send needs 4 octets before its request, ${data.length} are there`,
      base,
    );
  const size = u16(data, 2);
  const requestEnd = 4 + size;
  // The embedded request is padded to an even length before the route path.
  const routeAt = requestEnd + (size % 2);
  if (data.length < routeAt + 2) {
    return bad(
      `embedded request of ${size} octets and route path size run past the ${data.length} octets`,
      base + 2,
    );
  }
  const requestBytes = data.subarray(4, requestEnd);
  const request = decodeCipMessage(requestBytes, base + 4);
  if (!request.ok) return request;
  if (request.value.kind !== 'request') return bad('the embedded message is a response', base + 4);
  const routeWords = data[routeAt] ?? 0;
  const routeEnd = routeAt + 2 + 2 * routeWords;
  if (data.length < routeEnd)
    return bad(`route path of ${routeWords} words runs past the data`, base + routeAt);
  const routePath = decodeEpath(data.subarray(routeAt + 2, routeEnd), base + routeAt + 2);
  if (!routePath.ok) return routePath;
  if (routeEnd !== data.length)
    return bad(`${data.length - routeEnd} octets follow the route path`, base + routeEnd);
  return ok({
    priorityTimeTick: data[0] ?? 0,
    timeoutTicks: data[1] ?? 0,
    request: request.value,
    requestBytes,
    routePath: routePath.value,
    reserved: data[routeAt + 1] ?? 0,
  });
}

/** Encode Unconnected Send request data (to follow service 0x52 and path class 6 instance 1). */
export function encodeCipUnconnectedSend(input: CipUnconnectedSendInput): Decoded<Uint8Array> {
  let route: Uint8Array;
  if (input.routePath instanceof Uint8Array) {
    route = input.routePath;
  } else {
    const encoded = encodeEpath(input.routePath);
    if (!encoded.ok) return encoded;
    route = encoded.value;
  }
  const tick = input.priorityTimeTick ?? 0x0a;
  const timeout = input.timeoutTicks ?? 0xf0;
  if (
    !fits(tick, 0xff) ||
    !fits(timeout, 0xff) ||
    input.request.length > 0xffff ||
    route.length % 2 !== 0 ||
    route.length > 0x1fe
  ) {
    return fail(
      enipError(
        'OTS_ENIP_ENCODE_RANGE',
        'unconnected send tick, timeout, request or route path out of range',
      ),
    );
  }
  const head = new Uint8Array(4);
  head[0] = tick;
  head[1] = timeout;
  putU16(head, 2, input.request.length);
  const pad = new Uint8Array(input.request.length % 2);
  return ok(concat([head, input.request, pad, Uint8Array.of(route.length / 2, 0), route]));
}
