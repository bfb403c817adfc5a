// SendRRData (0x006F, unconnected request/reply) and SendUnitData (0x0070, connected) data:
// interface handle, timeout, then a common packet format (CIP Vol 2, 2-4.7 and 2-4.8).
import { fail, ok, type Decoded } from '../errors.js';
import { concat, fits, putU16, putU32, u16, u32 } from './bytes.js';
import { decodeCpf, encodeCpf, type CpfItem, type CpfItemInput } from './cpf.js';
import { enipError } from './errors.js';

export interface EnipSendData {
  /** Interface handle, 0 for CIP. */
  readonly interfaceHandle: number;
  /** Timeout in seconds (SendRRData); 0 in SendUnitData. */
  readonly timeout: number;
  readonly items: readonly CpfItem[];
}

export interface EnipSendDataInput {
  readonly interfaceHandle?: number;
  readonly timeout?: number;
  readonly items: readonly CpfItemInput[];
}

export function decodeEnipSendData(data: Uint8Array): Decoded<EnipSendData> {
  if (data.length < 6) {
    return fail(
      enipError(
        'OTS_ENIP_BAD_COMMAND_DATA',
        `send data needs 6 octets before its items, ${data.length} are there`,
        data.length,
      ),
    );
  }
  const cpf = decodeCpf(data.subarray(6));
  if (!cpf.ok) return cpf;
  return ok({ interfaceHandle: u32(data, 0), timeout: u16(data, 4), items: cpf.value.items });
}

export function encodeEnipSendData(input: EnipSendDataInput): Decoded<Uint8Array> {
  const handle = input.interfaceHandle ?? 0;
  const timeout = input.timeout ?? 0;
  if (!fits(handle, 0xffffffff) || !fits(timeout, 0xffff)) {
    return fail(enipError('OTS_ENIP_ENCODE_RANGE', 'interface handle or timeout out of range'));
  }
  const cpf = encodeCpf(input.items);
  if (!cpf.ok) return cpf;
  const head = new Uint8Array(6);
  putU32(head, 0, handle);
  putU16(head, 4, timeout);
  return ok(concat([head, cpf.value]));
}
