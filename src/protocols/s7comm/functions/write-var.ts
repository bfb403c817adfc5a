// Write var (function 0x05): the job lists variable specifications and, in its data part, one
// data item per specification; the ack-data answers one return code byte per item.
import type { Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import type { DataItem } from '../data-item.js';
import { decodeDataItems, writeDataItems } from '../data-item.js';
import type { VarSpec } from '../item.js';
import type { PartOffsets } from './common.js';
import { badData, badParameter } from './common.js';
import { decodeVarSpecList, writeVarSpecList } from './read-var.js';

export const FUNCTION_WRITE_VAR = 0x05;

export interface WriteVarRequest {
  kind: 'write_var_request';
  items: VarSpec[];
  /** One data item per specification, return code 0x00 (reserved). */
  data: DataItem[];
}

export interface WriteVarResponse {
  kind: 'write_var_response';
  itemCount: number;
  /** One per item: 0xFF success, 0x0A object does not exist, 0x05 address out of range, ... */
  returnCodes: number[];
}

export function decodeWriteVarRequest(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<WriteVarRequest> {
  const items = decodeVarSpecList(parameter, at);
  if (!items.ok) return items;
  const values = decodeDataItems(data, 0, data.length, items.value.length, at.data);
  if (!values.ok) return values;
  return ok({ kind: 'write_var_request', items: items.value, data: values.value });
}

export function writeWriteVarRequest(
  message: WriteVarRequest,
  parameter: ByteWriter,
  data: ByteWriter,
): void {
  writeVarSpecList(parameter, FUNCTION_WRITE_VAR, message.items);
  writeDataItems(data, message.data);
}

export function decodeWriteVarResponse(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<WriteVarResponse> {
  if (parameter.length !== 2) {
    return fail(
      badParameter(
        `write var ack-data parameter of ${parameter.length} bytes, expected 2`,
        at.parameter,
      ),
    );
  }
  const itemCount = parameter[1] ?? 0;
  // One return code byte per item, or nothing at all in an error ack-data.
  if (data.length !== 0 && data.length !== itemCount) {
    return fail(badData(`${data.length} return codes for ${itemCount} items`, at.data));
  }
  return ok({ kind: 'write_var_response', itemCount, returnCodes: Array.from(data) });
}

export function writeWriteVarResponse(
  message: WriteVarResponse,
  parameter: ByteWriter,
  data: ByteWriter,
): void {
  parameter.u8(FUNCTION_WRITE_VAR).u8(message.itemCount);
  for (const code of message.returnCodes) data.u8(code);
}
