// Every capture under the shared data (OTSAFE_DATA/pcaps): our packet count must equal capinfos'
// (Wireshark's own reader), and the whole walk (layers, reassembly) must end cleanly. Skips with a
// one-line notice when the data or capinfos is absent, and fails then under OTSAFE_REQUIRE_PEERS=1.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PacketLayers,
  createTcpReassembler,
  decodeLayers,
  readCapture,
} from '../../../src/protocols/pcap/index.js';
import { dataFile, peer } from '../../helpers/peers.js';

const CAPINFOS = '/usr/bin/capinfos';
const pcaps = dataFile('pcaps');
const ready =
  peer('shared captures', pcaps.exists, `no ${pcaps.path}; set OTSAFE_DATA`) &&
  peer('capinfos (tshark)', existsSync(CAPINFOS), 'apt-get install tshark');

function captures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return captures(path);
    return /\.(pcap|pcapng|cap)$/i.test(entry.name) ? [path] : [];
  });
}

describe.skipIf(!ready)('shared captures', () => {
  it('have as many packets for us as for capinfos, and walk cleanly', () => {
    const files = captures(pcaps.path);
    expect(files.length).toBeGreaterThan(100);
    // One capinfos for all: "-T -r -c" prints "<file>\t<packets>" per file, with no header.
    const run = spawnSync(CAPINFOS, ['-T', '-r', '-c', '-M', ...files], { encoding: 'utf8' });
    const theirs = new Map(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t'))
        .map(([file, count]) => [file, Number(count)] as const),
    );
    const mismatches: string[] = [];
    let packets = 0;
    for (const file of files) {
      const contents = readCapture(readFileSync(file));
      packets += contents.packets.length;
      const expected = theirs.get(file);
      if (contents.packets.length !== expected || contents.errors.length > 0) {
        mismatches.push(
          `${relative(pcaps.path, file)}: ours ${contents.packets.length}, capinfos ${expected}, ${contents.errors.map((e) => e.message).join('; ')}`,
        );
      }
      const layers = new PacketLayers();
      const reassembler = createTcpReassembler<number>({
        openFlow: () => ({ data: () => undefined }),
      });
      for (const packet of contents.packets) {
        if (decodeLayers(packet.data, packet.linkType, layers)) {
          reassembler.push(layers, packet.frame, packet.timestampMs);
        }
      }
      reassembler.flush();
      expect(reassembler.stats.bytesBuffered).toBe(0);
    }
    expect(mismatches).toEqual([]);
    console.log(
      `shared captures: ${files.length} files, ${packets} packets, all as capinfos counts`,
    );
  });
});
