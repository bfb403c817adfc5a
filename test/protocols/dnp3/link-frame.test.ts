// Link-layer frames (IEEE 1815-2012, 9.2): control octet, addresses, header and block CRCs,
// each vector tested four ways, then the errors a broken frame gives.
import { describe, expect, it } from 'vitest';
import {
  createDnp3LinkParser,
  decodeDnp3LinkFrame,
  dnp3Crc,
  dnp3LinkFunctionName,
  encodeDnp3LinkFrame,
  type Dnp3LinkFrame,
} from '../../../src/protocols/dnp3/index.js';
import type { CodecError } from '../../../src/protocols/errors.js';
import { flip, hex } from './helpers.js';

interface LinkVector {
  readonly name: string;
  readonly bytes: string;
  readonly expect: Partial<Dnp3LinkFrame> & { userData?: Uint8Array };
}

const LINK_VECTORS: readonly LinkVector[] = [
  {
    name: 'reset link states, master 1024 to outstation 1 (the well-known frame)',
    // start, length 5, control 0xC0 (DIR, PRM, function 0), destination 1, source 1024, CRC
    bytes: '05 64 05 C0 01 00 00 04 E9 21',
    expect: {
      length: 5,
      dir: true,
      prm: true,
      fcb: false,
      fcv: false,
      functionCode: 0,
      function: 'reset_link_states',
      destination: 1,
      source: 1024,
    },
  },
  {
    name: 'request link status (zeek dnp3_link_only.pcap frame 1)',
    // control 0x49: PRM, function 9; from outstation 1 to master 100
    bytes: '05 64 05 49 64 00 01 00 7E 5F',
    expect: { dir: false, prm: true, functionCode: 9, function: 'request_link_status' },
  },
  {
    name: 'link status (zeek dnp3_link_only.pcap frame 2)',
    // control 0x8B: DIR, secondary, function 11
    bytes: '05 64 05 8B 01 00 64 00 A0 97',
    expect: { dir: true, prm: false, functionCode: 11, function: 'link_status', source: 100 },
  },
  {
    name: 'test link states with FCB and FCV (built; tshark 4.0 calls it malformed)',
    // control 0xF2: DIR, PRM, FCB, FCV, function 2
    bytes: '05 64 05 F2 0A 00 01 00 72 58',
    expect: { fcb: true, fcv: true, dfc: false, function: 'test_link_states' },
  },
  {
    name: 'ack from the outstation (built)',
    // control 0x00: secondary, function 0
    bytes: '05 64 05 00 01 00 0A 00 2E DD',
    expect: { dir: false, prm: false, function: 'ack', destination: 1, source: 10 },
  },
  {
    name: 'nack with data flow control (built; tshark 4.0 calls it malformed)',
    // control 0x11: secondary, DFC, function 1
    bytes: '05 64 05 11 01 00 0A 00 BA 54',
    expect: { prm: false, dfc: true, fcv: false, function: 'nack' },
  },
  {
    name: 'link service not supported (built; tshark 4.0 calls it malformed)',
    bytes: '05 64 05 0F 01 00 0A 00 75 61',
    expect: { function: 'not_supported', functionCode: 15 },
  },
  {
    name: 'confirmed user data with FCB and FCV: a class 0 read (built)',
    // control 0xF3; user data C0 (transport FIR FIN seq 0) C0 01 3C 01 06, then its CRC
    bytes: '05 64 0B F3 0A 00 01 00 71 8A C0 C0 01 3C 01 06 FF 50',
    expect: {
      length: 11,
      function: 'confirmed_user_data',
      fcb: true,
      fcv: true,
      userData: hex('C0 C0 01 3C 01 06'),
    },
  },
  {
    name: 'unconfirmed user data over two blocks (ITI dnp3/read_and_response.pcap frame 4)',
    // 21 octets of user data: a 16-octet block and a 5-octet block, each with its CRC
    bytes: '05 64 14 C4 0A 00 01 00 8F ED' + ' C0 C0 01 3C 02 06 3C 03 06 3C 04 06 3C 01 06 8A 51',
    expect: {
      length: 20,
      function: 'unconfirmed_user_data',
      userData: hex('C0 C0 01 3C 02 06 3C 03 06 3C 04 06 3C 01 06'),
    },
  },
];

function frameInput(frame: Dnp3LinkFrame): Parameters<typeof encodeDnp3LinkFrame>[0] {
  return {
    dir: frame.dir,
    prm: frame.prm,
    fcb: frame.fcb,
    fcv: frame.fcv,
    dfc: frame.dfc,
    functionCode: frame.functionCode,
    destination: frame.destination,
    source: frame.source,
    userData: frame.userData,
  };
}

