// The common packet format that carries addresses and data in SendRRData, SendUnitData, the
// ListIdentity/ListServices/ListInterfaces replies and UDP I/O: an item count, then items of
// type, length and data (CIP Vol 2, 2-6).
import { fail, ok, type Decoded } from '../errors.js';
import { concat, fits, putU16, putU32, u16, u32 } from './bytes.js';
import { enipError } from './errors.js';
import { decodeEnipIdentity, type EnipIdentity } from './identity.js';
import { decodeEnipListServicesItem, type EnipServiceItem } from './list-services.js';
import {
  ENIP_SOCKADDR_SIZE,
  readEnipSocketAddress,
  type EnipSocketAddress,
} from './socket-address.js';

/** Item type IDs (2-6.1, Table 2-6.3). */
export const CPF_ITEM_TYPES = {
  0x0000: 'null_address',
  0x000c: 'list_identity',
  0x00a1: 'connected_address',
  0x00b1: 'connected_data',
  0x00b2: 'unconnected_data',
  0x0100: 'list_services',
  0x8000: 'sockaddr_info_o_t',
  0x8001: 'sockaddr_info_t_o',
  0x8002: 'sequenced_address',
} as const;

export type CpfItemTypeName = (typeof CPF_ITEM_TYPES)[keyof typeof CPF_ITEM_TYPES];

/** Item type IDs by name, for encoders. */
export const CPF_ITEM = {
  null_address: 0x0000,
  list_identity: 0x000c,
  connected_address: 0x00a1,
  connected_data: 0x00b1,
  unconnected_data: 0x00b2,
  list_services: 0x0100,
  sockaddr_info_o_t: 0x8000,
  sockaddr_info_t_o: 0x8001,
  sequenced_address: 0x8002,
} as const satisfies Record<CpfItemTypeName, number>;

const ITEM_NAMES: Readonly<Record<number, CpfItemTypeName>> = CPF_ITEM_TYPES;

/** Name of an item type: 'unconnected_data', ..., or 'unknown-N'. */
export function cpfItemTypeName(typeId: number): CpfItemTypeName | `unknown-${number}` {
  return ITEM_NAMES[typeId] ?? `unknown-${typeId}`;
}

/** One CPF item: its type and raw data, and the fields of the types this codec knows. */
export interface CpfItem {
  readonly typeId: number;
  readonly type: string;
  /** The item's data (a view). */
  readonly data: Uint8Array;
  /** Connected address and sequenced address items. */
  readonly connectionId?: number;
  /** Sequenced address item (I/O): the encapsulation sequence number. */
  readonly sequence?: number;
  /** Sockaddr info items. */
  readonly sockaddr?: EnipSocketAddress;
  /** ListIdentity reply item. */
  readonly identity?: EnipIdentity;
  /** ListServices reply item. */
  readonly service?: EnipServiceItem;
}

export interface CpfPacket {
  readonly items: readonly CpfItem[];
}

/** What an encoder needs: the type and the already encoded item data. */
export interface CpfItemInput {
  readonly typeId: number;
  readonly data?: Uint8Array;
}

/** Item data sizes fixed by the type (2-6.2, 2-6.3). */
const FIXED_SIZE: Readonly<Record<number, number>> = {
  0x0000: 0,
  0x00a1: 4,
  0x8000: ENIP_SOCKADDR_SIZE,
  0x8001: ENIP_SOCKADDR_SIZE,
  0x8002: 8,
};

