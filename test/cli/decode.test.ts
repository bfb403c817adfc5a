// `otsafe decode` as a user runs it: a capture in, JSON lines out, coded errors and exit codes.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type Io } from '../../src/cli/main.js';

const FIXTURE = 'test/fixtures/pcap/modbus-tcp-head.pcap';
const BIN = join(import.meta.dirname, '../../bin/otsafe.js');

async function otsafe(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {} };
  const code = await run(args, io);
  return { code, out, err };
}

describe('otsafe decode', () => {
  it('prints one ECS-shaped JSON object per Modbus PDU', async () => {
    const { code, out, err } = await otsafe('decode', FIXTURE, '--summary');
    expect(code).toBe(0);
    const records = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.length).toBeGreaterThan(10);
    for (const record of records) {
      expect(record).toMatchObject({
        frame: expect.any(Number) as number,
        '@timestamp': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/) as string,
        source: { ip: expect.any(String) as string, port: expect.any(Number) as number },
        destination: { ip: expect.any(String) as string, port: expect.any(Number) as number },
        ics: {
          protocol: 'modbus',
          pdu_type: expect.stringMatching(/^(request|response|exception)$/) as string,
        },
      });
    }
    // The issue's own example shape: a request to port 502 with function, address and quantity.
    const request = records.find((r) => (r.ics as { pdu_type: string }).pdu_type === 'request');
    expect(request).toMatchObject({
      destination: { port: 502 },
      ics: {
        function_code: 4,
        function: 'read_input_registers',
        address: expect.any(Number) as number,
      },
    });
    expect(err).toMatch(/modbus PDUs\s+\d+/);
  });

  it('reads standard input, as from tcpdump -w -', async () => {
    const child = spawn(process.execPath, [BIN, 'decode', '-'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stdin.end(readFileSync(FIXTURE));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(out).toBe((await otsafe('decode', FIXTURE)).out);
  });

  it('leaves values out with --no-values', async () => {
    const { out } = await otsafe('decode', FIXTURE, '--no-values');
    expect(out).not.toContain('"values"');
  });

  it('turns a file that is not a capture into a coded record and exit 2', async () => {
    const { code, out, err } = await otsafe('decode', 'README.md');
    expect(code).toBe(2);
    expect(JSON.parse(out)).toMatchObject({
      event: { kind: 'pipeline_error', dataset: 'ics.malformed' },
      error: { code: 'OTS_PCAP_BAD_MAGIC', offset: 0 },
    });
    expect(err).toContain('error OTS_PCAP_BAD_MAGIC: README.md is not a readable capture');
  });

  it('names a missing file, exit 2', async () => {
    const { code, err } = await otsafe('decode', 'no-such.pcap');
    expect(code).toBe(2);
    expect(err).toContain('cannot read no-such.pcap (ENOENT)');
  });
});
