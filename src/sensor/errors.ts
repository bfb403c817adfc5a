// The coded errors the sensor's decode pipeline adds to the codecs' own: what goes wrong between
// the capture and the stream parsers rather than inside one protocol's bytes.
import type { CodecErrorTable } from '../protocols/index.js';

export const SENSOR_ERRORS = {
  OTS_SENSOR_TCP_GAP:
    'TCP reassembly gave up on bytes of a stream that never came (lost or not captured); the protocol parser starts afresh after the hole.',
} as const satisfies CodecErrorTable;

export type SensorErrorCode = keyof typeof SENSOR_ERRORS;
