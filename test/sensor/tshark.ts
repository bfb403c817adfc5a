// The "Against tshark" comparison, as functions: tshark's fields per frame for a capture, the same
// fields projected from our records, and the frame-by-frame differences between the two.
import { spawn } from 'node:child_process';
import type { DecodeRecord, ModbusIcs } from '../../src/sensor/index.js';

export const TSHARK = '/usr/bin/tshark';

/** The fields issue 3 names, per protocol, as tshark 4.0 calls them. */
export const FIELDS = [
  'mbtcp.unit_id',
  'modbus.func_code',
  'modbus.reference_num',
  'modbus.word_cnt',
  'modbus.bit_cnt',
  'modbus.read_reference_num',
  'modbus.read_word_cnt',
  'modbus.write_reference_num',
  'modbus.write_word_cnt',
  's7comm.header.rosctr',
  's7comm.param.func',
  'dnp3.al.func',
  'enip.command',
] as const;
export type Field = (typeof FIELDS)[number];

/** Field values of one frame, as tshark prints them with `-E occurrence=a`: comma-joined. */
export type FrameFields = Partial<Record<Field, string>>;

/** One frame as tshark shows it: the compared fields, and its expert notes (retransmission...). */
export interface TsharkFrame {
  readonly fields: FrameFields;
  readonly expert: string;
}

/**
 * Runs tshark once on a capture; resolves with every frame that carries one of the protocols or an
 * expert note (TCP analysis, malformed), so that a frame tshark leaves undissected says why.
 */
export function runTshark(
  file: string,
  extraOptions: readonly string[] = [],
): Promise<Map<number, TsharkFrame>> {
  const args = [
    '-n',
    '-r',
    file,
    ...extraOptions,
    '-Y',
    'mbtcp || s7comm || dnp3 || enip || _ws.expert',
    '-T',
    'fields',
    '-E',
    'separator=/t',
    '-E',
    'occurrence=a',
    '-e',
    'frame.number',
    '-e',
    '_ws.expert.message',
    ...FIELDS.flatMap((field) => ['-e', field]),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(TSHARK, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', () => {
      const frames = new Map<number, TsharkFrame>();
      for (const line of Buffer.concat(out).toString('utf8').split('\n')) {
        if (line === '') continue;
        const [frame, expert, ...values] = line.split('\t');
        const fields: FrameFields = {};
        FIELDS.forEach((field, i) => {
          const value = values[i];
          if (value !== undefined && value !== '') fields[field] = value;
        });
        frames.set(Number(frame), { fields, expert: expert ?? '' });
      }
      resolve(frames);
    });
  });
}

function add(
  frames: Map<number, Partial<Record<Field, number[]>>>,
  frame: number,
  field: Field,
  value: number | undefined,
): void {
  if (value === undefined) return;
  let fields = frames.get(frame);
  if (fields === undefined) {
    fields = {};
    frames.set(frame, fields);
  }
  (fields[field] ??= []).push(value);
}

/**
 * What tshark 4.0 shows of a Modbus PDU: the reference and count that are in the PDU itself (a
 * read response has neither: we give it its request's), FC 23's four in fields of their own, and
 * for FC 24 the pointer address of the request and the FIFO count of the response.
 */
function modbusFields(
  frames: Map<number, Partial<Record<Field, number[]>>>,
  f: number,
  m: ModbusIcs,
): void {
  const fc = m.function_code;
  if (m.pdu_type === 'exception') return;
  if (fc === 23) {
    if (m.pdu_type !== 'request') return;
    add(frames, f, 'modbus.read_reference_num', m.address);
    add(frames, f, 'modbus.read_word_cnt', m.quantity);
    add(frames, f, 'modbus.write_reference_num', m.write_address);
    add(frames, f, 'modbus.write_word_cnt', m.write_quantity);
    return;
  }
  if (fc === 24) {
    if (m.pdu_type === 'request') add(frames, f, 'modbus.reference_num', m.address);
    else add(frames, f, 'modbus.word_cnt', m.quantity);
    return;
  }
  if (m.pdu_type !== 'request' && fc <= 4) return;
  add(frames, f, 'modbus.reference_num', m.address);
  if (fc === 5 || fc === 6) return;
  add(
    frames,
    f,
    fc === 1 || fc === 2 || fc === 15 ? 'modbus.bit_cnt' : 'modbus.word_cnt',
    m.quantity,
  );
}

/** Our records, as the tshark fields they stand for. */
export function ourFields(records: readonly DecodeRecord[]): Map<number, FrameFields> {
  const frames = new Map<number, Partial<Record<Field, number[]>>>();
  for (const record of records) {
    const f = record.frame;
    if ('error' in record) {
      // A refused Modbus PDU still has the unit and function tshark shows.
      const ics = record.ics;
      if (ics?.protocol === 'modbus' && 'unit' in ics) {
        add(frames, f, 'mbtcp.unit_id', ics.unit);
        add(frames, f, 'modbus.func_code', ics.function_code);
      }
      continue;
    }
    const ics = record.ics;
    switch (ics.protocol) {
      case 'modbus':
        add(frames, f, 'mbtcp.unit_id', ics.unit);
        add(frames, f, 'modbus.func_code', ics.function_code);
        modbusFields(frames, f, ics);
        break;
      case 's7comm':
        add(frames, f, 's7comm.header.rosctr', ics.rosctr);
        add(frames, f, 's7comm.param.func', ics.function_code);
        break;
      case 'dnp3':
        add(frames, f, 'dnp3.al.func', ics.function_code);
        break;
      case 'enip':
        add(frames, f, 'enip.command', ics.command);
        break;
    }
  }
  const out = new Map<number, FrameFields>();
  for (const [frame, fields] of frames) {
    const text: FrameFields = {};
    for (const [field, values] of Object.entries(fields) as [Field, number[]][]) {
      text[field] = values
        .map((v) => {
          // tshark prints these two in hex: enip.command as 0x006f, s7comm.param.func as 0xf0.
          if (field === 'enip.command') return `0x${v.toString(16).padStart(4, '0')}`;
          if (field === 's7comm.param.func') return `0x${v.toString(16).padStart(2, '0')}`;
          return String(v);
        })
        .join(',');
    }
    out.set(frame, text);
  }
  return out;
}

export interface Difference {
  readonly frame: number;
  readonly field: Field;
  readonly ours: string | undefined;
  readonly tshark: string | undefined;
}

/** Every frame and field where the two disagree, in frame order. */
export function differences(
  ours: Map<number, FrameFields>,
  theirs: Map<number, TsharkFrame>,
): Difference[] {
  const frames = [...new Set([...ours.keys(), ...theirs.keys()])].sort((a, b) => a - b);
  const out: Difference[] = [];
  for (const frame of frames) {
    const a = ours.get(frame) ?? {};
    const b = theirs.get(frame)?.fields ?? {};
    for (const field of FIELDS) {
      if (a[field] !== b[field]) out.push({ frame, field, ours: a[field], tshark: b[field] });
    }
  }
  return out;
}
