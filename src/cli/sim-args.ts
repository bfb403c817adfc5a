// Parsing of `otsafe sim`'s endpoint flags: `--listen PLC:PROTOCOL=HOST:PORT` (repeatable) and
// `--opcua HOST:PORT`. Mistakes are usage errors that quote the flag and show a correct example.
import { OtsafeError } from '../core/index.js';

export type SimProtocol = 'modbus' | 's7';

export interface ListenSpec {
  readonly plc: string;
  readonly protocol: SimProtocol;
  readonly host: string;
  readonly port: number;
}

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

const LISTEN_EXAMPLE = '--listen boiler-plc:s7=127.0.0.11:102';

function usage(message: string): OtsafeError {
  return new OtsafeError('OTS_CLI_USAGE', message);
}

/** "HOST:PORT" or "[v6]:PORT"; the port 0–65535 (0 asks the system for a free one). */
export function parseHostPort(text: string, flag: string, example: string): HostPort {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s]+)):(\d{1,5})$/.exec(text.trim());
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  if (host === undefined || !Number.isInteger(port) || port > 65535) {
    throw usage(`${flag} "${text}" is not HOST:PORT; for example ${example}`);
  }
  return { host, port };
}

/** Parses one `--listen` value, checking the protocol and the PLC's name against the plant. */
export function parseListen(text: string, plcs: readonly string[]): ListenSpec {
  const match = /^([^:=\s]+):([^=\s]+)=(.+)$/.exec(text.trim());
  if (match === null) {
    throw usage(`--listen "${text}" is not PLC:PROTOCOL=HOST:PORT; for example ${LISTEN_EXAMPLE}`);
  }
  const [, plc = '', protocol = '', address = ''] = match;
  if (!plcs.includes(plc)) {
    throw usage(`--listen "${text}": the plant has no PLC "${plc}"; it has ${plcs.join(', ')}`);
  }
  if (protocol !== 'modbus' && protocol !== 's7') {
    throw usage(`--listen "${text}": protocol "${protocol}" is not modbus or s7`);
  }
  return { plc, protocol, ...parseHostPort(address, '--listen', LISTEN_EXAMPLE) };
}

/** Rejects two endpoints on one address, which the second bind would fail on anyway, later. */
export function checkDistinct(specs: readonly ListenSpec[]): void {
  const seen = new Map<string, ListenSpec>();
  for (const spec of specs) {
    const key = `${spec.host}:${String(spec.port)}`;
    const before = seen.get(key);
    if (before !== undefined && spec.port !== 0) {
      throw usage(
        `--listen ${spec.plc}:${spec.protocol} and ${before.plc}:${before.protocol} both ask for ${key}`,
      );
    }
    seen.set(key, spec);
  }
}
