// Encapsulated Interface Transport (FC 43): dispatches on the MEI type to Read Device
// Identification (14) and keeps CANopen General Reference (13) and any other MEI type as named
// opaque PDUs (Modbus Application Protocol v1.1b3, 6.19 and 6.20).
import type { ModbusPduError } from '../errors.js';
import { MEI_TYPES } from '../codes.js';
import { minLength, u8, type PduWriter } from '../bytes.js';
import {
  decodeReadDeviceIdentificationRequest,
  decodeReadDeviceIdentificationResponse,
  type ReadDeviceIdentificationRequest,
  type ReadDeviceIdentificationResponse,
} from './read-device-identification.js';

/** CANopen General Reference (MEI 13): its content is CANopen's, carried as is (6.20). */
export interface CanopenGeneralReference {
  kind: 'canopen_general_reference';
  pduType: 'request' | 'response';
  /** Everything after the MEI type byte. */
  data: Uint8Array;
}

/** An MEI type the specification does not define. */
export interface EncapsulatedInterfaceTransport {
  kind: 'encapsulated_interface_transport';
  pduType: 'request' | 'response';
  meiType: number;
  /** Everything after the MEI type byte. */
  data: Uint8Array;
}

export type EncapsulatedPdu =
  | ReadDeviceIdentificationRequest
  | ReadDeviceIdentificationResponse
  | CanopenGeneralReference
  | EncapsulatedInterfaceTransport;

export function decodeEncapsulated(
  pduType: 'request' | 'response',
  b: Uint8Array,
  start: number,
  end: number,
): EncapsulatedPdu | ModbusPduError {
  // function code 0x2B (1), MEI type (1), MEI-type-specific data (6.19)
  const short = minLength(b, start, end, 2, `encapsulated_interface_transport ${pduType}`);
  if (short !== undefined) return short;
  const meiType = u8(b, start + 1);
  if (meiType === MEI_TYPES.read_device_identification) {
    return pduType === 'request'
      ? decodeReadDeviceIdentificationRequest(b, start, end)
      : decodeReadDeviceIdentificationResponse(b, start, end);
  }
  const data = b.subarray(start + 2, end);
  if (meiType === MEI_TYPES.canopen_general_reference) {
    return { kind: 'canopen_general_reference', pduType, data };
  }
  return { kind: 'encapsulated_interface_transport', pduType, meiType, data };
}

export function encodeCanopenGeneralReference(pdu: CanopenGeneralReference, w: PduWriter): void {
  w.u8(43, 'function code');
  w.u8(MEI_TYPES.canopen_general_reference, 'MEI type');
  w.bytes(pdu.data);
}

export function encodeEncapsulatedInterfaceTransport(
  pdu: EncapsulatedInterfaceTransport,
  w: PduWriter,
): void {
  w.u8(43, 'function code');
  w.u8(pdu.meiType, 'MEI type');
  w.bytes(pdu.data);
}
