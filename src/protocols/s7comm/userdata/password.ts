// PLC password (userdata group 5, subfunction 1): 8 bytes, the password padded with spaces and
// scrambled by XOR with 0x55 and with the scrambled byte two places before. That is a trivial
// obfuscation, not encryption: anyone who sees the PDU can read the password, and so do we.
import type { ByteWriter } from '../bytes.js';
import { latin1 } from '../bytes.js';

export const SUBFUNCTION_PLC_PASSWORD = 0x01;
export const SUBFUNCTION_CLEAR_PASSWORD = 0x02;
export const PASSWORD_LENGTH = 8;

export interface PasswordBody {
  kind: 'password';
  /** The 8 bytes as sent; the encoder writes these. */
  scrambled: Uint8Array;
  /** Decoder: the plain password, trailing spaces removed. */
  password?: string;
}

/** Undo the scrambling: p[0..1] = s ^ 0x55, p[i] = s[i] ^ 0x55 ^ s[i-2] (libnodave, Snap7). */
export function unscramblePassword(scrambled: Uint8Array): string {
  const plain = new Uint8Array(PASSWORD_LENGTH);
  for (let i = 0; i < PASSWORD_LENGTH; i++) {
    const s = scrambled[i] ?? 0;
    plain[i] = i < 2 ? s ^ 0x55 : s ^ 0x55 ^ (scrambled[i - 2] ?? 0);
  }
  let end = PASSWORD_LENGTH;
  while (end > 0 && (plain[end - 1] === 0x20 || plain[end - 1] === 0x00)) end--;
  return latin1(plain, 0, end);
}

/** Scramble a password of up to 8 characters the way clients send it. */
export function scramblePassword(password: string): Uint8Array {
  const out = new Uint8Array(PASSWORD_LENGTH);
  for (let i = 0; i < PASSWORD_LENGTH; i++) {
    const p = i < password.length ? password.charCodeAt(i) & 0xff : 0x20;
    out[i] = i < 2 ? p ^ 0x55 : p ^ 0x55 ^ (out[i - 2] ?? 0);
  }
  return out;
}

export function decodePassword(payload: Uint8Array): PasswordBody {
  return { kind: 'password', scrambled: payload, password: unscramblePassword(payload) };
}

export function writePassword(w: ByteWriter, body: PasswordBody): void {
  const bytes = body.scrambled.subarray(0, PASSWORD_LENGTH);
  w.bytes(bytes);
  for (let n = bytes.length; n < PASSWORD_LENGTH; n++) w.u8(0);
}
