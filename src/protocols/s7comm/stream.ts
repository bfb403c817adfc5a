// The S7comm stream parser for one direction of a TCP connection on port 102: TPKT framing,
// COTP decoding, reassembly of segmented DT TPDUs and S7 PDU decoding, pushed to a sink.
import type { CodecError } from '../errors.js';
import type { CotpTpdu } from './cotp.js';
import { decodeCotp } from './cotp.js';
import { DEFAULT_MAX_S7_PDU_SIZE, createCotpReassembler } from './cotp-reassembly.js';
import { s7Error } from './errors.js';
import { S7_PROTOCOL_ID } from './header.js';
import type { S7Pdu } from './pdu.js';
import { decodeS7Pdu } from './pdu.js';
import type { TpktParser } from './tpkt.js';
import { createTpktParser } from './tpkt.js';

/** What the stream yields, one per COTP connection TPDU or per complete S7 PDU. */
export type S7commMessage =
  /** CR, CC, DR, DC, ER, or a DT without user data (some stacks send one as a keep-alive). */
  | { kind: 'cotp'; tpdu: CotpTpdu }
  /** A complete S7 PDU, reassembled from `tpduCount` DT TPDUs; `bytes` is the PDU as received. */
  | { kind: 's7'; pdu: S7Pdu; tpduCount: number; bytes: Uint8Array }
  /** A TSDU that is not S7comm (0x72 is S7comm-plus, used by S7-1200/1500): kept as bytes. */
  | { kind: 'other'; protocolId: number; data: Uint8Array; tpduCount: number };

export interface S7commParserOptions {
  /** Largest TPKT packet accepted (default 65535). */
  maxTpktLength?: number;
  /** Largest reassembled S7 PDU (default 65535). */
  maxPduSize?: number;
}

export interface S7commParser {
  push(chunk: Uint8Array): void;
  /** Report an unfinished packet or PDU at the end of the stream and start afresh. */
  end(): void;
  reset(): void;
}

/**
 * `createS7commParser((m) => sink.push(m), (e) => sink.error(e))`. Each bad TPKT header, COTP
 * TPDU or S7 PDU is reported to `onError` and parsing carries on with the next one.
 */
export function createS7commParser(
  onMessage: (message: S7commMessage) => void,
  onError: (error: CodecError) => void,
  options: S7commParserOptions = {},
): S7commParser {
  const reassembler = createCotpReassembler(
    (tsdu, tpduCount) => {
      if (tsdu[0] !== S7_PROTOCOL_ID) {
        onMessage({ kind: 'other', protocolId: tsdu[0] ?? 0, data: tsdu, tpduCount });
        return;
      }
      const pdu = decodeS7Pdu(tsdu);
      if (pdu.ok) onMessage({ kind: 's7', pdu: pdu.value, tpduCount, bytes: tsdu });
      else onError(pdu.error);
    },
    onError,
    options.maxPduSize === undefined ? {} : { maxSize: options.maxPduSize },
  );

  const tpkt: TpktParser = createTpktParser(
    (payload) => {
      const tpdu = decodeCotp(payload);
      if (!tpdu.ok) {
        onError(tpdu.error);
        return;
      }
      const value = tpdu.value;
      if (value.type === 'DT') {
        if (value.userData.length === 0 && value.eot && reassembler.buffered === 0) {
          onMessage({ kind: 'cotp', tpdu: value });
          return;
        }
        reassembler.push(value);
        return;
      }
      onMessage({ kind: 'cotp', tpdu: value });
    },
    onError,
    options.maxTpktLength === undefined ? {} : { maxLength: options.maxTpktLength },
  );

  return {
    push: (chunk) => {
      tpkt.push(chunk);
    },
    end: () => {
      tpkt.end();
      if (reassembler.buffered > 0) {
        onError(
          s7Error(
            'OTS_S7COMM_COTP_TRUNCATED',
            `stream ended inside a segmented S7 PDU (${reassembler.buffered} bytes without EOT)`,
          ),
        );
      }
      reassembler.reset();
    },
    reset: () => {
      tpkt.reset();
      reassembler.reset();
    },
  };
}

export { DEFAULT_MAX_S7_PDU_SIZE };
