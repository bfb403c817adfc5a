// The HMI and controller simulator: an operator station that polls PLCs the way a real one does
// (block reads of each PLC's tag table at a fixed period; one HMI to one PLC, to many, and many
// HMIs to many PLCs), writes setpoints when the operator asks, and checks every value it reads
// against the physics. It is the ground truth that false-data and false-command detections are
// measured against:
// - false data: a PLC reports a process value that the physics contradicts (beyond the point's
//   tolerance, which covers sensor noise and the raw scaling's resolution);
// - false command: an operator setting (setpoint, enable, mode) changes in the PLC although no
//   HMI wrote it.
// Pure logic: the PLC links are injected (src/net supplies Modbus or S7 clients), time comes from
// the injected clock, and nothing here opens a socket.
import type { Clock, TimerId } from '../../core/index.js';

/** The four Modbus tables, which is also how an S7-backed link is asked (through its DB map). */
export type PointTable = 'coil' | 'discrete_input' | 'input_register' | 'holding_register';

/** Linear scaling between a register's raw counts and engineering units. */
export interface PointScale {
  readonly rawLow: number;
  readonly rawHigh: number;
  readonly engLow: number;
  readonly engHigh: number;
}

/** One value on the HMI's screens, bound to an address in one PLC. */
export interface HmiPoint {
  /** The tag's name in the plant model, e.g. "drum.pressure". */
  readonly name: string;
  readonly plc: string;
  readonly table: PointTable;
  /** Zero-based address in the table (a Modbus PDU address, not a 4xxxx reference). */
  readonly address: number;
  readonly scale?: PointScale;
  readonly units?: string;
  /** How far a reading may stray from the physics, in engineering units, before it is reported. */
  readonly tolerance?: number;
  /**
   * An operator setting the HMI owns (setpoint, enable, mode): any change the HMI did not write
   * itself is reported as a false command. Process values and outputs the logic writes are not.
   */
  readonly setting?: boolean;
}

/** What the HMI needs from a PLC connection; src/net's clients are adapted to it. */
export interface HmiLink {
  readBits(
    table: 'coil' | 'discrete_input',
    address: number,
    count: number,
  ): Promise<ArrayLike<number | boolean>>;
  readRegisters(
    table: 'input_register' | 'holding_register',
    address: number,
    count: number,
  ): Promise<ArrayLike<number>>;
  writeCoil(address: number, on: boolean): Promise<void>;
  writeRegister(address: number, value: number): Promise<void>;
}

/** The physics' true value of a point, in engineering units; undefined where physics has none. */
export type GroundTruth = (point: string) => number | undefined;

export type HmiFinding =
  | {
      readonly kind: 'false_data';
      readonly point: string;
      readonly plc: string;
      readonly reported: number;
      readonly expected: number;
      readonly tolerance: number;
      readonly at: number;
    }
  | {
      readonly kind: 'false_command';
      readonly point: string;
      readonly plc: string;
      readonly before: number;
      readonly after: number;
      readonly at: number;
    }
  | {
      readonly kind: 'poll_failed';
      readonly plc: string;
      readonly message: string;
      readonly at: number;
    };

export interface HmiReading {
  readonly point: string;
  readonly value: number;
  readonly raw: number;
  readonly at: number;
}

export interface HmiOptions {
  /** This station's name, used as `by` in writes and reports, e.g. "hmi-1". */
  readonly name: string;
  readonly points: readonly HmiPoint[];
  readonly links: ReadonlyMap<string, HmiLink>;
  readonly clock: Clock;
  readonly truth?: GroundTruth;
  /** Poll period; real operator stations poll every 250 ms to 1 s. */
  readonly pollMs?: number;
  /** Largest block read; contiguous points further apart than `maxGap` start a new block. */
  readonly maxBlock?: number;
  readonly maxGap?: number;
  readonly onFinding?: (finding: HmiFinding) => void;
  /**
   * Operator settings as last written or seen, shared by HMIs that share a control room (many to
   * many): a setting one of them writes is then not a false command to the others.
   */
  readonly settingsJournal?: Map<string, number>;
}

