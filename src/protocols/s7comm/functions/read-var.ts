// Read var (function 0x04): a job lists variable specifications (S7ANY addresses), the ack-data
// answers one data item per specification, each with its return code.
import type { Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import type { DataItem } from '../data-item.js';
import { decodeDataItems, writeDataItems } from '../data-item.js';
import type { VarSpec } from '../item.js';
import { decodeVarSpec, varSpecSize, writeVarSpec } from '../item.js';
import type { PartOffsets } from './common.js';
import { badParameter, expectNoData } from './common.js';

export const FUNCTION_READ_VAR = 0x04;

export interface ReadVarRequest {
  kind: 'read_var_request';
  items: VarSpec[];
}

export interface ReadVarResponse {
  kind: 'read_var_response';
  /** Item count of the parameter part; an error ack-data repeats it with no data items. */
  itemCount: number;
  items: DataItem[];
}

/** Items of a read/write var job parameter: function, item count, items (shared with write var). */
export function decodeVarSpecList(parameter: Uint8Array, at: PartOffsets): Decoded<VarSpec[]> {
  if (parameter.length < 2) {
    return fail(badParameter('read/write var parameter lacks its item count', at.parameter));
  }
  const count = parameter[1] ?? 0;
  const items: VarSpec[] = [];
  let offset = 2;
  for (let n = 0; n < count; n++) {
    const item = decodeVarSpec(parameter, offset, parameter.length, at.parameter);
    if (!item.ok) return item;
    items.push(item.value);
    const size = varSpecSize(parameter, offset, parameter.length);
    offset += size;
    // A fill byte follows an odd-length item that is not the last (Wireshark, s7comm_decode_req_resp).
    if (size % 2 === 1 && n < count - 1) offset++;
  }
  if (offset !== parameter.length) {
    return fail(
      badParameter(
        `${parameter.length - offset} bytes follow the ${count} items`,
        at.parameter + offset,
      ),
    );
  }
  return ok(items);
}

export function writeVarSpecList(w: ByteWriter, code: number, items: readonly VarSpec[]): void {
  w.u8(code).u8(items.length);
  for (let n = 0; n < items.length; n++) {
    const item = items[n];
    if (item === undefined) continue;
    const size = writeVarSpec(w, item);
    if (size % 2 === 1 && n < items.length - 1) w.u8(0);
  }
}

export function decodeReadVarRequest(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<ReadVarRequest> {
  const items = decodeVarSpecList(parameter, at);
  if (!items.ok) return items;
  const noData = expectNoData(data, 'read var job', at);
  if (noData) return fail(noData);
  return ok({ kind: 'read_var_request', items: items.value });
}

export function writeReadVarRequest(message: ReadVarRequest, parameter: ByteWriter): void {
  writeVarSpecList(parameter, FUNCTION_READ_VAR, message.items);
}

export function decodeReadVarResponse(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<ReadVarResponse> {
  // Function (1) and item count (1); the data part holds the items.
  if (parameter.length !== 2) {
    return fail(
      badParameter(
        `read var ack-data parameter of ${parameter.length} bytes, expected 2`,
        at.parameter,
      ),
    );
  }
  const itemCount = parameter[1] ?? 0;
  const items = decodeDataItems(data, 0, data.length, itemCount, at.data);
  if (!items.ok) return items;
  return ok({ kind: 'read_var_response', itemCount, items: items.value });
}

export function writeReadVarResponse(
  message: ReadVarResponse,
  parameter: ByteWriter,
  data: ByteWriter,
): void {
  parameter.u8(FUNCTION_READ_VAR).u8(message.itemCount);
  writeDataItems(data, message.items);
}
