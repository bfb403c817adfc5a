// Reassembly of a TSDU (one S7 PDU) from COTP DT TPDUs: a DT with EOT=0 says more follows
// (ISO 8073, 6.3 segmenting and reassembling). Bounded, so a peer that never sets EOT cannot
// make us buffer without limit.
import type { CodecError } from '../errors.js';
import type { CotpData } from './cotp.js';
import { s7Error } from './errors.js';

/** Default bound: the largest PDU length setup communication can negotiate (16-bit field). */
export const DEFAULT_MAX_S7_PDU_SIZE = 65535;

const EMPTY = new Uint8Array(0);

export interface CotpReassembler {
  /** Add one DT TPDU, in stream order. */
  push(dt: CotpData): void;
  /** Drop a partial TSDU. */
  reset(): void;
  /** Bytes held for an unfinished TSDU. */
  readonly buffered: number;
}

/**
 * `onTsdu` receives each complete TSDU and the number of DT TPDUs it came in. A single DT with
 * EOT is passed through without a copy. A TSDU over `maxSize` bytes is reported once
 * (OTS_S7COMM_COTP_REASSEMBLY_OVERFLOW) and dropped up to and including its EOT TPDU.
 */
export function createCotpReassembler(
  onTsdu: (tsdu: Uint8Array, tpduCount: number) => void,
  onError: (error: CodecError) => void,
  options: { maxSize?: number } = {},
): CotpReassembler {
  const maxSize = Math.max(1, Math.floor(options.maxSize ?? DEFAULT_MAX_S7_PDU_SIZE));
  let parts: Uint8Array[] = [];
  let size = 0;
  let discarding = false;

  function reset(): void {
    parts = [];
    size = 0;
    discarding = false;
  }

  function push(dt: CotpData): void {
    if (discarding) {
      if (dt.eot) reset();
      return;
    }
    if (size === 0 && dt.eot) {
      // Nothing held but empty DTs (some stations send 02 F0 00 before each PDU): no copy needed.
      const count = parts.length + 1;
      parts = [];
      if (dt.userData.length > maxSize) {
        onError(overflow(dt.userData.length));
        return;
      }
      onTsdu(dt.userData, count);
      return;
    }
    size += dt.userData.length;
    if (size > maxSize) {
      onError(overflow(size));
      parts = [];
      size = 0;
      discarding = !dt.eot;
      return;
    }
    // Copy: the DT's user data is usually a view into a chunk the caller will reuse.
    parts.push(dt.userData.length === 0 ? EMPTY : dt.userData.slice());
    if (!dt.eot) return;
    const tsdu = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      tsdu.set(part, at);
      at += part.length;
    }
    const count = parts.length;
    reset();
    onTsdu(tsdu, count);
  }

  function overflow(bytes: number): CodecError {
    return s7Error(
      'OTS_S7COMM_COTP_REASSEMBLY_OVERFLOW',
      `segmented S7 PDU reached ${bytes} bytes, more than the maximum ${maxSize}`,
    );
  }

  return {
    push,
    reset,
    get buffered() {
      return size;
    },
  };
}
