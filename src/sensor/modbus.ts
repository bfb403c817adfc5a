// Modbus/TCP on one TCP flow: an MBAP parser per direction, requests paired with responses by
// transaction identifier, and one record per ADU.
import { modbus, type CodecError } from '../protocols/index.js';
import type { Emitter } from './emitter.js';
import type { IcsErrorFields, ModbusIcs, RecordEndpoint } from './record.js';
import type { StreamFlow } from './stream-flow.js';

// Local copies of the hot imports: some loaders (tsx, vitest) turn every use of an imported
// binding into a getter call, which the per-PDU path would pay a million times a second.
const createMbapParser = modbus.createMbapParser;
const functionCodeOf = modbus.functionCodeOf;
const functionName = modbus.functionName;
const exceptionName = modbus.exceptionName;
const umasFunctionName = modbus.umasFunctionName;
const umasStatusName = modbus.umasStatusName;
const ModbusPduError = modbus.ModbusPduError;

/**
 * functionName() of every function code (the masked code is one byte), computed once: an array
 * index per record instead of a Map lookup. Same strings, as functionName() is a pure table.
 */
const FUNCTION_NAMES: readonly string[] = Array.from({ length: 256 }, (_, code) =>
  functionName(code),
);

/**
 * Schneider Modicon PLCs send UMAS replies with an MBAP length of 255 (ITI modicon capture), one
 * more than the guide allows; a passive sensor takes them, and still bounds what it buffers.
 */
export const MODBUS_PASSIVE_MAX_LENGTH = 260;

/** Requests held for their responses, per flow; beyond it the oldest are forgotten. */
const MAX_PENDING = 256;

