// The stream parser for DNP3 over TCP and the datagram decoder for DNP3 over UDP: any slicing,
// resynchronisation on 0x05 0x64 after garbage, and the errors each case reports.
import { describe, expect, it } from 'vitest';
import {
  createDnp3LinkParser,
  decodeDnp3Datagram,
  type Dnp3LinkFrame,
} from '../../../src/protocols/dnp3/index.js';
import type { CodecError } from '../../../src/protocols/errors.js';
import { concat, flip, hex } from './helpers.js';

const RESET = hex('05 64 05 C0 01 00 00 04 E9 21');
const STATUS = hex('05 64 05 8B 01 00 64 00 A0 97');
// ITI dnp3/read_and_response.pcap frame 4: a read request in two blocks.
const READ = hex(
  '05 64 14 C4 0A 00 01 00 8F ED C0 C0 01 3C 02 06 3C 03 06 3C 04 06 3C 01 06 8A 51',
);

function parse(chunks: readonly Uint8Array[]): { frames: Dnp3LinkFrame[]; errors: CodecError[] } {
  const frames: Dnp3LinkFrame[] = [];
  const errors: CodecError[] = [];
  const parser = createDnp3LinkParser(
    (frame) => frames.push(frame),
    (error) => errors.push(error),
  );
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { frames, errors };
}

/** Every way of cutting `bytes` in two, and one byte at a time. */
function slicings(bytes: Uint8Array): Uint8Array[][] {
  const out: Uint8Array[][] = [Array.from(bytes, (byte) => Uint8Array.of(byte))];
  for (let cut = 0; cut <= bytes.length; cut++)
    out.push([bytes.subarray(0, cut), bytes.subarray(cut)]);
  return out;
}

describe('DNP3 link stream parser', () => {
  it('finds several frames in one chunk', () => {
    const { frames, errors } = parse([concat([RESET, READ, STATUS])]);
    expect(errors).toEqual([]);
    expect(frames.map((frame) => frame.function)).toEqual([
      'reset_link_states',
      'unconfirmed_user_data',
      'link_status',
    ]);
  });

  it('gives the same frames and errors however the stream is sliced', () => {
    const stream = concat([hex('00 11 05'), RESET, hex('64 05'), READ, hex('05'), STATUS]);
    const whole = parse([stream]);
    for (const chunks of slicings(stream)) {
      const sliced = parse(chunks);
      expect(sliced.frames).toEqual(whole.frames);
      expect(sliced.errors.map((e) => e.toJSON())).toEqual(whole.errors.map((e) => e.toJSON()));
    }
  });

  it('resynchronises after garbage and reports the skipped run once, with its offset', () => {
    const { frames, errors } = parse([concat([hex('DE AD BE EF 05 05'), RESET])]);
    expect(frames).toHaveLength(1);
    expect(errors.map((e) => e.toJSON())).toEqual([
      {
        code: 'OTS_DNP3_SKIPPED_BYTES',
        protocol: 'dnp3',
        message: '6 octets skipped before the start bytes 0x05 0x64',
        offset: 0,
      },
    ]);
  });

  it('takes a false start with a bad header CRC for garbage, then finds the real frame', () => {
    // 05 64 followed by a header whose CRC fails, then a real frame.
    const stream = concat([hex('05 64 05 C0 01 00 00 04 00 00'), READ]);
    const { frames, errors } = parse([stream]);
    expect(frames).toHaveLength(1);
    expect(errors.map((e) => [e.code, e.offset])).toEqual([
      ['OTS_DNP3_HEADER_CRC', 8],
      ['OTS_DNP3_SKIPPED_BYTES', 0],
    ]);
    expect(errors[1]?.message).toBe('10 octets skipped before the start bytes 0x05 0x64');
  });

  it('skips a whole frame whose block CRC fails and carries on', () => {
    const bad = flip(READ, 12, 0x40);
    const { frames, errors } = parse([concat([bad, RESET])]);
    expect(frames.map((frame) => frame.function)).toEqual(['reset_link_states']);
    expect(errors.map((e) => e.code)).toEqual(['OTS_DNP3_BLOCK_CRC']);
    expect(errors[0]?.message).toMatch(/^user data block 0 of 1/);
  });

  it('reports a frame cut short by the end of the stream, and garbage at the end', () => {
    expect(parse([READ.subarray(0, 15)]).errors.map((e) => e.toJSON())).toEqual([
      {
        code: 'OTS_DNP3_TRUNCATED',
        protocol: 'dnp3',
        message: 'stream ended inside a link frame: 15 of 27 octets',
        offset: 0,
      },
    ]);
    expect(parse([concat([RESET, hex('01 02 03')])]).errors.map((e) => [e.code, e.offset])).toEqual(
      [['OTS_DNP3_SKIPPED_BYTES', 10]],
    );
  });

  it('holds less than one frame between pushes whatever it is fed', () => {
    // A header announcing 255 octets, fed slowly: nothing is emitted until the frame is whole.
    const frames: Dnp3LinkFrame[] = [];
    const parser = createDnp3LinkParser(
      (frame) => frames.push(frame),
      () => undefined,
    );
    const big = hex(
      '05 64 FF 44 64 00 01 00 FF 2F' + ' 21 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 78 CE',
    );
    parser.push(big);
    expect(frames).toEqual([]);
  });

  it('forgets what it holds on reset', () => {
    const frames: Dnp3LinkFrame[] = [];
    const errors: CodecError[] = [];
    const parser = createDnp3LinkParser(
      (frame) => frames.push(frame),
      (error) => errors.push(error),
    );
    parser.push(READ.subarray(0, 12));
    parser.reset();
    parser.push(RESET);
    parser.end();
    expect(frames).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

describe('DNP3 datagram decoder (UDP)', () => {
  it('decodes one frame per datagram (zeek dnp3_udp_read.pcap frame 1)', () => {
    const { frames, errors } = decodeDnp3Datagram(hex('05 64 05 49 64 00 01 00 7E 5F'));
    expect(errors).toEqual([]);
    expect(frames.map((frame) => frame.function)).toEqual(['request_link_status']);
  });

  it('decodes several frames in one datagram', () => {
    const { frames } = decodeDnp3Datagram(concat([RESET, READ]));
    expect(frames).toHaveLength(2);
  });

  it('reports a datagram that ends inside a frame, with the offset in the datagram', () => {
    const { frames, errors } = decodeDnp3Datagram(concat([RESET, READ.subarray(0, 20)]));
    expect(frames).toHaveLength(1);
    expect(errors.map((e) => [e.code, e.offset])).toEqual([['OTS_DNP3_TRUNCATED', 10]]);
  });
});
