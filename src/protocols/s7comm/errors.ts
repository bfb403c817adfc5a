// The coded errors of the S7comm codec: TPKT (RFC 1006), COTP (ISO 8073 / X.224 class 0) and the
// S7 PDU on top of them. Each is listed in docs/errors.md.
import type { CodecErrorTable } from '../errors.js';
import { CodecError } from '../errors.js';

export const S7COMM_ERRORS = {
  OTS_S7COMM_TPKT_BAD_VERSION: 'TPKT header version byte is not 3 (RFC 1006, 6)',
  OTS_S7COMM_TPKT_BAD_RESERVED: 'TPKT header reserved byte is not 0 (RFC 1006, 6)',
  OTS_S7COMM_TPKT_BAD_LENGTH:
    'TPKT length is below 7 (header and smallest TPDU) or above the configured maximum',
  OTS_S7COMM_TPKT_TRUNCATED: 'buffer ends before the length its TPKT header declares',
  OTS_S7COMM_TPKT_SKIPPED_BYTES: 'bytes skipped while resynchronising on a plausible TPKT header',
  OTS_S7COMM_COTP_TRUNCATED: 'COTP TPDU is shorter than its length indicator or fixed part',
  OTS_S7COMM_COTP_BAD_LENGTH_INDICATOR:
    'COTP length indicator is 255 (reserved) or too small for the fixed part of its TPDU type',
  OTS_S7COMM_COTP_UNSUPPORTED_TPDU: 'COTP TPDU code is none of CR, CC, DR, DC, DT, ER',
  OTS_S7COMM_COTP_BAD_PARAMETER: 'a COTP parameter runs past the end of the TPDU header',
  OTS_S7COMM_COTP_REASSEMBLY_OVERFLOW:
    'DT TPDUs without end-of-TSDU add up to more than the configured maximum S7 PDU size',
  OTS_S7COMM_BAD_PROTOCOL_ID: 'S7 PDU does not start with the protocol id 0x32',
  OTS_S7COMM_BAD_ROSCTR: 'S7 header ROSCTR is none of 1 job, 2 ack, 3 ack-data, 7 userdata',
  OTS_S7COMM_HEADER_TRUNCATED: 'S7 PDU is shorter than its 10-byte (12 for ack/ack-data) header',
  OTS_S7COMM_LENGTH_MISMATCH:
    'S7 header parameter and data lengths do not add up to the bytes the PDU holds',
  OTS_S7COMM_BAD_PARAMETER: 'S7 parameter part does not match the layout of its function',
  OTS_S7COMM_BAD_ITEM: 'a variable specification item is malformed or runs past the parameter part',
  OTS_S7COMM_BAD_DATA: 'S7 data part does not match the layout its parameter part announces',
  OTS_S7COMM_BAD_USERDATA:
    'userdata parameter or data header is malformed (head, length byte or data length)',
  OTS_S7COMM_BAD_SZL: 'SZL request or response data is shorter than its header',
} as const satisfies CodecErrorTable;

export type S7commErrorCode = keyof typeof S7COMM_ERRORS;

/** A CodecError of the s7comm protocol. */
export function s7Error(code: S7commErrorCode, message: string, offset?: number): CodecError {
  return new CodecError('s7comm', code, message, offset);
}
