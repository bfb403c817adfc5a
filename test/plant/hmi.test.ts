// The HMI simulator: block planning, scaling, and the two findings it exists for (false data
// against the physics, false commands against what operators wrote), over a link to a real
// MemoryImage through the OpenPLC Modbus map.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/core/index.js';
import {
  HmiSimulator,
  MemoryImage,
  parseIecAddress,
  planBlocks,
  toEngineering,
  toRaw,
  type HmiFinding,
  type HmiLink,
  type HmiPoint,
} from '../../src/plant/index.js';

const PRESSURE_SCALE = { rawLow: 0, rawHigh: 27648, engLow: 0, engHigh: 16 };

const BOILER_POINTS: HmiPoint[] = [
  {
    name: 'drum.pressure',
    plc: 'boiler-plc',
    table: 'input_register',
    address: 0,
    scale: PRESSURE_SCALE,
    units: 'bar',
    tolerance: 0.2,
  },
  {
    name: 'drum.temperature',
    plc: 'boiler-plc',
    table: 'input_register',
    address: 1,
    scale: { rawLow: 0, rawHigh: 27648, engLow: 0, engHigh: 250 },
    units: '°C',
  },
  { name: 'burner.run', plc: 'boiler-plc', table: 'coil', address: 0 },
  { name: 'interlock.enabled', plc: 'boiler-plc', table: 'coil', address: 3, setting: true },
  { name: 'burner.force_on', plc: 'boiler-plc', table: 'coil', address: 4, setting: true },
  {
    name: 'pressure.setpoint',
    plc: 'boiler-plc',
    table: 'holding_register',
    address: 1024,
    scale: { rawLow: 0, rawHigh: 100, engLow: 0, engHigh: 1 },
    units: 'bar',
    setting: true,
  },
];

/** A link straight onto a MemoryImage, counting requests like a wire would. */
function memoryLink(memory: MemoryImage, log: string[] = []): HmiLink {
  return {
    readBits: (table, address, count) => {
      log.push(`read ${table} ${String(address)}+${String(count)}`);
      return Promise.resolve(
        Array.from(memory.readBits(table === 'coil' ? 'coils' : 'discrete_inputs', address, count)),
      );
    },
    readRegisters: (table, address, count) => {
      log.push(`read ${table} ${String(address)}+${String(count)}`);
      return Promise.resolve(
        Array.from(
          memory.readRegisters(
            table === 'holding_register' ? 'holding_registers' : 'input_registers',
            address,
            count,
          ),
        ),
      );
    },
    writeCoil: (address, on) => {
      log.push(`write coil ${String(address)}=${String(on)}`);
      memory.writeCoils(address, [on ? 1 : 0]);
      return Promise.resolve();
    },
    writeRegister: (address, value) => {
      log.push(`write register ${String(address)}=${String(value)}`);
      memory.writeHoldingRegisters(address, [value]);
      return Promise.resolve();
    },
  };
}

function boilerMemory(): MemoryImage {
  const memory = new MemoryImage();
  const set = (address: string, value: number): void => {
    const parsed = parseIecAddress(address);
    if (parsed === undefined) throw new Error(address);
    memory.write(parsed, value, 'io');
  };
  set('%IW0', toRaw(7, PRESSURE_SCALE));
  set('%IW1', 13824);
  set('%QX0.3', 1);
  set('%MW0', 700);
  return memory;
}

describe('planBlocks', () => {
  it('reads each PLC table as few contiguous blocks', () => {
    const blocks = planBlocks(BOILER_POINTS);
    expect(
      blocks.map((b) => `${b.plc} ${b.table} ${String(b.start)}+${String(b.count)}`).sort(),
    ).toEqual([
      'boiler-plc coil 0+5',
      'boiler-plc holding_register 1024+1',
      'boiler-plc input_register 0+2',
    ]);
  });

  it('starts a new block past the gap or the block size', () => {
    const points: HmiPoint[] = [0, 1, 2, 40, 41, 300].map((address) => ({
      name: `p${String(address)}`,
      plc: 'a',
      table: 'holding_register',
      address,
    }));
    expect(planBlocks(points, 100, 8).map((b) => [b.start, b.count])).toEqual([
      [0, 3],
      [40, 2],
      [300, 1],
    ]);
    expect(planBlocks(points, 2, 100).map((b) => [b.start, b.count])).toEqual([
      [0, 2],
      [2, 1],
      [40, 2],
      [300, 1],
    ]);
  });
});

