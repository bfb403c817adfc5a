// PLC stop (function 0x29): puts the CPU into STOP, naming the service P_PROGRAM. The start
// counterpart is the PI service 0x28 with the same name.
import type { Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import type { PartOffsets } from './common.js';
import {
  badParameter,
  decodeStatusOnlyAck,
  expectNoData,
  readShortString,
  writeFunctionStatus,
  writeShortString,
} from './common.js';

export const FUNCTION_PLC_STOP = 0x29;

export interface PlcStopRequest {
  kind: 'plc_stop_request';
  /** 5 bytes of unknown meaning, zero in practice. */
  reserved: Uint8Array;
  /** 'P_PROGRAM'. */
  service: string;
}

export interface PlcStopResponse {
  kind: 'plc_stop_response';
  functionStatus?: number;
}

export function decodePlcStopRequest(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<PlcStopRequest> {
  // 29, unknown (5), name length (1), name (Wireshark, s7comm_decode_plc_controls_param_hex29).
  const name = readShortString(parameter, 6, parameter.length);
  if (name?.next !== parameter.length) {
    return fail(
      badParameter(
        'PLC stop parameter does not hold 5 reserved bytes and a service name',
        at.parameter,
      ),
    );
  }
  const noData = expectNoData(data, 'PLC stop job', at);
  if (noData) return fail(noData);
  return ok({ kind: 'plc_stop_request', reserved: parameter.subarray(1, 6), service: name.text });
}

export function writePlcStopRequest(message: PlcStopRequest, parameter: ByteWriter): void {
  parameter.u8(FUNCTION_PLC_STOP).bytes(message.reserved.subarray(0, 5));
  for (let n = message.reserved.length; n < 5; n++) parameter.u8(0);
  writeShortString(parameter, message.service);
}

/** The stop job every client sends. */
export function plcStopRequest(): PlcStopRequest {
  return { kind: 'plc_stop_request', reserved: new Uint8Array(5), service: 'P_PROGRAM' };
}

export function decodePlcStopResponse(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<PlcStopResponse> {
  return decodeStatusOnlyAck('plc_stop_response', 'PLC stop', parameter, data, at);
}

export function writePlcStopResponse(message: PlcStopResponse, parameter: ByteWriter): void {
  writeFunctionStatus(parameter, FUNCTION_PLC_STOP, message.functionStatus);
}
