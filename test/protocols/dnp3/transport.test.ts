// Transport segments and the reassembly of application fragments per link
// (IEEE 1815-2012, clause 8): sequence rules, bounds, and the typed errors of each rule.
import { describe, expect, it } from 'vitest';
import {
  DNP3_DEFAULT_MAX_FRAGMENT_SIZE,
  createDnp3TransportReassembler,
  decodeDnp3TransportSegment,
  encodeDnp3Fragment,
  encodeDnp3TransportSegment,
  type Dnp3Fragment,
  type Dnp3LinkFrame,
  type Dnp3ReassemblyOptions,
} from '../../../src/protocols/dnp3/index.js';
import type { CodecError } from '../../../src/protocols/errors.js';
import { hex } from './helpers.js';

function frame(
  userData: Uint8Array,
  source = 1,
  destination = 10,
  functionCode = 4,
): Dnp3LinkFrame {
  return {
    length: 5 + userData.length,
    control: 0xc0 | functionCode,
    dir: true,
    prm: true,
    fcb: false,
    fcv: false,
    dfc: false,
    functionCode,
    function: functionCode === 4 ? 'unconfirmed_user_data' : 'confirmed_user_data',
    destination,
    source,
    userData,
  };
}

function segment(fir: boolean, fin: boolean, seq: number, payload: number[]): Uint8Array {
  const encoded = encodeDnp3TransportSegment({ fir, fin, seq, payload: Uint8Array.from(payload) });
  if (!encoded.ok) throw encoded.error;
  return encoded.value;
}

function reassemble(frames: readonly Dnp3LinkFrame[], options: Dnp3ReassemblyOptions = {}) {
  const fragments: Dnp3Fragment[] = [];
  const errors: CodecError[] = [];
  const reassembler = createDnp3TransportReassembler(
    (fragment) => fragments.push(fragment),
    (error) => errors.push(error),
    options,
  );
  for (const f of frames) reassembler.push(f);
  reassembler.end();
  return { fragments, errors, codes: errors.map((e) => e.code) };
}

describe('DNP3 transport segment', () => {
  it('reads FIN, FIR and the sequence (0xC5: FIN, FIR, seq 5)', () => {
    const decoded = decodeDnp3TransportSegment(hex('C5 C0 01'));
    expect(decoded).toEqual({
      ok: true,
      value: { fin: true, fir: true, seq: 5, payload: hex('C0 01') },
    });
  });

  it('round-trips header and payload', () => {
    const bytes = segment(false, true, 63, [1, 2, 3]);
    expect(bytes).toEqual(hex('BF 01 02 03'));
    const decoded = decodeDnp3TransportSegment(bytes);
    expect(decoded.ok && encodeDnp3TransportSegment(decoded.value)).toEqual({
      ok: true,
      value: bytes,
    });
  });

  it('refuses empty user data and out-of-range values', () => {
    expect(decodeDnp3TransportSegment(new Uint8Array(0))).toMatchObject({
      ok: false,
      error: { code: 'OTS_DNP3_EMPTY_SEGMENT' },
    });
    expect(
      encodeDnp3TransportSegment({ fir: true, fin: true, seq: 64, payload: new Uint8Array(0) }).ok,
    ).toBe(false);
    expect(
      encodeDnp3TransportSegment({ fir: true, fin: true, seq: 0, payload: new Uint8Array(250) }).ok,
    ).toBe(false);
  });
});