describe('scaling', () => {
  it('converts raw counts to engineering units and back', () => {
    expect(toEngineering(27648, PRESSURE_SCALE)).toBe(16);
    expect(toEngineering(13824, PRESSURE_SCALE)).toBe(8);
    expect(toRaw(7, PRESSURE_SCALE)).toBe(12096);
    expect(toEngineering(toRaw(9.5, PRESSURE_SCALE), PRESSURE_SCALE)).toBeCloseTo(9.5, 3);
  });
});

describe('HmiSimulator', () => {
  function setup(truth: Record<string, number> = {}) {
    const clock = new FakeClock();
    const memory = boilerMemory();
    const log: string[] = [];
    const findings: HmiFinding[] = [];
    const hmi = new HmiSimulator({
      name: 'hmi-1',
      points: BOILER_POINTS,
      links: new Map([['boiler-plc', memoryLink(memory, log)]]),
      clock,
      truth: (point) => truth[point],
      onFinding: (finding) => findings.push(finding),
    });
    return { clock, memory, log, findings, hmi };
  }

  it('polls in block reads and shows engineering values', async () => {
    const { hmi, log } = setup();
    await hmi.poll();
    expect(log.sort()).toEqual([
      'read coil 0+5',
      'read holding_register 1024+1',
      'read input_register 0+2',
    ]);
    expect(hmi.reading('drum.pressure')?.value).toBeCloseTo(7, 3);
    expect(hmi.reading('drum.temperature')?.value).toBe(125);
    expect(hmi.reading('interlock.enabled')?.value).toBe(1);
    expect(hmi.reading('pressure.setpoint')?.value).toBe(7);
  });

  it('reports false data when the PLC contradicts the physics, not within tolerance', async () => {
    const { hmi, findings } = setup({ 'drum.pressure': 7.1, 'drum.temperature': 125 });
    await hmi.poll();
    expect(findings).toEqual([]);
    const spoofed = setup({ 'drum.pressure': 9.4 });
    await spoofed.hmi.poll();
    expect(spoofed.findings).toEqual([
      expect.objectContaining({
        kind: 'false_data',
        point: 'drum.pressure',
        expected: 9.4,
        tolerance: 0.2,
      }),
    ]);
    const finding = spoofed.findings[0];
    expect(finding?.kind === 'false_data' && finding.reported).toBeCloseTo(7, 3);
  });

  it('reports a setting changed by someone else as a false command, but not its own writes', async () => {
    const { hmi, memory, findings } = setup();
    await hmi.poll();
    await hmi.write('pressure.setpoint', 7.5);
    await hmi.poll();
    expect(hmi.reading('pressure.setpoint')?.raw).toBe(750);
    expect(findings).toEqual([]);

    memory.writeCoils(3, [0]); // the attacker disables the interlock
    memory.writeHoldingRegisters(1024, [1200]);
    await hmi.poll();
    expect(
      findings
        .map((f) =>
          f.kind === 'false_command'
            ? `${f.point} ${String(f.before)}->${String(f.after)}`
            : f.kind,
        )
        .sort(),
    ).toEqual(['interlock.enabled 1->0', 'pressure.setpoint 750->1200']);
    await hmi.poll();
    expect(findings).toHaveLength(2);
  });

  it('does not blame a write it made while a read was in flight', async () => {
    const clock = new FakeClock();
    const memory = boilerMemory();
    const inner = memoryLink(memory);
    let release: (() => void) | undefined;
    const slow: HmiLink = {
      ...inner,
      readRegisters: async (table, address, count) => {
        const values = await inner.readRegisters(table, address, count);
        await new Promise<void>((resolve) => (release = resolve));
        return values;
      },
    };
    const findings: HmiFinding[] = [];
    const hmi = new HmiSimulator({
      name: 'hmi-1',
      points: BOILER_POINTS.filter((p) => p.name === 'pressure.setpoint'),
      links: new Map([['boiler-plc', slow]]),
      clock,
      onFinding: (f) => findings.push(f),
    });
    const first = hmi.poll();
    await Promise.resolve();
    release?.();
    await first;
    const second = hmi.poll(); // reads 700 ...
    await new Promise((resolve) => setImmediate(resolve));
    await hmi.write('pressure.setpoint', 8); // ... while the operator writes 800
    release?.();
    await second;
    const third = hmi.poll();
    await new Promise((resolve) => setImmediate(resolve));
    release?.();
    await third;
    expect(hmi.reading('pressure.setpoint')?.raw).toBe(800);
    expect(findings).toEqual([]);
  });

  it('shares a settings journal between HMIs of one control room', async () => {
    const clock = new FakeClock();
    const memory = boilerMemory();
    const journal = new Map<string, number>();
    const findings: HmiFinding[] = [];
    const make = (name: string) =>
      new HmiSimulator({
        name,
        points: BOILER_POINTS,
        links: new Map([['boiler-plc', memoryLink(memory)]]),
        clock,
        settingsJournal: journal,
        onFinding: (f) => findings.push(f),
      });
    const one = make('hmi-1');
    const two = make('hmi-2');
    await one.poll();
    await two.poll();
    await one.write('burner.force_on', false);
    await one.write('pressure.setpoint', 6.8);
    await two.poll();
    expect(findings).toEqual([]);
  });

  it('reports a failed poll and keeps polling the other PLCs', async () => {
    const clock = new FakeClock();
    const memory = boilerMemory();
    const down: HmiLink = {
      ...memoryLink(memory),
      readBits: () => Promise.reject(new Error('OTS_NET_TIMEOUT: no reply in 1000 ms')),
    };
    const findings: HmiFinding[] = [];
    const hmi = new HmiSimulator({
      name: 'hmi-1',
      points: [
        ...BOILER_POINTS.filter((p) => p.table === 'coil'),
        {
          name: 'feed.level',
          plc: 'feed-plc',
          table: 'input_register',
          address: 0,
          scale: { rawLow: 0, rawHigh: 10000, engLow: 0, engHigh: 100 },
        },
      ],
      links: new Map([
        ['boiler-plc', down],
        ['feed-plc', memoryLink(new MemoryImage())],
      ]),
      clock,
      onFinding: (f) => findings.push(f),
    });
    await hmi.poll();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'poll_failed', plc: 'boiler-plc' });
    expect(findings[0]?.kind === 'poll_failed' && findings[0].message).toMatch(/OTS_NET_TIMEOUT/);
    expect(hmi.reading('feed.level')?.value).toBe(0);
  });

  it('polls on the clock until stopped, never two polls at once', async () => {
    const { clock, hmi } = setup();
    hmi.start();
    await clock.advanceAsync(2000);
    expect(hmi.pollCount).toBe(4);
    await hmi.stop();
    await clock.advanceAsync(2000);
    expect(hmi.pollCount).toBe(4);
    expect(clock.pending).toBe(0);
  });

  it('refuses a point without a link and a write to a read-only table', async () => {
    expect(
      () =>
        new HmiSimulator({
          name: 'hmi-x',
          points: BOILER_POINTS,
          links: new Map(),
          clock: new FakeClock(),
        }),
    ).toThrow(/boiler-plc/);
    const { hmi } = setup();
    await expect(hmi.write('drum.pressure', 3)).rejects.toThrow(/input_register/);
    await expect(hmi.write('nope', 3)).rejects.toThrow(/no point named "nope"/);
  });
});
