// Reads the command-specific data of an encapsulation message according to its command, and
// finds the CIP message it carries (CIP Vol 2, 2-4 and 2-6).
import { fail, ok, type Decoded } from '../errors.js';
import { u16 } from './bytes.js';
import { decodeCipMessage, type CipMessage } from './cip/message.js';
import { decodeCipMultipleServicePacket } from './cip/multiple-service-packet.js';
import { decodeCipUnconnectedSend } from './cip/unconnected-send.js';
import { decodeCpf, type CpfItem } from './cpf.js';
import type { EnipMessage } from './encapsulation.js';
import { enipError } from './errors.js';
import { decodeEnipRegisterSession, type EnipRegisterSession } from './register-session.js';
import { decodeEnipSendData, type EnipSendData } from './send-data.js';

export type EnipBody =
  | { readonly kind: 'register_session'; readonly registerSession: EnipRegisterSession }
  | {
      readonly kind: 'send_data';
      readonly sendData: EnipSendData;
      /** The CIP message in the unconnected or connected data item, when there is one. */
      readonly cip?: CipMessage;
      /** Connected data items (SendUnitData) start with a 16-bit sequence count. */
      readonly sequenceCount?: number;
    }
  /** ListIdentity, ListServices and ListInterfaces replies: the CPF items. */
  | { readonly kind: 'items'; readonly items: readonly CpfItem[] }
  /** A request without data: ListIdentity, ListServices, ListInterfaces, UnRegisterSession. */
  | { readonly kind: 'empty' }
  /** NOP data (ignored by receivers), IndicateStatus, Cancel and unknown commands. */
  | { readonly kind: 'opaque'; readonly data: Uint8Array };

const HEADER = 24;

/** Decode the command-specific data of a message. */
export function decodeEnipBody(message: EnipMessage): Decoded<EnipBody> {
  const { command, data } = message;
  switch (command) {
    case 0x0065: {
      const value = decodeEnipRegisterSession(data);
      return value.ok ? ok({ kind: 'register_session', registerSession: value.value }) : value;
    }
    case 0x0004:
    case 0x0063:
    case 0x0064: {
      if (data.length === 0) return ok({ kind: 'empty' });
      const cpf = decodeCpf(data);
      return cpf.ok ? ok({ kind: 'items', items: cpf.value.items }) : cpf;
    }
    case 0x0066:
      if (data.length === 0) return ok({ kind: 'empty' });
      return fail(
        enipError(
          'OTS_ENIP_BAD_COMMAND_DATA',
          `unregister_session carries ${data.length} octets of data where it takes none`,
          HEADER,
        ),
      );
    case 0x006f:
    case 0x0070:
      return decodeSendData(data);
    default:
      return ok({ kind: 'opaque', data });
  }
}

function decodeSendData(data: Uint8Array): Decoded<EnipBody> {
  const sendData = decodeEnipSendData(data);
  if (!sendData.ok) return sendData;
  const items = sendData.value.items;
  const item = items.find(
    (candidate) => candidate.typeId === 0x00b2 || candidate.typeId === 0x00b1,
  );
  if (item === undefined || item.data.length === 0) {
    return ok({ kind: 'send_data', sendData: sendData.value });
  }
  // Where the item's data starts within the encapsulated message, for error offsets.
  let itemAt = HEADER + 8;
  for (const candidate of items) {
    itemAt += 4;
    if (candidate === item) break;
    itemAt += candidate.data.length;
  }
  if (item.typeId === 0x00b2) {
    const cip = decodeCipMessage(item.data, itemAt);
    return cip.ok ? ok({ kind: 'send_data', sendData: sendData.value, cip: cip.value }) : cip;
  }
  // Connected data: sequence count, then the CIP message (2-6.3.2, class 3 explicit messaging).
  if (item.data.length < 2) {
    return fail(
      enipError('OTS_ENIP_BAD_ITEM', 'connected data item shorter than its sequence count', itemAt),
    );
  }
  const sequenceCount = u16(item.data, 0);
  if (item.data.length === 2)
    return ok({ kind: 'send_data', sendData: sendData.value, sequenceCount });
  const cip = decodeCipMessage(item.data.subarray(2), itemAt + 2);
  return cip.ok
    ? ok({ kind: 'send_data', sendData: sendData.value, cip: cip.value, sequenceCount })
    : cip;
}

/**
 * The messages wrapped inside a CIP message: the embedded request of an Unconnected Send
 * (0x52 to the Connection Manager), the requests or replies of a Multiple Service Packet (0x0A).
 * Undefined when the message wraps nothing.
 */
export function cipEmbeddedMessages(message: CipMessage): Decoded<CipMessage[]> | undefined {
  if (message.kind === 'request') {
    if (message.service === 0x52 && message.classId === 0x06) {
      const send = decodeCipUnconnectedSend(message.data);
      return send.ok ? ok([send.value.request]) : send;
    }
    if (message.service === 0x0a) {
      const packet = decodeCipMultipleServicePacket(message.data);
      return packet.ok ? ok([...packet.value.messages]) : packet;
    }
    return undefined;
  }
  // A reply to Multiple Service Packet carries the replies (status 0 or 0x1E embedded error).
  if (message.service === 0x0a && message.data.length >= 2) {
    const packet = decodeCipMultipleServicePacket(message.data);
    return packet.ok ? ok([...packet.value.messages]) : packet;
  }
  return undefined;
}
