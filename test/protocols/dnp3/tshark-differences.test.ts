// Where tshark 4.0 and this codec part ways on real captures, each case with the bytes and what we
// do instead: the frames tshark calls malformed, and tshark's own reassembly limits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createDnp3StreamDecoder,
  encodeDnp3Fragment,
  summarizeDnp3,
  type Dnp3Message,
  type Dnp3ReassemblyOptions,
} from '../../../src/protocols/dnp3/index.js';
import type { CodecError } from '../../../src/protocols/errors.js';
import { hex, notation } from './helpers.js';

function decode(bytes: Uint8Array, options: Dnp3ReassemblyOptions = {}) {
  const messages: Dnp3Message[] = [];
  const errors: CodecError[] = [];
  const decoder = createDnp3StreamDecoder(
    (message) => messages.push(message),
    (error) => errors.push(error),
    options,
  );
  decoder.push(bytes);
  decoder.end();
  return { messages, errors };
}

function fixture(name: string): Uint8Array {
  return hex(readFileSync(new URL(`../../fixtures/dnp3/${name}`, import.meta.url), 'utf8'));
}

describe('DNP3: frames tshark 4.0 calls malformed', () => {
  it('write_vto_empty_string.pcap frame 2: 285 headers of empty octet strings, all walked', () => {
    // tshark walks the first g112v0 header and stops: "Malformed Packet (Exception occurred)".
    // Groups 110-113 take their length from the variation, so v0 objects are empty and the walk
    // goes on to the end of the 1997-octet fragment.
    const { messages, errors } = decode(fixture('write_vto_empty_string.hex'));
    expect(errors).toEqual([]);
    expect(messages).toHaveLength(1);
    const summary = summarizeDnp3(messages[0] as Dnp3Message);
    expect(summary.function).toBe('write');
    expect(summary.objects).toHaveLength(285);
    expect(
      new Set(summary.objects.map((o) => `g${o.group}v${o.variation}q${o.qualifier}`)),
    ).toEqual(new Set(['g112v0q1']));
    expect(summary.note).toBeUndefined();
    expect(messages[0]?.segments).toBe(9);
  });

  it('dataset_exchange.pcap frame 6: a data set descriptor response, walked by its size prefixes', () => {
    // tshark fails inside the descriptor contents; the objects are size-prefixed (qualifier 0x5B),
    // so the header walk needs no knowledge of their contents.
    const { messages, errors } = decode(fixture('dataset_exchange_frame6.hex'));
    expect(errors).toEqual([]);
    expect(notation(summarizeDnp3(messages[0] as Dnp3Message))).toEqual({
      function_code: 129,
      function: 'response',
      source: 4,
      destination: 3,
      objects: ['g86v1 q5b count 3'],
      iin: [],
    });
    expect(messages[0]?.application.objects[0]?.data.length).toBe(239);
  });

  it('direct_operate_crob_malform_but_good_crc.pcap frame 1: a CROB count past the fragment', () => {
    // tshark: malformed. We name the object, keep the one CROB there is and note the truncation.
    const { messages } = decode(
      hex(
        '05 64 1A C4 04 00 03 00 C2 E6 E2 CA 05 0C 01 28 02 00 01 00 02 01 64 00 00 00 57 AB 64 00 00 00 00 00 5B',
      ),
    );
    const summary = summarizeDnp3(messages[0] as Dnp3Message);
    expect(notation(summary)).toMatchObject({
      function: 'direct_operate',
      objects: ['g12v1 q28 count 2'],
      note: 'OTS_DNP3_OBJECT_TRUNCATED',
    });
    expect(summary.note?.message).toBe(
      'g12v1 (binary_output_command_control_relay_output_block): the fragment ends inside object 1 of 2',
    );
  });

  it('suricata dnp3-max-points frame 93: an 8200-octet write fragment is refused at the bound', () => {
    // tshark reassembles all 33 segments (it has no bound), then fails on 65535 packed g1v1
    // points. We drop the fragment at the default 2048 octets (and at any bound under 8200):
    // rebuilt here from the capture's first segment, 'C0 02 01 01 01 00 00 FE FF' then zeros.
    const fragment = new Uint8Array(8200);
    fragment.set(hex('C0 02 01 01 01 00 00 FE FF'));
    const frames = encodeDnp3Fragment(fragment, { source: 3, destination: 4, dir: false });
    if (!frames.ok) throw frames.error;
    expect(frames.value.frames).toBe(33);
    const bounded = decode(frames.value.bytes);
    expect(bounded.messages).toEqual([]);
    expect(bounded.errors.map((e) => e.code)).toEqual(['OTS_DNP3_FRAGMENT_TOO_LONG']);
    // With room for it, the header walk finds the 65535 points and stops at the missing octet.
    const roomy = decode(frames.value.bytes, { maxFragmentSize: 8200 });
    expect(notation(summarizeDnp3(roomy.messages[0] as Dnp3Message))).toMatchObject({
      function: 'write',
      objects: ['g1v1 q01 0-65534'],
    });
  });
});

describe('DNP3: where tshark 4.0 reads differently', () => {
  // icsnpp dnp3_example.pcap: tshark does not reassemble fragments whose transport sequence wraps
  // from 63 to 0 (frames 17-18, 113-114, 209-210, 808-810: no function shown on the last frame);
  // TRANSPORT_VECTORS in vectors.ts holds frames 17-18, which we reassemble.
  it('icsnpp dnp3_example.pcap frame 311: a whole response in one frame, which tshark calls a confirm', () => {
    // tshark keys its reassembly on the transport sequence and merges this FIR+FIN segment (seq 0)
    // with frame 210's fragment, reporting function 0. The frame alone is a response.
    const { messages } = decode(
      hex(
        '05 64 1A 44 64 00 05 00 C0 AE C0 C8 81 00 00 0C 01 17 01 02 42 01 F4 01 00 00 51 3C 00 00 00 00 00 FF FF',
      ),
    );
    expect(notation(summarizeDnp3(messages[0] as Dnp3Message))).toEqual({
      function_code: 129,
      function: 'response',
      source: 5,
      destination: 100,
      objects: ['g12v1 q17 count 1'],
      iin: [],
    });
  });

  it('zeek dnp3.pcap frame 154: qualifier 0xED sets reserved bit 7', () => {
    // tshark ignores bit 7 and reads prefix 6 with an unknown range code 13; we stop the walk.
    const { messages } = decode(
      hex('05 64 11 C4 FF FF 03 00 D0 D0 C1 C1 15 3C 02 06 3C 03 06 3C 04 ED 55 D6'),
    );
    expect(notation(summarizeDnp3(messages[0] as Dnp3Message))).toMatchObject({
      function: 'disable_unsolicited',
      destination: 65535,
      objects: ['g60v2 q06 all', 'g60v3 q06 all'],
      note: 'OTS_DNP3_BAD_QUALIFIER',
    });
  });

  it('names function 33 after IEEE 1815-2012, where tshark keeps the 1815-2010 name', () => {
    // tshark: "Authentication Error (0x21)".
    const { messages } = decode(
      hex(
        '05 64 1D C4 0A 00 01 00 B4 C2 CD CD 21 78 07 5B 01 0F 00 03 00 00 00 01 00 01 96 61 00 01 00 68 E5 CF 8B 01 1B 60',
      ),
    );
    expect(summarizeDnp3(messages[0] as Dnp3Message).function).toBe(
      'authentication_request_no_ack',
    );
  });
});
