// Report Server ID (FC 17): a device-specific identification block (Modbus Application Protocol
// v1.1b3, 6.13).
import type { ModbusPduError } from '../errors.js';
import { exactLength, minLength, refuse, u8, type PduWriter } from '../bytes.js';

export interface ReportServerIdRequest {
  kind: 'report_server_id';
  pduType: 'request';
}

export interface ReportServerIdResponse {
  kind: 'report_server_id';
  pduType: 'response';
  /**
   * Everything after the byte count: server ID (device-specific length), run indicator status
   * (0x00 OFF, 0xFF ON) and additional data. The length of the server ID is the device's own,
   * so the block is kept whole rather than split at a guessed boundary.
   */
  data: Uint8Array;
}

export function decodeReportServerIdRequest(
  b: Uint8Array,
  start: number,
  end: number,
): ReportServerIdRequest | ModbusPduError {
  // function code only
  return (
    exactLength(b, start, end, 1, 'report_server_id request') ?? {
      kind: 'report_server_id',
      pduType: 'request',
    }
  );
}

export function decodeReportServerIdResponse(
  b: Uint8Array,
  start: number,
  end: number,
): ReportServerIdResponse | ModbusPduError {
  // function code (1), byte count N (1), N bytes
  const short = minLength(b, start, end, 2, 'report_server_id response');
  if (short !== undefined) return short;
  const byteCount = u8(b, start + 1);
  if (byteCount !== end - start - 2) {
    return refuse(
      'OTS_MODBUS_BAD_BYTE_COUNT',
      `report_server_id response says ${byteCount} bytes and carries ${end - start - 2}`,
      1,
      17,
    );
  }
  return { kind: 'report_server_id', pduType: 'response', data: b.subarray(start + 2, end) };
}

export function encodeReportServerIdRequest(w: PduWriter): void {
  w.u8(17, 'function code');
}

export function encodeReportServerIdResponse(pdu: ReportServerIdResponse, w: PduWriter): void {
  w.u8(17, 'function code');
  w.u8(pdu.data.length, 'byte count');
  w.bytes(pdu.data);
}
