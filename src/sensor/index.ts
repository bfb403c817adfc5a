// The door of src/sensor: the passive decode pipeline (capture bytes in, one record per ICS PDU
// out) behind `otsafe decode`, its record types and their one-line JSON form.
export { createDecoder, type Decoder, type DecoderOptions } from './decode.js';
export { decodeReadable } from './readable.js';
export type { DecodeStats } from './emitter.js';
export { SENSOR_ERRORS, type SensorErrorCode } from './errors.js';
export {
  DEFAULT_PORTS,
  SENSOR_PROTOCOLS,
  type PortAssignment,
  type SensorProtocol,
} from './ports.js';
export {
  formatRecord,
  isErrorRecord,
  type CipIcs,
  type DecodeRecord,
  type Dnp3Ics,
  type EnipIcs,
  type ErrorRecord,
  type IcsErrorFields,
  type IcsRecordFields,
  type ModbusIcs,
  type PduRecord,
  type PduType,
  type RecordEndpoint,
  type RecordFormat,
  type S7commIcs,
} from './record.js';
