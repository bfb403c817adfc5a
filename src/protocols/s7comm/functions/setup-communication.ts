// Setup communication (function 0xF0): the first S7 exchange after the COTP connection, where
// client and CPU agree on parallel jobs (max AmQ) and the PDU length. Job and ack-data share it.
import type { Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import { u16 } from '../bytes.js';
import type { PartOffsets } from './common.js';
import { badParameter, expectNoData } from './common.js';

export const FUNCTION_SETUP_COMMUNICATION = 0xf0;

export interface SetupCommunication {
  kind: 'setup_communication';
  /** Byte after the function code, 0x00. */
  reserved: number;
  /** Parallel jobs with acknowledgement the calling side may have outstanding. */
  maxAmqCalling: number;
  /** Parallel jobs with acknowledgement the called side accepts. */
  maxAmqCalled: number;
  /** Proposed (job) or negotiated (ack-data) PDU length in bytes: 240, 480, 960 in practice. */
  pduLength: number;
}

export function decodeSetupCommunication(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<SetupCommunication> {
  // F0, reserved (1), max AmQ calling (2), max AmQ called (2), PDU length (2): 8 bytes.
  if (parameter.length !== 8) {
    return fail(
      badParameter(
        `setup communication parameter of ${parameter.length} bytes, expected 8`,
        at.parameter,
      ),
    );
  }
  const noData = expectNoData(data, 'setup communication', at);
  if (noData) return fail(noData);
  return ok({
    kind: 'setup_communication',
    reserved: parameter[1] ?? 0,
    maxAmqCalling: u16(parameter, 2),
    maxAmqCalled: u16(parameter, 4),
    pduLength: u16(parameter, 6),
  });
}

export function writeSetupCommunication(message: SetupCommunication, parameter: ByteWriter): void {
  parameter.u8(FUNCTION_SETUP_COMMUNICATION).u8(message.reserved);
  parameter.u16(message.maxAmqCalling).u16(message.maxAmqCalled).u16(message.pduLength);
}
