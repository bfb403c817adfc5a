// CRC-16/DNP against its published check value and the best-known DNP3 link frame.
import { describe, expect, it } from 'vitest';
import { dnp3Crc, dnp3CrcMatches } from '../../../src/protocols/dnp3/index.js';
import { hex } from './helpers.js';

describe('CRC-16/DNP (IEEE 1815-2012, 9.2.5)', () => {
  it('gives the catalogued check value 0xEA82 for "123456789"', () => {
    expect(dnp3Crc(new TextEncoder().encode('123456789'))).toBe(0xea82);
  });

  it('is 0xFFFF over no octets (initial 0, final XOR 0xFFFF)', () => {
    expect(dnp3Crc(new Uint8Array(0))).toBe(0xffff);
  });

  it('closes the header of 05 64 05 C0 01 00 00 04 with E9 21 (reset link, 1024 to 1)', () => {
    const frame = hex('05 64 05 C0 01 00 00 04 E9 21');
    expect(dnp3Crc(frame, 0, 8)).toBe(0x21e9);
    expect(dnp3CrcMatches(frame, 0, 8)).toBe(true);
  });

  it('checks a 16-octet user data block (dnp3_udp_read.pcap frame 7, first block)', () => {
    const block = hex('21 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 78 CE');
    expect(dnp3CrcMatches(block, 0, 16)).toBe(true);
    block[3] = 0x00;
    expect(dnp3CrcMatches(block, 0, 16)).toBe(false);
  });

  it('honours start and end offsets', () => {
    const bytes = hex('FF FF 05 64 05 C0 01 00 00 04 E9 21 FF');
    expect(dnp3CrcMatches(bytes, 2, 10)).toBe(true);
  });
});
