// PDUs kept whole, never refused: user-defined function codes (65-72, 100-110, v1.1b3 5.1),
// codes the specification reserves or does not define, and vendor codes this codec does not take
// apart. The function code names them (functionName), the data is left as it came.
import type { PduWriter } from '../bytes.js';

export interface OpaquePdu {
  kind: 'opaque';
  pduType: 'request' | 'response';
  /** 1-127 (a response's 128-255 is an exception). Encoding writes it as given, so an opaque
   * PDU with a public code is also how a test crafts a PDU the typed encoders would refuse. */
  functionCode: number;
  /** Everything after the function code. */
  data: Uint8Array;
}

export function decodeOpaque(
  pduType: 'request' | 'response',
  b: Uint8Array,
  start: number,
  end: number,
): OpaquePdu {
  // function code (1), data (N)
  return { kind: 'opaque', pduType, functionCode: b[start] ?? 0, data: b.subarray(start + 1, end) };
}

export function encodeOpaque(pdu: OpaquePdu, w: PduWriter): void {
  w.u8(pdu.functionCode, 'function code');
  w.bytes(pdu.data);
}
