// The door of src/protocols: pure codecs for the industrial protocols and for captures. Each
// protocol is a namespace (modbus.decodePdu, pcap.createCaptureReader), because their names are
// the field's own and would clash if flattened (every protocol has a functionName).
export { CodecError, fail, ok, type CodecErrorTable, type Decoded } from './errors.js';
export * as modbus from './modbus/index.js';
export * as pcap from './pcap/index.js';
export * as s7comm from './s7comm/index.js';
export * as dnp3 from './dnp3/index.js';
export * as enip from './enip/index.js';

import { DNP3_ERRORS } from './dnp3/index.js';
import { ENIP_ERRORS } from './enip/index.js';
import { MODBUS_ERRORS } from './modbus/index.js';
import { PCAP_ERRORS } from './pcap/index.js';
import { S7COMM_ERRORS } from './s7comm/index.js';

/** Every codec's error table, by protocol: docs/errors.md lists each code. */
export const CODEC_ERRORS = {
  modbus: MODBUS_ERRORS,
  s7comm: S7COMM_ERRORS,
  dnp3: DNP3_ERRORS,
  enip: ENIP_ERRORS,
  pcap: PCAP_ERRORS,
} as const;
