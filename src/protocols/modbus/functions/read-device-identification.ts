// Read Device Identification (FC 43, MEI type 14): identification objects read in streams
// (basic, regular, extended) or one at a time (Modbus Application Protocol v1.1b3, 6.21).
import type { ModbusPduError } from '../errors.js';
import { exactLength, minLength, refuse, u8, type PduWriter } from '../bytes.js';

export interface ReadDeviceIdentificationRequest {
  kind: 'read_device_identification';
  pduType: 'request';
  /** 1 basic, 2 regular, 3 extended (stream access), 4 one specific object (individual access). */
  readDeviceIdCode: number;
  /** The first object to read (stream access) or the one object (individual access). */
  objectId: number;
}

export interface DeviceIdObject {
  id: number;
  /** The object's bytes as Latin-1 text: objects 0-6 are ASCII strings (6.21), and Latin-1
   * keeps any byte of an extended object exactly, one character per byte. */
  value: string;
}

export interface ReadDeviceIdentificationResponse {
  kind: 'read_device_identification';
  pduType: 'response';
  readDeviceIdCode: number;
  /** See CONFORMITY_LEVELS: 0x01-0x03, with bit 7 set when individual access is supported. */
  conformityLevel: number;
  /** 0xFF on the wire: the objects did not fit, ask again from `nextObjectId`. */
  moreFollows: boolean;
  nextObjectId: number;
  /** In the order the device sent them. */
  objects: DeviceIdObject[];
}

function latin1(b: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += String.fromCharCode(b[i] ?? 0);
  return text;
}

export function decodeReadDeviceIdentificationRequest(
  b: Uint8Array,
  start: number,
  end: number,
): ReadDeviceIdentificationRequest | ModbusPduError {
  // function code 0x2B (1), MEI type 0x0E (1), read device ID code (1), object ID (1)
  const wrongLength = exactLength(b, start, end, 4, 'read_device_identification request');
  if (wrongLength !== undefined) return wrongLength;
  const readDeviceIdCode = u8(b, start + 2);
  if (readDeviceIdCode < 1 || readDeviceIdCode > 4) {
    return refuse(
      'OTS_MODBUS_BAD_VALUE',
      `read_device_identification request has read device ID code ${readDeviceIdCode}, only 1..4 exist`,
      2,
      43,
    );
  }
  return {
    kind: 'read_device_identification',
    pduType: 'request',
    readDeviceIdCode,
    objectId: u8(b, start + 3),
  };
}

export function decodeReadDeviceIdentificationResponse(
  b: Uint8Array,
  start: number,
  end: number,
): ReadDeviceIdentificationResponse | ModbusPduError {
  // function code (1), MEI type (1), read device ID code (1), conformity level (1), more follows
  // 0x00/0xFF (1), next object ID (1), number of objects (1), then per object: ID (1), length N
  // (1), N bytes
  const short = minLength(b, start, end, 7, 'read_device_identification response');
  if (short !== undefined) return short;
  const moreFollows = u8(b, start + 4);
  if (moreFollows !== 0x00 && moreFollows !== 0xff) {
    return refuse(
      'OTS_MODBUS_BAD_VALUE',
      `read_device_identification response has more-follows 0x${moreFollows.toString(16)}, only 0x00 and 0xFF exist`,
      4,
      43,
    );
  }
  const count = u8(b, start + 6);
  const objects: DeviceIdObject[] = [];
  let at = start + 7;
  for (let i = 0; i < count; i++) {
    const length = u8(b, at + 1);
    if (at + 2 > end || at + 2 + length > end) {
      return refuse(
        'OTS_MODBUS_BAD_BYTE_COUNT',
        `read_device_identification response announces ${count} objects and object ${i} runs past the PDU`,
        at - start,
        43,
      );
    }
    objects.push({ id: u8(b, at), value: latin1(b, at + 2, at + 2 + length) });
    at += 2 + length;
  }
  if (at !== end) {
    return refuse(
      'OTS_MODBUS_BAD_PDU_LENGTH',
      `read_device_identification response has ${end - at} bytes after its ${count} objects`,
      at - start,
      43,
    );
  }
  return {
    kind: 'read_device_identification',
    pduType: 'response',
    readDeviceIdCode: u8(b, start + 2),
    conformityLevel: u8(b, start + 3),
    moreFollows: moreFollows === 0xff,
    nextObjectId: u8(b, start + 5),
    objects,
  };
}

export function encodeReadDeviceIdentificationRequest(
  pdu: ReadDeviceIdentificationRequest,
  w: PduWriter,
): void {
  w.u8(43, 'function code');
  w.u8(14, 'MEI type');
  w.u8(pdu.readDeviceIdCode, 'read device ID code');
  w.u8(pdu.objectId, 'object ID');
}

export function encodeReadDeviceIdentificationResponse(
  pdu: ReadDeviceIdentificationResponse,
  w: PduWriter,
): void {
  w.u8(43, 'function code');
  w.u8(14, 'MEI type');
  w.u8(pdu.readDeviceIdCode, 'read device ID code');
  w.u8(pdu.conformityLevel, 'conformity level');
  w.u8(pdu.moreFollows ? 0xff : 0x00, 'more follows');
  w.u8(pdu.nextObjectId, 'next object ID');
  w.u8(pdu.objects.length, 'number of objects');
  for (const object of pdu.objects) {
    w.u8(object.id, 'object ID');
    w.u8(object.value.length, 'object length');
    for (let i = 0; i < object.value.length; i++)
      w.u8(object.value.charCodeAt(i), 'object value character');
  }
}