describe('DNP3 transport reassembly', () => {
  it('passes a single FIR+FIN segment through as a fragment', () => {
    const { fragments, errors } = reassemble([frame(segment(true, true, 3, [0xc1, 0x01]))]);
    expect(errors).toEqual([]);
    expect(fragments).toEqual([
      { source: 1, destination: 10, dir: true, data: hex('C1 01'), segments: 1 },
    ]);
  });

  it('joins FIR, middle and FIN segments in sequence, wrapping 63 to 0', () => {
    const { fragments, errors } = reassemble([
      frame(segment(true, false, 62, [1, 2])),
      frame(segment(false, false, 63, [3])),
      frame(segment(false, true, 0, [4, 5])),
    ]);
    expect(errors).toEqual([]);
    expect(fragments.map((f) => [Array.from(f.data), f.segments])).toEqual([[[1, 2, 3, 4, 5], 3]]);
  });

  it('keeps links apart by source and destination', () => {
    const { fragments } = reassemble([
      frame(segment(true, false, 0, [1]), 1, 10),
      frame(segment(true, false, 0, [9]), 2, 10),
      frame(segment(false, true, 1, [2]), 1, 10),
      frame(segment(false, true, 1, [8]), 2, 10),
    ]);
    expect(fragments.map((f) => [f.source, Array.from(f.data)])).toEqual([
      [1, [1, 2]],
      [2, [9, 8]],
    ]);
  });

  it('drops the fragment in progress on an out-of-sequence segment', () => {
    const { fragments, codes, errors } = reassemble([
      frame(segment(true, false, 0, [1])),
      frame(segment(false, true, 2, [3])),
    ]);
    expect(fragments).toEqual([]);
    expect(codes).toEqual(['OTS_DNP3_OUT_OF_SEQUENCE']);
    expect(errors[0]?.message).toBe(
      'link 1->10: segment seq 2 where 1 was expected; the fragment in progress (1 octets) is dropped',
    );
  });

  it('drops a segment without FIR when nothing is in progress', () => {
    const { fragments, codes } = reassemble([frame(segment(false, true, 4, [1]))]);
    expect(fragments).toEqual([]);
    expect(codes).toEqual(['OTS_DNP3_NO_FIRST_SEGMENT']);
  });

  it('starts afresh on a new FIR and reports the abandoned fragment', () => {
    const { fragments, codes } = reassemble([
      frame(segment(true, false, 0, [1])),
      frame(segment(true, true, 7, [2])),
    ]);
    expect(fragments.map((f) => Array.from(f.data))).toEqual([[2]]);
    expect(codes).toEqual(['OTS_DNP3_FRAGMENT_ABANDONED']);
  });

  it('bounds a fragment at the maximum and drops its segments up to the next FIR', () => {
    const payload = Array.from({ length: 249 }, (_, i) => i & 0xff);
    const frames: Dnp3LinkFrame[] = [frame(segment(true, false, 0, payload))];
    for (let seq = 1; seq < 12; seq++) frames.push(frame(segment(false, seq === 11, seq, payload)));
    frames.push(frame(segment(true, true, 12, [0xc0, 0x00])));
    const { fragments, codes, errors } = reassemble(frames);
    expect(DNP3_DEFAULT_MAX_FRAGMENT_SIZE).toBe(2048);
    expect(codes).toEqual(['OTS_DNP3_FRAGMENT_TOO_LONG']);
    expect(errors[0]?.message).toMatch(/fragment reaches 2241 octets, above the maximum of 2048/);
    expect(fragments.map((f) => f.data.length)).toEqual([2]);
  });

  it('takes a configured maximum', () => {
    const { fragments, codes } = reassemble(
      [frame(segment(true, false, 0, [1, 2, 3])), frame(segment(false, true, 1, [4, 5, 6]))],
      { maxFragmentSize: 5 },
    );
    expect(fragments).toEqual([]);
    expect(codes).toEqual(['OTS_DNP3_FRAGMENT_TOO_LONG']);
    const roomy = reassemble(
      [frame(segment(true, false, 0, [1, 2, 3])), frame(segment(false, true, 1, [4, 5, 6]))],
      { maxFragmentSize: 6 },
    );
    expect(roomy.fragments.map((f) => f.data.length)).toEqual([6]);
  });

  it('bounds the links with a fragment in progress, dropping the oldest', () => {
    const frames: Dnp3LinkFrame[] = [];
    for (let source = 0; source < 5; source++)
      frames.push(frame(segment(true, false, 0, [source]), source));
    const { codes, errors } = reassemble(frames, { maxLinks: 3 });
    expect(codes).toEqual(Array(5).fill('OTS_DNP3_FRAGMENT_ABANDONED'));
    expect(errors[0]?.message).toMatch(/^link 0->10: .* more than 3 links at once$/);
    expect(errors[2]?.message).toMatch(/^link 2->10: .* the stream ended$/);
  });

  it('ignores link-only frames, reports user data where the function carries none', () => {
    const status: Dnp3LinkFrame = {
      ...frame(new Uint8Array(0)),
      prm: false,
      functionCode: 11,
      function: 'link_status',
    };
    const stray: Dnp3LinkFrame = {
      ...frame(hex('C0 C0 01')),
      prm: false,
      functionCode: 0,
      function: 'ack',
    };
    const empty = frame(new Uint8Array(0));
    const { fragments, codes } = reassemble([status, stray, empty]);
    expect(fragments).toEqual([]);
    expect(codes).toEqual(['OTS_DNP3_UNEXPECTED_USER_DATA', 'OTS_DNP3_EMPTY_SEGMENT']);
  });

  it('accepts confirmed user data frames', () => {
    const { fragments } = reassemble([frame(segment(true, true, 0, [0xc0, 0x01]), 1, 10, 3)]);
    expect(fragments).toHaveLength(1);
  });
});

describe('DNP3 fragment to link frames', () => {
  it('splits at 249 octets per frame and numbers the segments from the given sequence', () => {
    const fragment = Uint8Array.from({ length: 600 }, (_, i) => i & 0xff);
    const encoded = encodeDnp3Fragment(fragment, {
      source: 1,
      destination: 10,
      dir: true,
      transportSeq: 62,
    });
    if (!encoded.ok) throw encoded.error;
    expect(encoded.value.frames).toBe(3);
    expect(encoded.value.nextSeq).toBe(1);
    expect(encoded.value.bytes.length).toBe(292 + 292 + (10 + 103 + 2 * 7));
  });

  it('sends an empty fragment as one FIR+FIN segment (CRCs computed independently)', () => {
    const encoded = encodeDnp3Fragment(new Uint8Array(0), {
      source: 1,
      destination: 10,
      dir: false,
    });
    expect(encoded.ok && encoded.value.bytes).toEqual(
      hex('05 64 06 44 0A 00 01 00 8D D2 C0 1D 0A'),
    );
  });
});
