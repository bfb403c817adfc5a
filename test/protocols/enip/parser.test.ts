// The encapsulation stream parser for TCP 44818 (any slicing, bounded length) and the datagram
// decoders for UDP 44818 and UDP 2222 (class 0/1 I/O, a bare common packet format).
import { describe, expect, it } from 'vitest';
import {
  createEnipParser,
  decodeEnipDatagram,
  decodeEnipIoDatagram,
  type EnipMessage,
} from '../../../src/protocols/enip/index.js';
import type { CodecError } from '../../../src/protocols/errors.js';
import { concat, hex } from './helpers.js';
import { CAPTURE_VECTORS, SYNTHETIC_VECTORS } from './vectors.js';

const MESSAGES = [...CAPTURE_VECTORS, ...SYNTHETIC_VECTORS].map((v) => hex(v.bytes));
const STREAM = concat(MESSAGES);

function parse(chunks: readonly Uint8Array[], maxLength?: number) {
  const messages: EnipMessage[] = [];
  const errors: CodecError[] = [];
  const parser = createEnipParser(
    (message) =>
      messages.push({
        ...message,
        data: Uint8Array.from(message.data),
        senderContext: Uint8Array.from(message.senderContext),
      }),
    (error) => errors.push(error),
    maxLength === undefined ? {} : { maxLength },
  );
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { messages, errors };
}

describe('EtherNet/IP stream parser', () => {
  it('finds every message of a stream in one chunk', () => {
    const { messages, errors } = parse([STREAM]);
    expect(errors).toEqual([]);
    expect(messages).toHaveLength(MESSAGES.length);
  });

  it('gives the same messages however the stream is cut', () => {
    const whole = parse([STREAM]).messages;
    for (let size = 1; size <= 61; size += 6) {
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < STREAM.length; at += size) chunks.push(STREAM.subarray(at, at + size));
      expect(parse(chunks).messages).toEqual(whole);
    }
  });

  it('emits a message that arrives whole as a view into the chunk', () => {
    const seen: EnipMessage[] = [];
    const parser = createEnipParser(
      (message) => seen.push(message),
      () => undefined,
    );
    const chunk = MESSAGES[2] ?? new Uint8Array(0);
    parser.push(chunk);
    expect(seen[0]?.data.buffer).toBe(chunk.buffer);
  });

  it('skips a message longer than the bound without holding it, and stays framed', () => {
    const big = concat([hex('70 00 10 00'), new Uint8Array(20), new Uint8Array(16).fill(0xaa)]);
    const next = MESSAGES[0] ?? new Uint8Array(0);
    const { messages, errors } = parse([concat([big, next])], 8);
    expect(errors.map((e) => e.toJSON())).toEqual([
      {
        code: 'OTS_ENIP_TOO_LONG',
        protocol: 'enip',
        message: 'encapsulation length 16 exceeds the maximum of 8; its data is skipped',
        offset: 2,
      },
    ]);
    expect(messages).toHaveLength(1);
    // Byte by byte, the same.
    const slow = parse(
      Array.from(concat([big, next]), (b) => Uint8Array.of(b)),
      8,
    );
    expect(slow.messages).toEqual(messages);
    expect(slow.errors.map((e) => e.code)).toEqual(['OTS_ENIP_TOO_LONG']);
  });

  it('caps the bound at 65511 octets of data (CIP Vol 2, 2-3.1)', () => {
    const header = hex('6F 00 FF FF 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00');
    const { errors } = parse([header], 70000);
    expect(errors.map((e) => e.code)).toEqual(['OTS_ENIP_TOO_LONG', 'OTS_ENIP_TRUNCATED']);
  });

  it('reports a message cut short by the end of the stream', () => {
    const first = MESSAGES[3] ?? new Uint8Array(0);
    expect(parse([first.subarray(0, 30)]).errors.map((e) => e.toJSON())).toEqual([
      {
        code: 'OTS_ENIP_TRUNCATED',
        protocol: 'enip',
        message: `stream ended inside an encapsulation message: 30 of ${first.length} octets`,
        offset: 0,
      },
    ]);
    expect(parse([first.subarray(0, 10)]).errors[0]?.message).toBe(
      'stream ended inside an encapsulation message: 10 of 24 octets',
    );
  });
});

describe('EtherNet/IP datagrams', () => {
  it('decodes a ListIdentity request on UDP 44818 and refuses trailing octets', () => {
    const request = MESSAGES[0] ?? new Uint8Array(0);
    expect(decodeEnipDatagram(request)).toMatchObject({
      ok: true,
      value: { commandName: 'list_identity' },
    });
    expect(decodeEnipDatagram(concat([request, hex('00')]))).toMatchObject({
      ok: false,
      error: { code: 'OTS_ENIP_TRAILING_BYTES', offset: 24 },
    });
    expect(decodeEnipDatagram(request.subarray(0, 20))).toMatchObject({
      ok: false,
      error: { code: 'OTS_ENIP_TRUNCATED' },
    });
  });

  it('decodes class 1 I/O on UDP 2222 (icsnpp enip_cip_example.pcap frame 377)', () => {
    const datagram = hex(
      '02 00' + // item count 2
        ' 02 80 08 00' + // sequenced address item, length 8
        ' 03 06 4B 00 DB 94 3F 00' + // connection ID 0x004B0603, sequence 4166875
        ' B1 00 06 00' + // connected data item, length 6
        ' A5 87 E8 0F 03 00', // CIP sequence count 0x87A5, then run/idle header and data
    );
    const decoded = decodeEnipIoDatagram(datagram);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(
      decoded.value.items.map((i) => [i.type, i.connectionId, i.sequence, i.data.length]),
    ).toEqual([
      ['sequenced_address', 0x004b0603, 4166875, 8],
      ['connected_data', undefined, undefined, 6],
    ]);
  });

  it('refuses I/O datagrams whose items run past the end', () => {
    expect(decodeEnipIoDatagram(hex('02 00 02 80 08 00 03 06'))).toMatchObject({
      ok: false,
      error: { code: 'OTS_ENIP_CPF_TRUNCATED' },
    });
    expect(decodeEnipIoDatagram(hex('01 00 02 80 04 00 00 00 00 00'))).toMatchObject({
      ok: false,
      error: { code: 'OTS_ENIP_BAD_ITEM' },
    });
    expect(decodeEnipIoDatagram(hex('00 00 FF'))).toMatchObject({
      ok: false,
      error: { code: 'OTS_ENIP_BAD_COMMAND_DATA' },
    });
  });
});