describe('DNP3 link frames: four ways', () => {
  for (const vector of LINK_VECTORS) {
    const bytes = hex(vector.bytes);
    describe(vector.name, () => {
      it('parses', () => {
        const decoded = decodeDnp3LinkFrame(bytes);
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        expect(decoded.value).toMatchObject(vector.expect);
      });

      it('encodes', () => {
        const decoded = decodeDnp3LinkFrame(bytes);
        if (!decoded.ok) throw decoded.error;
        expect(encodeDnp3LinkFrame(frameInput(decoded.value))).toEqual({ ok: true, value: bytes });
      });

      it('round-trips', () => {
        const decoded = decodeDnp3LinkFrame(bytes);
        if (!decoded.ok) throw decoded.error;
        const encoded = encodeDnp3LinkFrame(frameInput(decoded.value));
        if (!encoded.ok) throw encoded.error;
        expect(decodeDnp3LinkFrame(encoded.value)).toEqual(decoded);
      });

      it('feeds byte by byte through the stream parser', () => {
        const frames: Dnp3LinkFrame[] = [];
        const errors: CodecError[] = [];
        const parser = createDnp3LinkParser(
          (frame) => frames.push(frame),
          (error) => errors.push(error),
        );
        for (const byte of bytes) parser.push(Uint8Array.of(byte));
        parser.end();
        expect(errors).toEqual([]);
        expect(frames).toHaveLength(1);
        expect(frames[0]).toMatchObject(vector.expect);
      });
    });
  }
});

describe('DNP3 link frames: errors', () => {
  const good = hex(
    '05 64 14 C4 0A 00 01 00 8F ED C0 C0 01 3C 02 06 3C 03 06 3C 04 06 3C 01 06 8A 51',
  );

  it('names the user data block whose CRC fails', () => {
    const bad = flip(good, 20, 0x01); // inside block 0
    const decoded = decodeDnp3LinkFrame(bad);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error.code).toBe('OTS_DNP3_BLOCK_CRC');
    expect(decoded.error.message).toMatch(
      /^user data block 0 of 1 \(15 octets at frame offset 10\)/,
    );
    expect(decoded.error.offset).toBe(25);
  });

  it('names the second block when that one fails', () => {
    const frame = encodeDnp3LinkFrame({
      dir: true,
      prm: true,
      functionCode: 4,
      destination: 1,
      source: 2,
      userData: new Uint8Array(40).fill(7),
    });
    if (!frame.ok) throw frame.error;
    const bad = flip(frame.value, 10 + 18 + 3, 0xff); // block 1 starts after block 0 and its CRC
    const decoded = decodeDnp3LinkFrame(bad);
    expect(!decoded.ok && decoded.error.message).toMatch(/^user data block 1 of 3 \(16 octets/);
  });

  it('reports a header CRC mismatch with both values', () => {
    const bad = Uint8Array.from(good);
    bad[9] = 0x00;
    const decoded = decodeDnp3LinkFrame(bad);
    expect(!decoded.ok && decoded.error.code).toBe('OTS_DNP3_HEADER_CRC');
    expect(!decoded.ok && decoded.error.message).toBe(
      'link header CRC 0x008f does not match the computed 0xed8f',
    );
  });

  it('refuses a length below 5 even with a valid header CRC', () => {
    // Length 4 with a header CRC computed over it: the header is intact but says too little.
    const withCrc = hex('05 64 04 C0 01 00 00 04 00 00');
    const value = dnp3Crc(withCrc, 0, 8);
    withCrc[8] = value & 0xff;
    withCrc[9] = value >>> 8;
    const decoded = decodeDnp3LinkFrame(withCrc);
    expect(!decoded.ok && decoded.error.code).toBe('OTS_DNP3_BAD_LENGTH');
  });

  it('refuses a wrong start, a truncated frame and trailing octets', () => {
    expect(decodeDnp3LinkFrame(hex('06 64 05 C0 01 00 00 04 E9 21'))).toMatchObject({
      ok: false,
      error: { code: 'OTS_DNP3_BAD_START', offset: 0 },
    });
    expect(decodeDnp3LinkFrame(hex('05 65'))).toMatchObject({
      ok: false,
      error: { code: 'OTS_DNP3_BAD_START', offset: 1 },
    });
    expect(decodeDnp3LinkFrame(good.subarray(0, 20))).toMatchObject({
      ok: false,
      error: { code: 'OTS_DNP3_TRUNCATED' },
    });
    expect(decodeDnp3LinkFrame(new Uint8Array(0))).toMatchObject({
      ok: false,
      error: { code: 'OTS_DNP3_TRUNCATED' },
    });
    expect(decodeDnp3LinkFrame(hex('05 64 05 C0 01 00 00 04 E9 21 00'))).toMatchObject({
      ok: false,
      error: { code: 'OTS_DNP3_TRAILING_BYTES', offset: 10 },
    });
  });

  it('refuses to encode values outside their fields', () => {
    const base = { dir: true, prm: true, functionCode: 4, destination: 1, source: 2 };
    expect(encodeDnp3LinkFrame({ ...base, functionCode: 16 }).ok).toBe(false);
    expect(encodeDnp3LinkFrame({ ...base, destination: 65536 }).ok).toBe(false);
    expect(encodeDnp3LinkFrame({ ...base, source: -1 }).ok).toBe(false);
    expect(encodeDnp3LinkFrame({ ...base, userData: new Uint8Array(251) })).toMatchObject({
      ok: false,
      error: { code: 'OTS_DNP3_ENCODE_RANGE' },
    });
    expect(encodeDnp3LinkFrame({ ...base, userData: new Uint8Array(250) }).ok).toBe(true);
  });
});

describe('DNP3 link function names', () => {
  it('names primary and secondary codes apart, and unknown ones', () => {
    expect(dnp3LinkFunctionName(true, 4)).toBe('unconfirmed_user_data');
    expect(dnp3LinkFunctionName(false, 0)).toBe('ack');
    expect(dnp3LinkFunctionName(true, 11)).toBe('unknown-11');
    expect(dnp3LinkFunctionName(false, 4)).toBe('unknown-4');
  });
});
