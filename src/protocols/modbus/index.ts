// The door of the Modbus/TCP codec: MBAP framing (incremental and one-shot), PDU decoding and
// encoding for every public function code, the code tables, event summaries and data types.
export {
  MODBUS_ERRORS,
  ModbusPduError,
  type ModbusErrorCode,
  type SuggestedException,
} from './errors.js';
export {
  CONFORMITY_LEVELS,
  DEVICE_ID_OBJECTS,
  DIAGNOSTICS_SUB_FUNCTIONS,
  EXCEPTION_CODES,
  FUNCTION_CATEGORIES,
  FUNCTION_CODES,
  MEI_TYPES,
  READ_DEVICE_ID_CODES,
  UMAS_FUNCTIONS,
  UMAS_STATUSES,
  conformityLevelName,
  deviceIdObjectName,
  exceptionName,
  functionCategory,
  functionName,
  isUserDefinedFunction,
  meiTypeName,
  readDeviceIdCodeName,
  subFunctionName,
  umasFunctionName,
  umasStatusName,
  type ConformityLevelName,
  type DeviceIdObjectName,
  type ExceptionName,
  type FunctionCategory,
  type FunctionName,
  type KnownFunctionName,
  type MeiTypeName,
  type ReadDeviceIdCodeName,
  type SubFunctionName,
  type UmasFunctionName,
  type UmasStatusName,
  type UnknownName,
} from './codes.js';
export { MODBUS_LIMITS } from './limits.js';
export { MAX_PDU_LENGTH } from './bytes.js';
export {
  decodePdu,
  encodePdu,
  functionCodeOf,
  type Direction,
  type EncodeOptions,
  type ModbusPdu,
  type ModbusPduKind,
} from './pdu.js';
export {
  MBAP_HEADER_LENGTH,
  MBAP_MAX_LENGTH,
  decodeMbapFrame,
  decodeMbapFrames,
  encodeMbapFrame,
  type MbapOptions,
  type ModbusAdu,
} from './mbap.js';
export { createMbapParser, type MbapParser, type MbapParserOptions } from './parser.js';
export { summarize, summarizePdu, type ModbusSummary } from './summary.js';
export {
  REGISTER_TYPES,
  decodeRegisterString,
  decodeRegisterValue,
  encodeRegisterString,
  encodeRegisterValue,
  type BigRegisterType,
  type ByteOrder,
  type NumberRegisterType,
  type RegisterType,
} from './datatypes.js';
export type { ReadBitsKind, ReadBitsRequest, ReadBitsResponse } from './functions/read-bits.js';
export type {
  ReadRegistersKind,
  ReadRegistersRequest,
  ReadRegistersResponse,
} from './functions/read-registers.js';
export type { WriteSingleCoil } from './functions/write-single-coil.js';
export type { WriteSingleRegister } from './functions/write-single-register.js';
export type {
  ReadExceptionStatusRequest,
  ReadExceptionStatusResponse,
} from './functions/read-exception-status.js';
export { diagnosticsPdu, diagnosticsWord, type Diagnostics } from './functions/diagnostics.js';
export type {
  GetCommEventCounterRequest,
  GetCommEventCounterResponse,
} from './functions/get-comm-event-counter.js';
export type {
  GetCommEventLogRequest,
  GetCommEventLogResponse,
} from './functions/get-comm-event-log.js';
export type {
  WriteMultipleCoilsRequest,
  WriteMultipleCoilsResponse,
} from './functions/write-multiple-coils.js';
export type {
  WriteMultipleRegistersRequest,
  WriteMultipleRegistersResponse,
} from './functions/write-multiple-registers.js';
export type {
  ReportServerIdRequest,
  ReportServerIdResponse,
} from './functions/report-server-id.js';
export { FILE_REFERENCE_TYPE } from './functions/file-record.js';
export type {
  FileRecordData,
  FileRecordReference,
  ReadFileRecordRequest,
  ReadFileRecordResponse,
} from './functions/read-file-record.js';
export type { FileRecord, WriteFileRecord } from './functions/write-file-record.js';
export type { MaskWriteRegister } from './functions/mask-write-register.js';
export type {
  ReadWriteMultipleRegistersRequest,
  ReadWriteMultipleRegistersResponse,
} from './functions/read-write-multiple-registers.js';
export type { ReadFifoQueueRequest, ReadFifoQueueResponse } from './functions/read-fifo-queue.js';
export type {
  DeviceIdObject,
  ReadDeviceIdentificationRequest,
  ReadDeviceIdentificationResponse,
} from './functions/read-device-identification.js';
export type {
  CanopenGeneralReference,
  EncapsulatedInterfaceTransport,
} from './functions/encapsulated-interface-transport.js';
export type { UmasPdu, UmasRequest, UmasResponse } from './functions/umas.js';
export type { OpaquePdu } from './functions/opaque.js';
export { exceptionPdu, type ExceptionResponse } from './functions/exception.js';
