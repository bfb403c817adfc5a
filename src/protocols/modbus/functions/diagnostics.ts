// Diagnostics (FC 8) and its sub-functions (Modbus Application Protocol v1.1b3, 6.8 and 6.8.1).
import type { ModbusPduError } from '../errors.js';
import { DIAGNOSTICS_SUB_FUNCTIONS as SUB } from '../codes.js';
import { minLength, refuse, u16, type PduWriter } from '../bytes.js';

export interface Diagnostics {
  kind: 'diagnostics';
  pduType: 'request' | 'response';
  /** The sub-function code, 2 bytes (see DIAGNOSTICS_SUB_FUNCTIONS). */
  subFunction: number;
  /**
   * The data field as on the wire. Return Query Data (0x00) carries any bytes and its response
   * echoes them; every other sub-function of 6.8.1 carries one 16-bit word (read it with
   * `diagnosticsWord`); unknown sub-functions carry whatever they carry.
   */
  data: Uint8Array;
}

/** The sub-functions whose request data must be 0x0000 (6.8.1). */
const ZERO_REQUEST = new Set<number>([
  SUB.return_diagnostic_register,
  SUB.force_listen_only_mode,
  SUB.clear_counters_and_diagnostic_register,
  SUB.return_bus_message_count,
  SUB.return_bus_communication_error_count,
  SUB.return_bus_exception_error_count,
  SUB.return_server_message_count,
  SUB.return_server_no_response_count,
  SUB.return_server_nak_count,
  SUB.return_server_busy_count,
  SUB.return_bus_character_overrun_count,
  SUB.clear_overrun_counter_and_flag,
]);

/** The 16-bit data word of a one-word sub-function, or undefined when the data is not 2 bytes. */
export function diagnosticsWord(pdu: Diagnostics): number | undefined {
  return pdu.data.length === 2 ? u16(pdu.data, 0) : undefined;
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(4, '0')}`;
}

export function decodeDiagnostics(
  pduType: 'request' | 'response',
  b: Uint8Array,
  start: number,
  end: number,
): Diagnostics | ModbusPduError {
  // function code (1), sub-function (2), data (N)
  const short = minLength(b, start, end, 3, `diagnostics ${pduType}`);
  if (short !== undefined) return short;
  const subFunction = u16(b, start + 1);
  const data = b.subarray(start + 3, end);
  const known =
    subFunction === SUB.restart_communications_option ||
    subFunction === SUB.change_ascii_input_delimiter ||
    ZERO_REQUEST.has(subFunction);
  if (known) {
    // One data word, in the request and in the response (6.8.1, each sub-function's table).
    if (data.length !== 2) {
      return refuse(
        'OTS_MODBUS_BAD_PDU_LENGTH',
        `diagnostics ${pduType} sub-function ${hex(subFunction)} has ${data.length} data bytes, its layout has 2`,
        3,
        8,
      );
    }
    if (pduType === 'request') {
      const word = u16(data, 0);
      // 0x01: 0xFF00 clears the communications event log, 0x0000 leaves it (6.8.1, 01).
      // 0x03: the new delimiter is the high byte, the low byte is 0x00 (6.8.1, 03).
      const allowed =
        subFunction === SUB.restart_communications_option
          ? word === 0x0000 || word === 0xff00
          : subFunction === SUB.change_ascii_input_delimiter
            ? (word & 0xff) === 0
            : word === 0;
      if (!allowed) {
        return refuse(
          'OTS_MODBUS_BAD_VALUE',
          `diagnostics request sub-function ${hex(subFunction)} has data ${hex(word)}, which 6.8.1 does not allow`,
          3,
          8,
        );
      }
    }
  }
  return { kind: 'diagnostics', pduType, subFunction, data };
}

export function encodeDiagnostics(pdu: Diagnostics, w: PduWriter): void {
  w.u8(8, 'function code');
  w.u16(pdu.subFunction, 'sub-function');
  w.bytes(pdu.data);
}

/** A diagnostics PDU whose data is one 16-bit word: most sub-functions' shape. */
export function diagnosticsPdu(
  pduType: 'request' | 'response',
  subFunction: number,
  word: number,
): Diagnostics {
  return {
    kind: 'diagnostics',
    pduType,
    subFunction,
    data: Uint8Array.of((word >> 8) & 0xff, word & 0xff),
  };
}
