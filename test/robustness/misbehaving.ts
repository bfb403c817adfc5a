// Targets that misbehave on purpose, to test the fuzz supervisor itself: on rare cases one loops
// forever (dnp3), one throws (enip), one eats memory without end (pcap); modbus behaves.
import type { Generator, Protocol, Target } from '../../fuzz/harness.js';

/** The case's one input byte that triggers the misbehaviour (1 case in 1,000 or so). */
export const TRIGGER = 0xab;

function target(protocol: Protocol, misbehave: () => void): Target {
  const generator: Generator = {
    name: `${protocol} fixture`,
    weight: 1,
    make: (rng, out) => {
      out.appendByte(rng.below(1000) === 0 ? TRIGGER : 0);
      out.appendRandom(rng, 3);
    },
    run: (input) => {
      if (input[0] === TRIGGER) misbehave();
    },
  };
  return { protocol, generators: [generator] };
}

let sink = 0;
const kept: number[][] = [];

export const MISBEHAVING: Record<Protocol, Target> = {
  modbus: target('modbus', () => undefined),
  s7comm: target('s7comm', () => undefined),
  dnp3: target('dnp3', () => {
    // A decoder that never returns.
    for (let i = 0; i >= 0; i = (i + 1) % 7) sink += i;
  }),
  enip: target('enip', () => {
    throw new TypeError('a decoder threw');
  }),
  pcap: target('pcap', () => {
    // A buffer that grows without bound.
    for (;;) kept.push(new Array<number>(1 << 20).fill(sink));
  }),
};