/** A block read: one request to one PLC for a run of addresses in one table. */
interface Block {
  readonly plc: string;
  readonly table: PointTable;
  readonly start: number;
  readonly count: number;
  readonly points: readonly HmiPoint[];
}

export function toEngineering(raw: number, scale: PointScale | undefined): number {
  if (scale === undefined) return raw;
  const span = scale.rawHigh - scale.rawLow;
  return scale.engLow + ((raw - scale.rawLow) * (scale.engHigh - scale.engLow)) / span;
}

export function toRaw(value: number, scale: PointScale | undefined): number {
  if (scale === undefined) return Math.round(value);
  const span = scale.engHigh - scale.engLow;
  return Math.round(
    scale.rawLow + ((value - scale.engLow) * (scale.rawHigh - scale.rawLow)) / span,
  );
}

/** Groups points into the fewest block reads, as an HMI driver optimises its requests. */
export function planBlocks(points: readonly HmiPoint[], maxBlock = 100, maxGap = 8): Block[] {
  const byTable = new Map<string, HmiPoint[]>();
  for (const point of points) {
    const key = `${point.plc}\u0000${point.table}`;
    const list = byTable.get(key) ?? [];
    list.push(point);
    byTable.set(key, list);
  }
  const blocks: Block[] = [];
  for (const list of byTable.values()) {
    list.sort((a, b) => a.address - b.address);
    let current: HmiPoint[] = [];
    const flush = (): void => {
      const first = current[0];
      const last = current[current.length - 1];
      if (first === undefined || last === undefined) return;
      blocks.push({
        plc: first.plc,
        table: first.table,
        start: first.address,
        count: last.address - first.address + 1,
        points: current,
      });
      current = [];
    };
    for (const point of list) {
      const first = current[0];
      const last = current[current.length - 1];
      if (
        first !== undefined &&
        last !== undefined &&
        (point.address - last.address > maxGap || point.address - first.address + 1 > maxBlock)
      ) {
        flush();
      }
      current.push(point);
    }
    flush();
  }
  return blocks;
}

export class HmiSimulator {
  readonly name: string;
  private readonly blocks: Block[];
  private readonly points: Map<string, HmiPoint>;
  private readonly latest = new Map<string, HmiReading>();
  /** For settings: the value this HMI last saw or wrote, so a change it did not make stands out. */
  private readonly expectedSettings: Map<string, number>;
  /** Sequence of each setting's last write by this HMI: a read that began earlier is stale. */
  private readonly writeSequence = new Map<string, number>();
  private sequence = 0;
  private timer: TimerId | undefined;
  private polling: Promise<void> | undefined;
  private polls = 0;
  private readonly findings: HmiFinding[] = [];

  constructor(private readonly options: HmiOptions) {
    this.name = options.name;
    this.points = new Map(options.points.map((point) => [point.name, point]));
    this.expectedSettings = options.settingsJournal ?? new Map<string, number>();
    this.blocks = planBlocks(options.points, options.maxBlock, options.maxGap);
    for (const block of this.blocks) {
      if (!options.links.has(block.plc)) {
        throw new Error(
          `HMI ${options.name}: point ${block.points[0]?.name ?? '?'} names PLC "${block.plc}", which has no link`,
        );
      }
    }
  }

