// The parameter part of userdata PDUs (ROSCTR 7): head 00 01 12, length, method, type and
// function group, subfunction, sequence number, and in the 12-byte form (what CPUs answer and
// what follow-up requests send) data unit reference, last data unit and an error code.
import type { Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import { u16 } from '../bytes.js';
import { s7Error } from '../errors.js';
import type { UserdataGroupName, UserdataSubfunctionName } from '../names.js';
import { userdataGroupName, userdataSubfunctionName, userdataTypeName } from '../names.js';

export const USERDATA_METHOD_REQUEST = 0x11;
export const USERDATA_METHOD_RESPONSE = 0x12;
export const USERDATA_TYPE_PUSH = 0x0;
export const USERDATA_TYPE_REQUEST = 0x4;
export const USERDATA_TYPE_RESPONSE = 0x8;

export const GROUP_PROGRAMMER = 0x1;
export const GROUP_CYCLIC = 0x2;
export const GROUP_BLOCK = 0x3;
export const GROUP_CPU = 0x4;
export const GROUP_SECURITY = 0x5;
export const GROUP_TIME = 0x7;

export interface UserdataParameter {
  /** Syntax id byte: 0x11 in 8-byte request blocks, 0x12 in 12-byte blocks. As sent. */
  method: number;
  /** High nibble of byte 5: 0x0 push, 0x4 request, 0x8 response. */
  type: number;
  /** Low nibble of byte 5: 1 programmer, 2 cyclic, 3 block, 4 CPU, 5 security, 7 time. */
  group: number;
  subfunction: number;
  sequenceNumber: number;
  /** 12-byte form only: pairs the pieces of a response split over several PDUs. */
  dataUnitReference?: number;
  /** 12-byte form only: 0x00 this is the last data unit, 0x01 more follow. */
  lastDataUnit?: number;
  /** 12-byte form only: parameter error code (0xD401 unknown SZL id, 0xD602 wrong password...). */
  errorCode?: number;
  /** Decoder: 'push', 'request', 'response'. */
  typeName?: string;
  /** Decoder: userdataGroupName(group). */
  groupName?: UserdataGroupName;
  /** Decoder: userdataSubfunctionName(group, subfunction). */
  subfunctionName?: UserdataSubfunctionName;
}

/** Whether a parameter part is a userdata block this module decodes: head 00 01 12. */
export function isUserdataParameter(parameter: Uint8Array): boolean {
  return (
    parameter.length >= 8 && parameter[0] === 0x00 && parameter[1] === 0x01 && parameter[2] === 0x12
  );
}

export function decodeUserdataParameter(
  parameter: Uint8Array,
  at: number,
): Decoded<UserdataParameter> {
  // 00 01 12 (function 0, item count 1, var spec 0x12), length of what follows: 4 or 8.
  const length = parameter[3] ?? 0;
  if (
    !isUserdataParameter(parameter) ||
    length + 4 !== parameter.length ||
    (length !== 4 && length !== 8)
  ) {
    return fail(
      s7Error(
        'OTS_S7COMM_BAD_USERDATA',
        `userdata parameter of ${parameter.length} bytes with length byte ${length}, expected 8 or 12 bytes`,
        at,
      ),
    );
  }
  const typeGroup = parameter[5] ?? 0;
  const type = typeGroup >> 4;
  const group = typeGroup & 0x0f;
  const subfunction = parameter[6] ?? 0;
  const value: UserdataParameter = {
    method: parameter[4] ?? 0,
    type,
    group,
    subfunction,
    sequenceNumber: parameter[7] ?? 0,
  };
  if (length === 8) {
    value.dataUnitReference = parameter[8] ?? 0;
    value.lastDataUnit = parameter[9] ?? 0;
    value.errorCode = u16(parameter, 10);
  }
  value.typeName = userdataTypeName(type);
  value.groupName = userdataGroupName(group);
  value.subfunctionName = userdataSubfunctionName(group, subfunction);
  return ok(value);
}

/** Write the 8-byte form, or the 12-byte form when dataUnitReference is set. */
export function writeUserdataParameter(w: ByteWriter, p: UserdataParameter): void {
  const long = p.dataUnitReference !== undefined;
  w.u8(0x00)
    .u8(0x01)
    .u8(0x12)
    .u8(long ? 8 : 4);
  w.u8(p.method)
    .u8(((p.type & 0x0f) << 4) | (p.group & 0x0f))
    .u8(p.subfunction)
    .u8(p.sequenceNumber);
  if (long)
    w.u8(p.dataUnitReference ?? 0)
      .u8(p.lastDataUnit ?? 0)
      .u16(p.errorCode ?? 0);
}

/** An 8-byte request block. */
export function userdataRequestParameter(
  group: number,
  subfunction: number,
  sequenceNumber = 0,
): UserdataParameter {
  return {
    method: USERDATA_METHOD_REQUEST,
    type: USERDATA_TYPE_REQUEST,
    group,
    subfunction,
    sequenceNumber,
  };
}

/** A 12-byte response block, as real CPUs send (nmap's s7-info needs it). */
export function userdataResponseParameter(
  group: number,
  subfunction: number,
  options: {
    sequenceNumber?: number;
    dataUnitReference?: number;
    lastDataUnit?: number;
    errorCode?: number;
  } = {},
): UserdataParameter {
  return {
    method: USERDATA_METHOD_RESPONSE,
    type: USERDATA_TYPE_RESPONSE,
    group,
    subfunction,
    sequenceNumber: options.sequenceNumber ?? 0,
    dataUnitReference: options.dataUnitReference ?? 0,
    lastDataUnit: options.lastDataUnit ?? 0,
    errorCode: options.errorCode ?? 0,
  };
}