export interface ModbusFlowOptions {
  readonly maxLength: number;
  readonly values: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class ModbusFlow implements StreamFlow {
  private readonly out: Emitter;
  private readonly client: RecordEndpoint;
  private readonly server: RecordEndpoint;
  private readonly values: boolean;
  private readonly requests: modbus.MbapParser;
  private readonly responses: modbus.MbapParser;
  /** Requests by transaction identifier, to give responses their address and quantity. */
  private readonly pending = new Map<number, modbus.ModbusPdu>();

  constructor(
    out: Emitter,
    client: RecordEndpoint,
    server: RecordEndpoint,
    options: ModbusFlowOptions,
  ) {
    this.out = out;
    this.client = client;
    this.server = server;
    this.values = options.values;
    // 'next-chunk': segments nearly always start on an ADU boundary, so a passive parser that lost
    // the framing (a capture picked up mid-ADU, a gap) tries again at the next segment (parser.ts).
    // onPdu: the ADU's fields without an ADU object per frame (onFrame is then never called).
    this.requests = createMbapParser(
      (adu) => {
        this.request(adu.transactionId, adu.unitId, adu.pdu);
      },
      (error) => {
        this.error(true, error);
      },
      {
        direction: 'request',
        maxLength: options.maxLength,
        resynchronise: 'next-chunk',
        onPdu: (transactionId, unitId, pdu) => {
          this.request(transactionId, unitId, pdu);
        },
      },
    );
    this.responses = createMbapParser(
      (adu) => {
        this.response(adu.transactionId, adu.unitId, adu.pdu);
      },
      (error) => {
        this.error(false, error);
      },
      {
        direction: 'response',
        maxLength: options.maxLength,
        resynchronise: 'next-chunk',
        onPdu: (transactionId, unitId, pdu) => {
          this.response(transactionId, unitId, pdu);
        },
      },
    );
  }

  data(toServer: boolean, bytes: Uint8Array): void {
    (toServer ? this.requests : this.responses).push(bytes);
  }

  gap(toServer: boolean): void {
    // Whatever was held belongs to an ADU that lost bytes: drop it; the gap record says so.
    (toServer ? this.requests : this.responses).reset();
    if (toServer) this.pending.clear();
  }

  end(): void {
    this.unfinished(true, this.requests);
    this.unfinished(false, this.responses);
  }

  private unfinished(toServer: boolean, parser: modbus.MbapParser): void {
    if (parser.buffered === 0) return;
    this.error(
      toServer,
      new modbus.ModbusPduError(
        'OTS_MODBUS_TRUNCATED',
        `the stream ends inside an ADU: ${parser.buffered} bytes held`,
        parser.buffered,
        0,
        3,
      ),
      false,
    );
    parser.reset();
  }

  private request(transactionId: number, unitId: number, pdu: modbus.ModbusPdu): void {
    const pending = this.pending;
    if (pending.size >= MAX_PENDING) pending.clear();
    pending.set(transactionId, pdu);
    this.out.pdu(
      this.client,
      this.server,
      modbusIcsOf(transactionId, unitId, pdu, undefined, this.values),
    );
  }

  private response(transactionId: number, unitId: number, pdu: modbus.ModbusPdu): void {
    const pending = this.pending;
    const request = pending.get(transactionId);
    if (request !== undefined) pending.delete(transactionId);
    this.out.pdu(
      this.server,
      this.client,
      modbusIcsOf(transactionId, unitId, pdu, request, this.values),
    );
  }

  private error(toServer: boolean, error: CodecError, withFunction = true): void {
    const ics: Mutable<IcsErrorFields> = {
      protocol: 'modbus',
      pdu_type: toServer ? 'request' : 'response',
    };
    if (withFunction && error instanceof ModbusPduError) {
      // A refused PDU inside a well-framed ADU: its header and function code are known.
      if (error.unitId !== undefined) ics.unit = error.unitId;
      if (error.transactionId !== undefined) ics.transaction_id = error.transactionId;
      ics.function_code = error.functionCode;
      ics.function = functionName(error.functionCode);
    }
    if (toServer) this.out.streamError(this.client, this.server, ics, error);
    else this.out.streamError(this.server, this.client, ics, error);
  }
}

/**
 * The ics fields of one ADU, built by assignment (no spreads: this runs for every PDU). `request`
 * is the request a response answers, when it was seen.
 */
export function modbusIcs(
  adu: modbus.ModbusAdu,
  request: modbus.ModbusPdu | undefined,
  withValues: boolean,
): ModbusIcs {
  return modbusIcsOf(adu.transactionId, adu.unitId, adu.pdu, request, withValues);
}

/** modbusIcs from the ADU's fields, as the parser's onPdu hands them. */
export function modbusIcsOf(
  transactionId: number,
  unitId: number,
  pdu: modbus.ModbusPdu,
  request: modbus.ModbusPdu | undefined,
  withValues: boolean,
): ModbusIcs {
  const code = functionCodeOf(pdu);
  const ics: Mutable<ModbusIcs> = {
    protocol: 'modbus',
    pdu_type: pdu.pduType,
    unit: unitId,
    transaction_id: transactionId,
    function_code: code,
    function: FUNCTION_NAMES[code] ?? functionName(code),
  };
  switch (pdu.kind) {
    case 'read_coils':
    case 'read_discrete_inputs':
    case 'read_holding_registers':
    case 'read_input_registers':
      if (pdu.pduType === 'request') {
        ics.address = pdu.address;
        ics.quantity = pdu.quantity;
      } else if (request?.kind === pdu.kind && request.pduType === 'request') {
        ics.address = request.address;
        ics.quantity = request.quantity;
        // A bit read's last byte is padded to 8 bits: keep only the bits asked for.
        if (withValues) {
          ics.values =
            pdu.values.length > request.quantity
              ? pdu.values.slice(0, request.quantity)
              : pdu.values;
        }
      } else if (withValues) {
        ics.values = pdu.values;
      }
      break;
    case 'write_single_coil':
    case 'write_single_register':
      ics.address = pdu.address;
      ics.quantity = 1;
      if (withValues) ics.values = [pdu.value];
      break;
    case 'read_exception_status':
      if (pdu.pduType === 'response' && withValues) ics.values = [pdu.outputData];
      break;
    case 'diagnostics':
      ics.sub_function = pdu.subFunction;
      if (withValues && pdu.data.length > 0 && pdu.data.length % 2 === 0) {
        const data = pdu.data;
        const words: number[] = [];
        for (let i = 0; i + 1 < data.length; i += 2) {
          words.push(((data[i] ?? 0) << 8) | (data[i + 1] ?? 0));
        }
        ics.values = words;
      }
      break;
    case 'write_multiple_coils':
    case 'write_multiple_registers':
      ics.address = pdu.address;
      if (pdu.pduType === 'request') {
        ics.quantity = pdu.values.length;
        if (withValues) ics.values = pdu.values;
      } else {
        ics.quantity = pdu.quantity;
      }
      break;
    case 'mask_write_register':
      ics.address = pdu.address;
      break;
    case 'read_write_multiple_registers':
      if (pdu.pduType === 'request') {
        ics.address = pdu.readAddress;
        ics.quantity = pdu.readQuantity;
        ics.write_address = pdu.writeAddress;
        ics.write_quantity = pdu.values.length;
        if (withValues) ics.values = pdu.values;
      } else {
        if (request?.kind === 'read_write_multiple_registers' && request.pduType === 'request') {
          ics.address = request.readAddress;
          ics.quantity = request.readQuantity;
        }
        if (withValues) ics.values = pdu.values;
      }
      break;
    case 'read_fifo_queue':
      if (pdu.pduType === 'request') {
        ics.address = pdu.address;
      } else {
        ics.quantity = pdu.values.length; // the FIFO count (v1.1b3, 6.18)
        if (withValues) ics.values = pdu.values;
      }
      break;
    case 'read_device_identification':
      ics.mei_type = 14;
      break;
    case 'canopen_general_reference':
      ics.mei_type = 13;
      break;
    case 'encapsulated_interface_transport':
      ics.mei_type = pdu.meiType;
      break;
    case 'umas':
      ics.umas =
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
            };
      break;
    case 'exception':
      ics.exception_code = pdu.exceptionCode;
      ics.exception = exceptionName(pdu.exceptionCode);
      break;
    default:
      // get_comm_event_counter, get_comm_event_log, report_server_id, file records, opaque PDUs
      break;
  }
  return ics;
}
