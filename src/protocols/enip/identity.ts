// The Identity object's reply, in both places it travels: the ListIdentity reply item 0x000C
// (CIP Vol 2, 2-4.3.1: version, socket address, attributes 1 to 7, state) and the
// Get_Attributes_All reply of class 1 instance 1 (CIP Vol 1, 5A-2.2: attributes 1 to 7 and on).
import { fail, ok, type Decoded } from '../errors.js';
import { fits, fromLatin1, latin1, putU16, putU32, u16, u32 } from './bytes.js';
import { enipError } from './errors.js';
import {
  ENIP_SOCKADDR_SIZE,
  readEnipSocketAddress,
  writeEnipSocketAddress,
  type EnipSocketAddress,
} from './socket-address.js';

export interface EnipIdentity {
  /** Encapsulation protocol version (ListIdentity item only; 1 today). */
  readonly encapsulationVersion?: number;
  /** Where the target takes encapsulation sessions (ListIdentity item only). */
  readonly socketAddress?: EnipSocketAddress;
  /** Attribute 1: ODVA vendor ID (1 is Rockwell Automation/Allen-Bradley). */
  readonly vendorId: number;
  /** Attribute 2: device profile, e.g. 0x0E programmable logic controller. */
  readonly deviceType: number;
  /** 'programmable_logic_controller', ..., or 'unknown-N'. */
  readonly deviceTypeName: string;
  /** Attribute 3. */
  readonly productCode: number;
  /** Attribute 4: major and minor revision. */
  readonly revisionMajor: number;
  readonly revisionMinor: number;
  /** Attribute 5: status word (owned, configured, fault bits). */
  readonly status: number;
  /** Attribute 6. */
  readonly serialNumber: number;
  /** Attribute 7: SHORT_STRING. */
  readonly productName: string;
  /** Attribute 8: 3 operational, 0xFF when not implemented; always in ListIdentity. */
  readonly state?: number;
  /** Get_Attributes_All: octets of further attributes after the product name (and state). */
  readonly rest?: Uint8Array;
}

export type EnipIdentityInput = Omit<EnipIdentity, 'deviceTypeName' | 'socketAddress' | 'rest'> & {
  readonly socketAddress?: Pick<EnipSocketAddress, 'address' | 'port'> & Partial<EnipSocketAddress>;
  readonly rest?: Uint8Array;
};

/** Device profiles (CIP Vol 1, Table 6-7.1). */
export const CIP_DEVICE_TYPES = {
  0x00: 'generic_device',
  0x02: 'ac_drive',
  0x03: 'motor_overload',
  0x04: 'limit_switch',
  0x05: 'inductive_proximity_switch',
  0x06: 'photoelectric_sensor',
  0x07: 'general_purpose_discrete_io',
  0x09: 'resolver',
  0x0c: 'communications_adapter',
  0x0e: 'programmable_logic_controller',
  0x10: 'position_controller',
  0x13: 'dc_drive',
  0x15: 'contactor',
  0x16: 'motor_starter',
  0x17: 'soft_start',
  0x18: 'human_machine_interface',
  0x1a: 'mass_flow_controller',
  0x1b: 'pneumatic_valve',
  0x1c: 'vacuum_pressure_gauge',
  0x22: 'encoder',
  0x23: 'safety_discrete_io_device',
  0x25: 'cip_motion_drive',
  0x2b: 'generic_device_keyable',
  0x2c: 'managed_ethernet_switch',
} as const;

const DEVICE_TYPE_NAMES: Readonly<Record<number, string>> = CIP_DEVICE_TYPES;

export function cipDeviceTypeName(deviceType: number): string {
  return DEVICE_TYPE_NAMES[deviceType] ?? `unknown-${deviceType}`;
}

function truncated(field: string, at: number, length: number): Decoded<never> {
  return fail(
    enipError(
      'OTS_ENIP_IDENTITY_TRUNCATED',
      `identity reply ends at ${length} octets, before its ${field}`,
      at,
    ),
  );
}

/**
 * Decode identity attributes. `listIdentityItem` reads the ListIdentity item layout (version and
 * socket address first, state last, nothing after); otherwise a Get_Attributes_All reply, whose
 * octets after the product name are kept in `rest`.
 */
