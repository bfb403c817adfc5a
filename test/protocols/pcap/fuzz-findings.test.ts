// Inputs the fuzzer (fuzz/run.ts) found to break the capture codec, kept so they stay fixed.
import { describe, expect, it } from 'vitest';
import type { CodecError } from '../../../src/protocols/index.js';
import {
  createCaptureReader,
  decodeEnhancedPacketBlock,
  decodeInterfaceDescriptionBlock,
  decodeSimplePacketBlock,
} from '../../../src/protocols/pcap/index.js';

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));

describe('fuzz findings', () => {
  it('a block view shorter than 12 bytes is a typed error, not a RangeError (seed 20260611, case 58)', () => {
    for (const length of [0, 3, 4, 7, 8, 11]) {
      const view = new DataView(new ArrayBuffer(length));
      for (const decoded of [
        decodeEnhancedPacketBlock(view, true),
        decodeSimplePacketBlock(view, true, 65535),
        decodeInterfaceDescriptionBlock(view, true),
      ]) {
        expect(decoded.ok).toBe(false);
        if (!decoded.ok) expect(decoded.error.code).toBe('OTS_PCAP_TRUNCATED');
      }
    }
  });

  it('a Simple Packet Block answers to maxRecordLength like every packet block (case 2114)', () => {
    // SHB, an IDB (Ethernet, snaplen 0), then an SPB with 16 captured bytes.
    const capture = hex(
      '0a0d0d0a1c0000004d3c2b1a01000000ffffffffffffffff1c000000' +
        '01000000140000000100000000000000140000000300000020000000100000000000000000000000000000000000000020000000',
    );
    const packets: number[] = [];
    const errors: CodecError[] = [];
    const reader = createCaptureReader(
      (packet) => packets.push(packet.capturedLength),
      (error) => errors.push(error),
      { maxRecordLength: 8 },
    );
    reader.push(capture);
    reader.end();
    expect(packets).toEqual([]);
    expect(errors.map((e) => e.code)).toEqual(['OTS_PCAP_RECORD_TOO_LONG']);
  });
});
