// Encapsulation messages from captures and built vectors, each tested four ways: parse (summary),
// encode (the message, its command data, its items and its CIP message back to the same octets),
// round trip, and a byte-by-byte feed through the stream parser.
import { describe, expect, it } from 'vitest';
import {
  createEnipParser,
  decodeEnipBody,
  decodeEnipMessage,
  encodeCipRequest,
  encodeCipResponse,
  encodeCpf,
  encodeEnipIdentityItem,
  encodeEnipListServicesItem,
  encodeEnipMessage,
  encodeEnipRegisterSession,
  encodeEnipSendData,
  summarizeEnip,
  type EnipMessage,
} from '../../../src/protocols/enip/index.js';
import type { CodecError } from '../../../src/protocols/errors.js';
import { hex } from './helpers.js';
import { CAPTURE_VECTORS, SYNTHETIC_VECTORS, type EnipVector } from './vectors.js';

function decoded(bytes: Uint8Array): EnipMessage {
  const message = decodeEnipMessage(bytes);
  if (!message.ok) throw message.error;
  return message.value;
}

function vectorTests(vector: EnipVector): void {
  const bytes = hex(vector.bytes);

  it('parses', () => {
    expect(summarizeEnip(decoded(bytes))).toEqual(vector.expect);
  });

  it('encodes', () => {
    const message = decoded(bytes);
    expect(encodeEnipMessage(message)).toEqual({ ok: true, value: bytes });
    const body = decodeEnipBody(message);
    if (!body.ok) throw body.error;
    switch (body.value.kind) {
      case 'register_session':
        expect(encodeEnipRegisterSession(body.value.registerSession)).toEqual({
          ok: true,
          value: message.data,
        });
        break;
      case 'items': {
        expect(encodeCpf(body.value.items)).toEqual({ ok: true, value: message.data });
        for (const item of body.value.items) {
          if (item.identity !== undefined) {
            expect(encodeEnipIdentityItem(item.identity)).toEqual({ ok: true, value: item.data });
          }
          if (item.service !== undefined) {
            expect(encodeEnipListServicesItem(item.service)).toEqual({
              ok: true,
              value: item.data,
            });
          }
        }
        break;
      }
      case 'send_data': {
        const { sendData, cip } = body.value;
        expect(encodeEnipSendData(sendData)).toEqual({ ok: true, value: message.data });
        if (cip === undefined) break;
        const item = sendData.items.find((i) => i.typeId === 0xb1 || i.typeId === 0xb2);
        const cipBytes = item?.typeId === 0xb1 ? item.data.subarray(2) : item?.data;
        const again = cip.kind === 'request' ? encodeCipRequest(cip) : encodeCipResponse(cip);
        expect(again).toEqual({ ok: true, value: cipBytes });
        break;
      }
      case 'empty':
        expect(message.data.length).toBe(0);
        break;
      case 'opaque':
        expect(encodeEnipMessage({ command: message.command, data: body.value.data }).ok).toBe(
          true,
        );
        break;
    }
  });

  it('round-trips', () => {
    const message = decoded(bytes);
    const encoded = encodeEnipMessage(message);
    if (!encoded.ok) throw encoded.error;
    expect(decoded(encoded.value)).toEqual(message);
    expect(decodeEnipBody(decoded(encoded.value))).toEqual(decodeEnipBody(message));
  });

  it('feeds byte by byte', () => {
    const messages: EnipMessage[] = [];
    const errors: CodecError[] = [];
    const parser = createEnipParser(
      (message) => messages.push(message),
      (error) => errors.push(error),
    );
    for (const byte of bytes) parser.push(Uint8Array.of(byte));
    parser.end();
    expect(errors).toEqual([]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toEqual(decoded(bytes));
    expect(summarizeEnip(messages[0] as EnipMessage)).toEqual(vector.expect);
  });
}

describe('EtherNet/IP messages from captures', () => {
  for (const vector of CAPTURE_VECTORS)
    describe(vector.name, () => {
      vectorTests(vector);
    });
});

describe('EtherNet/IP messages built to the specification', () => {
  for (const vector of SYNTHETIC_VECTORS)
    describe(vector.name, () => {
      vectorTests(vector);
    });
});

describe('EtherNet/IP vectors cover the commands', () => {
  it('hold every command of CIP Vol 2 Table 2-3.2 but IndicateStatus and Cancel', () => {
    const commands = new Set(
      [...CAPTURE_VECTORS, ...SYNTHETIC_VECTORS].map((v) => v.expect.command),
    );
    expect(
      [0x00, 0x04, 0x63, 0x64, 0x65, 0x66, 0x6f, 0x70].filter((c) => !commands.has(c)),
    ).toEqual([]);
  });
});
