// SZL 0x0131 index 1 record, general communication data (Siemens SZL-ID W#16#0131): maximum PDU
// size, connections and bus data rates. The other 0x0131 indexes stay raw records.
import type { ByteWriter } from '../../bytes.js';
import { u16, u32 } from '../../bytes.js';

export const COMMUNICATION_CAPABILITY_RECORD_LENGTH = 40;

export interface CommunicationCapability {
  kind: 'communication_capability';
  /** 0x0001. */
  index: number;
  /** pdu: maximum PDU size in bytes. */
  maxPduSize: number;
  /** anz: maximum number of communication connections. */
  maxConnections: number;
  /** mpi_bps: maximum MPI data rate in bit/s (0x0002DC6C is 187500). */
  mpiRate: number;
  /** kbus_bps: maximum communication bus data rate in bit/s. */
  kbusRate: number;
  /** res: 26 reserved bytes, as sent. */
  reserved: Uint8Array;
}

export function decodeCommunicationCapability(
  bytes: Uint8Array,
  offset: number,
): CommunicationCapability {
  // index (2), pdu (2), anz (2), mpi_bps (4), kbus_bps (4), res (26).
  return {
    kind: 'communication_capability',
    index: u16(bytes, offset),
    maxPduSize: u16(bytes, offset + 2),
    maxConnections: u16(bytes, offset + 4),
    mpiRate: u32(bytes, offset + 6),
    kbusRate: u32(bytes, offset + 10),
    reserved: bytes.subarray(offset + 14, offset + 40),
  };
}

export function writeCommunicationCapability(w: ByteWriter, record: CommunicationCapability): void {
  w.u16(record.index).u16(record.maxPduSize).u16(record.maxConnections);
  w.u32(record.mpiRate).u32(record.kbusRate);
  const reserved = record.reserved.subarray(0, 26);
  w.bytes(reserved);
  for (let n = reserved.length; n < 26; n++) w.u8(0);
}