  /** Polls every pollMs until stop(); a poll still running when the next is due is not doubled. */
  start(): void {
    if (this.timer !== undefined) return;
    this.timer = this.options.clock.setInterval(() => {
      if (this.polling === undefined) {
        this.polling = this.poll().finally(() => {
          this.polling = undefined;
        });
      }
    }, this.options.pollMs ?? 500);
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) this.options.clock.clearInterval(this.timer);
    this.timer = undefined;
    await this.polling;
  }

  /** One poll of every block; findings go to onFinding and are kept for findingsSince(). */
  async poll(): Promise<void> {
    this.polls++;
    await Promise.all(this.blocks.map((block) => this.readBlock(block)));
  }

  private async readBlock(block: Block): Promise<void> {
    const link = this.options.links.get(block.plc);
    if (link === undefined) return;
    let values: ArrayLike<number | boolean>;
    const startedAt = ++this.sequence;
    try {
      values =
        block.table === 'coil' || block.table === 'discrete_input'
          ? await link.readBits(block.table, block.start, block.count)
          : await link.readRegisters(block.table, block.start, block.count);
    } catch (error) {
      this.report({
        kind: 'poll_failed',
        plc: block.plc,
        message: error instanceof Error ? error.message : String(error),
        at: this.options.clock.now(),
      });
      return;
    }
    const at = this.options.clock.now();
    for (const point of block.points) {
      const rawValue = values[point.address - block.start];
      const raw = typeof rawValue === 'boolean' ? (rawValue ? 1 : 0) : (rawValue ?? 0);
      this.accept(point, raw, at, startedAt);
    }
  }

  private accept(point: HmiPoint, raw: number, at: number, startedAt: number): void {
    const value = toEngineering(raw, point.scale);
    this.latest.set(point.name, { point: point.name, value, raw, at });
    const stale = (this.writeSequence.get(point.name) ?? 0) > startedAt;
    if (point.setting === true && !stale) {
      const before = this.expectedSettings.get(point.name);
      if (before !== undefined && before !== raw) {
        this.report({
          kind: 'false_command',
          point: point.name,
          plc: point.plc,
          before,
          after: raw,
          at,
        });
      }
      this.expectedSettings.set(point.name, raw);
    }
    const expected = this.options.truth?.(point.name);
    if (expected === undefined) return;
    const tolerance = point.tolerance ?? defaultTolerance(point);
    if (Math.abs(value - expected) > tolerance) {
      this.report({
        kind: 'false_data',
        point: point.name,
        plc: point.plc,
        reported: value,
        expected,
        tolerance,
        at,
      });
    }
  }

  /**
   * The operator writes a setting, in engineering units (a boolean for coils). The HMI records
   * it first, so its own write is never mistaken for a false command.
   */
  async write(pointName: string, value: number | boolean): Promise<void> {
    const point = this.points.get(pointName);
    if (point === undefined) throw new Error(`HMI ${this.name}: no point named "${pointName}"`);
    const link = this.options.links.get(point.plc);
    if (link === undefined) throw new Error(`HMI ${this.name}: no link to ${point.plc}`);
    if (point.table === 'coil') {
      const on = typeof value === 'boolean' ? value : value !== 0;
      this.noteWrite(point, on ? 1 : 0);
      await link.writeCoil(point.address, on);
      return;
    }
    if (point.table !== 'holding_register') {
      throw new Error(
        `HMI ${this.name}: point "${pointName}" is a ${point.table}, which no client can write`,
      );
    }
    const raw = toRaw(typeof value === 'boolean' ? Number(value) : value, point.scale) & 0xffff;
    this.noteWrite(point, raw);
    await link.writeRegister(point.address, raw);
  }

  private noteWrite(point: HmiPoint, raw: number): void {
    this.writeSequence.set(point.name, ++this.sequence);
    if (point.setting === true) this.expectedSettings.set(point.name, raw);
  }

  /** The last reading of a point. */
  reading(pointName: string): HmiReading | undefined {
    return this.latest.get(pointName);
  }

  readings(): HmiReading[] {
    return [...this.latest.values()];
  }

  /** Findings from index `since` on (the count grows; pass the last length seen). */
  findingsSince(since = 0): readonly HmiFinding[] {
    return this.findings.slice(since);
  }

  get pollCount(): number {
    return this.polls;
  }

  /** The block reads this HMI sends each poll: what a network observer sees of it. */
  plan(): readonly { plc: string; table: PointTable; start: number; count: number }[] {
    return this.blocks.map(({ plc, table, start, count }) => ({ plc, table, start, count }));
  }

  private report(finding: HmiFinding): void {
    this.findings.push(finding);
    this.options.onFinding?.(finding);
  }
}

/** Without a stated tolerance: one raw count of resolution, or 1 % of span for scaled values. */
function defaultTolerance(point: HmiPoint): number {
  if (point.scale === undefined) return 0.5;
  return Math.abs(point.scale.engHigh - point.scale.engLow) * 0.01;
}
