// Userdata PDUs (ROSCTR 7): the parameter block, the 4-byte data head (return code, transport
// size, length) and a body decoded by function group and subfunction — SZL read, clock, password
// and block lists — or kept as bytes.
import type { Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import { u16 } from '../bytes.js';
import { s7Error } from '../errors.js';
import type {
  BlockInfoRequest,
  BlockListBody,
  BlockListOfTypeBody,
  BlockListOfTypeRequest,
} from './block-functions.js';
import {
  SUBFUNCTION_BLOCK_INFO,
  SUBFUNCTION_LIST_BLOCKS,
  SUBFUNCTION_LIST_BLOCKS_OF_TYPE,
  decodeBlockInfoRequest,
  decodeBlockList,
  decodeBlockListOfType,
  decodeBlockListOfTypeRequest,
  writeBlockInfoRequest,
  writeBlockList,
  writeBlockListOfType,
  writeBlockListOfTypeRequest,
} from './block-functions.js';
import type { ClockBody } from './clock.js';
import { CLOCK_LENGTH, decodeClock, writeClock } from './clock.js';
import type { UserdataParameter } from './parameter.js';
import {
  GROUP_BLOCK,
  GROUP_CPU,
  GROUP_SECURITY,
  GROUP_TIME,
  USERDATA_TYPE_REQUEST,
  USERDATA_TYPE_RESPONSE,
  decodeUserdataParameter,
  writeUserdataParameter,
} from './parameter.js';
import type { PasswordBody } from './password.js';
import {
  PASSWORD_LENGTH,
  SUBFUNCTION_PLC_PASSWORD,
  decodePassword,
  writePassword,
} from './password.js';
import type { SzlRequest, SzlResponse } from './szl.js';
import {
  SUBFUNCTION_READ_SZL,
  decodeSzlRequest,
  decodeSzlResponse,
  looksLikeSzlHeader,
  writeSzlRequest,
  writeSzlResponse,
} from './szl.js';

export const DATA_RETURN_SUCCESS = 0xff;
/** Return code of an empty data part: requests without data, and refused requests. */
export const DATA_RETURN_NO_DATA = 0x0a;
export const DATA_TRANSPORT_OCTET_STRING = 0x09;

/** A body this module leaves as bytes (unknown group or subfunction, error answers with data). */
export interface RawBody {
  kind: 'raw';
  bytes: Uint8Array;
}

/** The continuation of data a previous PDU started (same data unit reference): no header of its own. */
export interface FragmentBody {
  kind: 'fragment';
  bytes: Uint8Array;
}

export interface NoBody {
  kind: 'none';
}

export type UserdataBody =
  | NoBody
  | RawBody
  | FragmentBody
  | SzlRequest
  | SzlResponse
  | ClockBody
  | PasswordBody
  | BlockListBody
  | BlockListOfTypeRequest
  | BlockListOfTypeBody
  | BlockInfoRequest;

export interface UserdataMessage {
  kind: 'userdata';
  parameter: UserdataParameter;
  /** Data head, absent when the PDU has no data part: 0xFF success, 0x0A no data / refused. */
  returnCode?: number;
  /** Data head: 0x09 octet string with data, 0x00 without. Defaults to 0x09 when returnCode is 0xFF. */
  transportSize?: number;
  body: UserdataBody;
}

function bodyOf(
  p: UserdataParameter,
  returnCode: number,
  payload: Uint8Array,
  at: number,
): Decoded<UserdataBody> {
  if (payload.length === 0) return ok({ kind: 'none' });
  const request = p.type === USERDATA_TYPE_REQUEST;
  const response = p.type === USERDATA_TYPE_RESPONSE;
  const success = returnCode === DATA_RETURN_SUCCESS;
  // The second and later PDUs of a split answer carry no header: a non-zero data unit reference
  // and a payload that cannot start an SZL list (Wireshark decides the same from the reference).
  const continuation = response && (p.dataUnitReference ?? 0) !== 0;

  switch (p.group) {
    case GROUP_CPU:
      if (p.subfunction === SUBFUNCTION_READ_SZL) {
        if (request) return decodeSzlRequest(payload, at);
        if (response && success) {
          if (continuation && !looksLikeSzlHeader(payload))
            return ok({ kind: 'fragment', bytes: payload });
          return decodeSzlResponse(payload, at);
        }
      }
      break;
    case GROUP_TIME:
      if (payload.length === CLOCK_LENGTH) return ok(decodeClock(payload));
      break;
    case GROUP_SECURITY:
      if (
        request &&
        p.subfunction === SUBFUNCTION_PLC_PASSWORD &&
        payload.length === PASSWORD_LENGTH
      ) {
        return ok(decodePassword(payload));
      }
      break;
    case GROUP_BLOCK:
      if (
        p.subfunction === SUBFUNCTION_LIST_BLOCKS &&
        response &&
        success &&
        payload.length % 4 === 0
      ) {
        return ok(decodeBlockList(payload));
      }
      if (p.subfunction === SUBFUNCTION_LIST_BLOCKS_OF_TYPE) {
        if (request && payload.length === 2) return ok(decodeBlockListOfTypeRequest(payload));
        if (response && success && payload.length % 4 === 0)
          return ok(decodeBlockListOfType(payload));
      }
      if (p.subfunction === SUBFUNCTION_BLOCK_INFO && request && payload.length === 8) {
        return ok(decodeBlockInfoRequest(payload));
      }
      break;
    default:
      break;
  }
  return ok({ kind: 'raw', bytes: payload });
}

export function decodeUserdata(
  parameter: Uint8Array,
  data: Uint8Array,
  at: { parameter: number; data: number },
): Decoded<UserdataMessage> {
  const p = decodeUserdataParameter(parameter, at.parameter);
  if (!p.ok) return p;
  if (data.length === 0)
    return ok({ kind: 'userdata', parameter: p.value, body: { kind: 'none' } });
  // Data head: return code (1), transport size (1), length (2) of what follows.
  if (data.length < 4 || u16(data, 2) !== data.length - 4) {
    return fail(
      s7Error(
        'OTS_S7COMM_BAD_USERDATA',
        `userdata data part of ${data.length} bytes does not match its length field`,
        at.data,
      ),
    );
  }
  const returnCode = data[0] ?? 0;
  const transportSize = data[1] ?? 0;
  const body = bodyOf(p.value, returnCode, data.subarray(4), at.data + 4);
  if (!body.ok) return body;
  return ok({ kind: 'userdata', parameter: p.value, returnCode, transportSize, body: body.value });
}

function writeBody(w: ByteWriter, body: UserdataBody): void {
  switch (body.kind) {
    case 'none':
      return;
    case 'raw':
    case 'fragment':
      w.bytes(body.bytes);
      return;
    case 'szl_request':
      writeSzlRequest(w, body);
      return;
    case 'szl_response':
      writeSzlResponse(w, body);
      return;
    case 'clock':
      writeClock(w, body);
      return;
    case 'password':
      writePassword(w, body);
      return;
    case 'block_list':
      writeBlockList(w, body);
      return;
    case 'block_list_of_type_request':
      writeBlockListOfTypeRequest(w, body);
      return;
    case 'block_list_of_type':
      writeBlockListOfType(w, body);
      return;
    case 'block_info_request':
      writeBlockInfoRequest(w, body);
      return;
  }
}

export function writeUserdata(
  message: UserdataMessage,
  parameter: ByteWriter,
  data: ByteWriter,
): void {
  writeUserdataParameter(parameter, message.parameter);
  if (message.returnCode === undefined) return;
  const start = data.length;
  data.u8(message.returnCode);
  data.u8(
    message.transportSize ?? (message.body.kind === 'none' ? 0x00 : DATA_TRANSPORT_OCTET_STRING),
  );
  data.u16(0); // length, known once the body is written
  writeBody(data, message.body);
  const length = data.length - start - 4;
  data.patch(start + 2, length >>> 8).patch(start + 3, length);
}
