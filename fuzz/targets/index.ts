// The fuzz targets by protocol, built on first use (each reads its corpus of real frames once).
import type { Protocol, Target } from '../harness.js';
import { dnp3Target } from './dnp3.js';
import { enipTarget } from './enip.js';
import { modbusTarget } from './modbus.js';
import { pcapTarget } from './pcap.js';
import { s7commTarget } from './s7comm.js';

const BUILDERS: Record<Protocol, () => Target> = {
  modbus: modbusTarget,
  s7comm: s7commTarget,
  dnp3: dnp3Target,
  enip: enipTarget,
  pcap: pcapTarget,
};

const built = new Map<Protocol, Target>();

export function targetFor(protocol: Protocol): Target {
  let target = built.get(protocol);
  if (target === undefined) {
    target = BUILDERS[protocol]();
    built.set(protocol, target);
  }
  return target;
}
