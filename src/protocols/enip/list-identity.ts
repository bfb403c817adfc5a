// ListIdentity (0x0063): the request a scanner broadcasts (no data) and the reply a target sends,
// a common packet format with one identity item 0x000C (CIP Vol 2, 2-4.2 and 2-4.3). The
// honeypot answers with encodeEnipListIdentityReply.
import { ok, type Decoded } from '../errors.js';
import { encodeCpf } from './cpf.js';
import { encodeEnipMessage } from './encapsulation.js';
import { encodeEnipIdentityItem, type EnipIdentityInput } from './identity.js';

export interface EnipListIdentityReplyInput {
  readonly identity: EnipIdentityInput;
  /** Echo the request's sender context (8 octets). */
  readonly senderContext?: Uint8Array;
  /** Session handle of the request (0 for a broadcast). */
  readonly session?: number;
}

/** The whole encapsulated ListIdentity request. */
export function encodeEnipListIdentityRequest(senderContext?: Uint8Array): Decoded<Uint8Array> {
  return encodeEnipMessage({
    command: 0x0063,
    ...(senderContext === undefined ? {} : { senderContext }),
  });
}

/** The whole encapsulated ListIdentity reply: header, item count 1, identity item. */
export function encodeEnipListIdentityReply(
  input: EnipListIdentityReplyInput,
): Decoded<Uint8Array> {
  const item = encodeEnipIdentityItem(input.identity);
  if (!item.ok) return item;
  const cpf = encodeCpf([{ typeId: 0x000c, data: item.value }]);
  if (!cpf.ok) return cpf;
  const message = encodeEnipMessage({
    command: 0x0063,
    session: input.session ?? 0,
    ...(input.senderContext === undefined ? {} : { senderContext: input.senderContext }),
    data: cpf.value,
  });
  return message.ok ? ok(message.value) : message;
}
