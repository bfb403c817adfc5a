// The coded errors of the Modbus/TCP codec, and the error a refused PDU carries so that a server
// can still answer it with the right exception response.
import { CodecError, type CodecErrorTable } from '../errors.js';

export const MODBUS_ERRORS = {
  OTS_MODBUS_BAD_PROTOCOL_ID: 'The MBAP protocol identifier is not 0, so the bytes are not Modbus.',
  OTS_MODBUS_BAD_LENGTH: 'The MBAP length field is outside 2..254 (or the configured maximum).',
  OTS_MODBUS_TRUNCATED: 'The bytes end before the ADU or PDU that the length fields announce.',
  OTS_MODBUS_TRAILING_BYTES: 'Bytes follow the single ADU that the MBAP length field announces.',
  OTS_MODBUS_BAD_FUNCTION_CODE:
    'The function code is 0, or in the exception range 128-255 in a request.',
  OTS_MODBUS_BAD_PDU_LENGTH: "The PDU is shorter or longer than its function's layout allows.",
  OTS_MODBUS_BAD_QUANTITY: 'A quantity is outside the range that its function allows.',
  OTS_MODBUS_BAD_BYTE_COUNT: 'A byte count disagrees with the quantity or with the bytes present.',
  OTS_MODBUS_ADDRESS_OVERFLOW: 'A starting address plus its quantity runs past address 65535.',
  OTS_MODBUS_BAD_VALUE:
    'A field holds a value its function forbids (coil value, diagnostics data, MEI code, flag).',
  OTS_MODBUS_BAD_FILE_RECORD:
    'A file record sub-request has a bad reference type, file number or record range.',
  OTS_MODBUS_ENCODE_RANGE:
    'A value given to an encoder does not fit its field, or the PDU would exceed its maximum size.',
  OTS_MODBUS_DATA_TYPE:
    'A data-type conversion was given too few registers, a value out of range or a non-ASCII string.',
} as const satisfies CodecErrorTable;

export type ModbusErrorCode = keyof typeof MODBUS_ERRORS;

/** The exception code a server answers a refused request with (Modbus Application Protocol
 * v1.1b3, 7): 1 illegal function, 2 illegal data address, 3 illegal data value. */
export type SuggestedException = 1 | 2 | 3;

/**
 * A PDU the codec refused, with what a server needs to answer it: the function code it carried
 * and the exception code the specification's state diagrams prescribe (v1.1b3, 6.x "state
 * diagram": quantity or byte count wrong gives 3, address range wrong gives 2). When the PDU came
 * inside an MBAP frame, the transaction and unit identifiers are filled in too, so the exception
 * response can echo them (Implementation Guide v1.0b, 3.1.3).
 */
export class ModbusPduError extends CodecError {
  declare readonly code: ModbusErrorCode;
  /** The function code of the refused PDU: the raw byte, except that a malformed exception
   * response reports the function it answers (0x81 gives 1), like tshark. */
  readonly functionCode: number;
  readonly exceptionCode: SuggestedException;
  readonly transactionId: number | undefined;
  readonly unitId: number | undefined;

  constructor(
    code: ModbusErrorCode,
    message: string,
    offset: number,
    functionCode: number,
    exceptionCode: SuggestedException,
    transactionId?: number,
    unitId?: number,
  ) {
    super('modbus', code, message, offset);
    this.name = 'ModbusPduError';
    this.functionCode = functionCode;
    this.exceptionCode = exceptionCode;
    this.transactionId = transactionId;
    this.unitId = unitId;
  }

  /** The same error seen from an MBAP frame: offset moved past the header, identifiers set. */
  inFrame(transactionId: number, unitId: number, headerLength: number): ModbusPduError {
    return new ModbusPduError(
      this.code,
      this.message,
      (this.offset ?? 0) + headerLength,
      this.functionCode,
      this.exceptionCode,
      transactionId,
      unitId,
    );
  }

  override toJSON(): {
    code: string;
    protocol: string;
    message: string;
    offset?: number;
    function_code: number;
    exception_code: number;
    transaction_id?: number;
    unit?: number;
  } {
    return {
      ...super.toJSON(),
      function_code: this.functionCode,
      exception_code: this.exceptionCode,
      ...(this.transactionId === undefined ? {} : { transaction_id: this.transactionId }),
      ...(this.unitId === undefined ? {} : { unit: this.unitId }),
    };
  }
}

/** An error of the codec that is not about one PDU (framing, encoding, data types). */
export function modbusError(code: ModbusErrorCode, message: string, offset?: number): CodecError {
  return new CodecError('modbus', code, message, offset);
}