export function decodeEnipIdentity(
  bytes: Uint8Array,
  listIdentityItem: boolean,
): Decoded<EnipIdentity> {
  let at = 0;
  let head: Pick<EnipIdentity, 'encapsulationVersion' | 'socketAddress'> = {};
  if (listIdentityItem) {
    if (bytes.length < 2 + ENIP_SOCKADDR_SIZE)
      return truncated('socket address', bytes.length, bytes.length);
    head = { encapsulationVersion: u16(bytes, 0), socketAddress: readEnipSocketAddress(bytes, 2) };
    at = 2 + ENIP_SOCKADDR_SIZE;
  }
  // vendor (2), device type (2), product code (2), revision (2), status (2), serial (4), name length (1)
  if (bytes.length - at < 15) return truncated('fixed attributes', bytes.length, bytes.length);
  const nameLength = bytes[at + 14] ?? 0;
  const nameAt = at + 15;
  if (bytes.length < nameAt + nameLength)
    return truncated('product name', bytes.length, bytes.length);
  const deviceType = u16(bytes, at + 2);
  const fixed = {
    ...head,
    vendorId: u16(bytes, at),
    deviceType,
    deviceTypeName: cipDeviceTypeName(deviceType),
    productCode: u16(bytes, at + 4),
    revisionMajor: bytes[at + 6] ?? 0,
    revisionMinor: bytes[at + 7] ?? 0,
    status: u16(bytes, at + 8),
    serialNumber: u32(bytes, at + 10),
    productName: latin1(bytes.subarray(nameAt, nameAt + nameLength)),
  };
  const after = nameAt + nameLength;
  if (listIdentityItem) {
    const state = bytes[after];
    if (state === undefined) return truncated('state', bytes.length, bytes.length);
    if (after + 1 !== bytes.length) {
      return fail(
        enipError(
          'OTS_ENIP_BAD_ITEM',
          `${bytes.length - after - 1} octets follow the state of a ListIdentity item`,
          after + 1,
        ),
      );
    }
    return ok({ ...fixed, state });
  }
  return ok({ ...fixed, rest: bytes.subarray(after) });
}

function checkIdentity(identity: EnipIdentityInput): string | undefined {
  const fields: [string, number, number][] = [
    ['vendorId', identity.vendorId, 0xffff],
    ['deviceType', identity.deviceType, 0xffff],
    ['productCode', identity.productCode, 0xffff],
    ['revisionMajor', identity.revisionMajor, 0xff],
    ['revisionMinor', identity.revisionMinor, 0xff],
    ['status', identity.status, 0xffff],
    ['serialNumber', identity.serialNumber, 0xffffffff],
    ['productName length', identity.productName.length, 0xff],
    ['state', identity.state ?? 0, 0xff],
    ['encapsulationVersion', identity.encapsulationVersion ?? 1, 0xffff],
  ];
  for (const [field, value, max] of fields) {
    if (!fits(value, max)) return `${field} ${value} is outside 0..${max}`;
  }
  return undefined;
}

function writeAttributes(out: Uint8Array, at: number, identity: EnipIdentityInput): number {
  putU16(out, at, identity.vendorId);
  putU16(out, at + 2, identity.deviceType);
  putU16(out, at + 4, identity.productCode);
  out[at + 6] = identity.revisionMajor;
  out[at + 7] = identity.revisionMinor;
  putU16(out, at + 8, identity.status);
  putU32(out, at + 10, identity.serialNumber);
  out[at + 14] = identity.productName.length;
  out.set(fromLatin1(identity.productName), at + 15);
  return at + 15 + identity.productName.length;
}

/**
 * Encode the data of a ListIdentity reply item (type 0x000C), as a target answers a broadcast.
 * Version defaults to 1, the socket address to 0.0.0.0:44818, the state to 3 (operational).
 */
export function encodeEnipIdentityItem(identity: EnipIdentityInput): Decoded<Uint8Array> {
  const bad = checkIdentity(identity);
  if (bad !== undefined) return fail(enipError('OTS_ENIP_ENCODE_RANGE', bad));
  const out = new Uint8Array(2 + ENIP_SOCKADDR_SIZE + 15 + identity.productName.length + 1);
  putU16(out, 0, identity.encapsulationVersion ?? 1);
  const sockaddr = identity.socketAddress ?? { address: '0.0.0.0', port: 44818 };
  if (!writeEnipSocketAddress(out, 2, sockaddr)) {
    return fail(
      enipError(
        'OTS_ENIP_ENCODE_RANGE',
        `socket address ${sockaddr.address}:${sockaddr.port} is not an IPv4 address and port`,
      ),
    );
  }
  const end = writeAttributes(out, 2 + ENIP_SOCKADDR_SIZE, identity);
  out[end] = identity.state ?? 3;
  return ok(out);
}

/** Encode the Get_Attributes_All reply data of the Identity object (attributes 1 to 7, then rest). */
export function encodeCipIdentityAttributes(identity: EnipIdentityInput): Decoded<Uint8Array> {
  const bad = checkIdentity(identity);
  if (bad !== undefined) return fail(enipError('OTS_ENIP_ENCODE_RANGE', bad));
  const rest = identity.rest ?? new Uint8Array(0);
  const out = new Uint8Array(15 + identity.productName.length + rest.length);
  const end = writeAttributes(out, 0, identity);
  out.set(rest, end);
  return ok(out);
}