function decodeItem(typeId: number, data: Uint8Array, at: number): Decoded<CpfItem> {
  const type = cpfItemTypeName(typeId);
  const fixed = FIXED_SIZE[typeId];
  if (fixed !== undefined && data.length !== fixed) {
    return fail(
      enipError(
        'OTS_ENIP_BAD_ITEM',
        `${type} item holds ${data.length} octets where its type takes ${fixed}`,
        at,
      ),
    );
  }
  switch (typeId) {
    case 0x00a1:
      return ok({ typeId, type, data, connectionId: u32(data, 0) });
    case 0x8002:
      return ok({ typeId, type, data, connectionId: u32(data, 0), sequence: u32(data, 4) });
    case 0x8000:
    case 0x8001:
      return ok({ typeId, type, data, sockaddr: readEnipSocketAddress(data, 0) });
    case 0x000c: {
      const identity = decodeEnipIdentity(data, true);
      if (!identity.ok) return identity;
      return ok({ typeId, type, data, identity: identity.value });
    }
    case 0x0100: {
      const service = decodeEnipListServicesItem(data);
      if (!service.ok) return service;
      return ok({ typeId, type, data, service: service.value });
    }
    default:
      return ok({ typeId, type, data });
  }
}

/** Decode a common packet format that fills `bytes` exactly. */
export function decodeCpf(bytes: Uint8Array): Decoded<CpfPacket> {
  if (bytes.length < 2) {
    return fail(
      enipError('OTS_ENIP_CPF_TRUNCATED', `item count needs 2 octets, ${bytes.length} remain`, 0),
    );
  }
  const count = u16(bytes, 0);
  const items: CpfItem[] = [];
  let at = 2;
  // Each item takes at least 4 octets, so a lying count ends at the end of the data.
  for (let n = 0; n < count; n++) {
    if (bytes.length - at < 4) {
      return fail(
        enipError(
          'OTS_ENIP_CPF_TRUNCATED',
          `item ${n} of ${count}: type and length need 4 octets, ${bytes.length - at} remain`,
          at,
        ),
      );
    }
    const typeId = u16(bytes, at);
    const length = u16(bytes, at + 2);
    if (bytes.length - at - 4 < length) {
      return fail(
        enipError(
          'OTS_ENIP_CPF_TRUNCATED',
          `item ${n} of ${count} (${cpfItemTypeName(typeId)}): length ${length} runs past the ` +
            `${bytes.length - at - 4} octets that remain`,
          at + 2,
        ),
      );
    }
    const item = decodeItem(typeId, bytes.subarray(at + 4, at + 4 + length), at + 4);
    if (!item.ok) return item;
    items.push(item.value);
    at += 4 + length;
  }
  if (at !== bytes.length) {
    return fail(
      enipError(
        'OTS_ENIP_BAD_COMMAND_DATA',
        `${bytes.length - at} octets follow the ${count} common packet format items`,
        at,
      ),
    );
  }
  return ok({ items });
}

/** Encode a common packet format from items whose data is already encoded. */
export function encodeCpf(items: readonly CpfItemInput[]): Decoded<Uint8Array> {
  if (items.length > 0xffff) {
    return fail(enipError('OTS_ENIP_ENCODE_RANGE', `${items.length} items exceed 65535`));
  }
  const parts: Uint8Array[] = [];
  const count = new Uint8Array(2);
  putU16(count, 0, items.length);
  parts.push(count);
  for (const item of items) {
    const data = item.data ?? new Uint8Array(0);
    if (!fits(item.typeId, 0xffff) || data.length > 0xffff) {
      return fail(
        enipError(
          'OTS_ENIP_ENCODE_RANGE',
          `item type ${item.typeId} or length ${data.length} is outside 0..65535`,
        ),
      );
    }
    const head = new Uint8Array(4);
    putU16(head, 0, item.typeId);
    putU16(head, 2, data.length);
    parts.push(head, data);
  }
  return ok(concat(parts));
}

/** Data of a connected address item (0x00A1): the connection ID. */
export function encodeConnectedAddress(connectionId: number): Uint8Array {
  const out = new Uint8Array(4);
  putU32(out, 0, connectionId);
  return out;
}

/** Data of a sequenced address item (0x8002): connection ID and sequence number. */
export function encodeSequencedAddress(connectionId: number, sequence: number): Uint8Array {
  const out = new Uint8Array(8);
  putU32(out, 0, connectionId);
  putU32(out, 4, sequence);
  return out;
}
