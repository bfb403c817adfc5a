// The compact form of a decoded ADU for events and `otsafe decode` output: the `ics.*` fields of
// an event, named as in DESIGN.md (unit, function_code, function, pdu_type, address, ...).
import {
  exceptionName,
  functionName,
  umasFunctionName,
  umasStatusName,
  type ExceptionName,
  type FunctionName,
} from './codes.js';
import type { ModbusAdu } from './mbap.js';
import { functionCodeOf, type ModbusPdu } from './pdu.js';

export interface ModbusSummary {
  unit: number;
  transaction_id: number;
  /** Masked like tshark's: an exception to FC 8 gives 8. */
  function_code: number;
  function: FunctionName;
  pdu_type: 'request' | 'response' | 'exception';
  exception_code?: number;
  exception?: ExceptionName;
  /** The starting address; for FC 23 the read address. In a response to a read it comes only
   * from the matching request, when one is given. */
  address?: number;
  /** Items read or written; for FC 23 the quantity read. */
  quantity?: number;
  /** FC 23: where and how many registers the request writes. */
  write_address?: number;
  write_quantity?: number;
  /** Registers as numbers, coils and inputs as booleans: what was written or read. */
  values?: number[] | boolean[];
  /** FC 8: the diagnostics sub-function. */
  sub_function?: number;
  /** FC 43: the MEI type (13 CANopen, 14 device identification). */
  mei_type?: number;
  /** FC 90: the UMAS session key and function code (request) or status (reply). */
  umas?: { session_key: number; function_code: number; function: string };
}

type PduFields = Omit<ModbusSummary, 'unit' | 'transaction_id'>;

/**
 * Summarises one ADU. Pass the request a response answers (matched by transaction identifier)
 * to give a read's response its address and quantity and to drop the padding bits of a bit read.
 */
export function summarize(adu: ModbusAdu, request?: ModbusPdu): ModbusSummary {
  return { unit: adu.unitId, transaction_id: adu.transactionId, ...summarizePdu(adu.pdu, request) };
}

export function summarizePdu(pdu: ModbusPdu, request?: ModbusPdu): PduFields {
  const code = functionCodeOf(pdu);
  const head: PduFields = {
    function_code: code,
    function: functionName(code),
    pdu_type: pdu.pduType,
  };
  switch (pdu.kind) {
    case 'read_coils':
    case 'read_discrete_inputs':
    case 'read_holding_registers':
    case 'read_input_registers': {
      if (pdu.pduType === 'request')
        return { ...head, address: pdu.address, quantity: pdu.quantity };
      if (request?.kind === pdu.kind && request.pduType === 'request') {
        const values =
          pdu.values.length > request.quantity ? pdu.values.slice(0, request.quantity) : pdu.values;
        return { ...head, address: request.address, quantity: request.quantity, values };
      }
      return { ...head, values: pdu.values };
    }
    case 'write_single_coil':
      return { ...head, address: pdu.address, quantity: 1, values: [pdu.value] };
    case 'write_single_register':
      return { ...head, address: pdu.address, quantity: 1, values: [pdu.value] };
    case 'read_exception_status':
      return pdu.pduType === 'response' ? { ...head, values: [pdu.outputData] } : head;
    case 'diagnostics': {
      const fields: PduFields = { ...head, sub_function: pdu.subFunction };
      if (pdu.data.length % 2 === 0 && pdu.data.length > 0) {
        const words: number[] = [];
        for (let i = 0; i < pdu.data.length; i += 2)
          words.push(((pdu.data[i] ?? 0) << 8) | (pdu.data[i + 1] ?? 0));
        fields.values = words;
      }
      return fields;
    }
    case 'write_multiple_coils':
    case 'write_multiple_registers':
      if (pdu.pduType === 'request')
        return { ...head, address: pdu.address, quantity: pdu.values.length, values: pdu.values };
      return { ...head, address: pdu.address, quantity: pdu.quantity };
    case 'mask_write_register':
      return { ...head, address: pdu.address };
    case 'read_write_multiple_registers':
      if (pdu.pduType === 'request') {
        return {
          ...head,
          address: pdu.readAddress,
          quantity: pdu.readQuantity,
          write_address: pdu.writeAddress,
          write_quantity: pdu.values.length,
          values: pdu.values,
        };
      }
      if (request?.kind === 'read_write_multiple_registers' && request.pduType === 'request') {
        return {
          ...head,
          address: request.readAddress,
          quantity: request.readQuantity,
          values: pdu.values,
        };
      }
      return { ...head, values: pdu.values };
    case 'read_fifo_queue':
      return pdu.pduType === 'request'
        ? { ...head, address: pdu.address }
        : { ...head, values: pdu.values };
    case 'read_device_identification':
      return { ...head, mei_type: 14 };
    case 'canopen_general_reference':
      return { ...head, mei_type: 13 };
    case 'encapsulated_interface_transport':
      return { ...head, mei_type: pdu.meiType };
    case 'umas':
      return {
        ...head,
        umas:
          pdu.pduType === 'request'
            ? {
                session_key: pdu.sessionKey,
                function_code: pdu.umasFunctionCode,
                function: umasFunctionName(pdu.umasFunctionCode),
              }
            : {
                session_key: pdu.sessionKey,
                function_code: pdu.status,
                function: umasStatusName(pdu.status),
              },
      };
    case 'exception':
      return {
        ...head,
        exception_code: pdu.exceptionCode,
        exception: exceptionName(pdu.exceptionCode),
      };
    default:
      // get_comm_event_counter, get_comm_event_log, report_server_id, file records, opaque PDUs
      return head;
  }
}
