// The MBAP framing layer as a byte stream sees it: any slicing, several frames per segment,
// bad headers (report once, then drop everything until reset) and refused PDUs (report, go on).
import { describe, expect, it } from 'vitest';
import type { CodecError } from '../../../src/protocols/index.js';
import {
  createMbapParser,
  decodeMbapFrame,
  decodeMbapFrames,
  ModbusPduError,
  type Direction,
  type MbapParser,
  type ModbusAdu,
} from '../../../src/protocols/modbus/index.js';
import { hex } from './vector.js';

// Spec 6.3 and 6.12 requests in MBAP frames (transactions 1 and 2, unit 17).
const READ = '0001 0000 0006 11 03 006B 0003';
const WRITE = '0002 0000 000B 11 10 0001 0002 04 000A 0102';
const UMAS = '0003 0000 0006 00 5A 01 40 FF 00';

function collect(direction: Direction = 'request', maxLength?: number) {
  const frames: ModbusAdu[] = [];
  const errors: CodecError[] = [];
  const parser = createMbapParser(
    (adu) => frames.push(adu),
    (error) => errors.push(error),
    maxLength === undefined ? { direction } : { direction, maxLength },
  );
  return { frames, errors, parser };
}

function feed(parser: MbapParser, bytes: Uint8Array, cuts: number[]): void {
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    parser.push(bytes.subarray(from, cut));
    from = cut;
  }
}

describe('slicing', () => {
  const stream = hex(READ + WRITE + UMAS);
  const expected = [
    decodeMbapFrame(hex(READ), 'request'),
    decodeMbapFrame(hex(WRITE), 'request'),
    decodeMbapFrame(hex(UMAS), 'request'),
  ].map((d) => (d.ok ? d.value : undefined));

  it('decodes three frames pushed at once', () => {
    const { frames, errors, parser } = collect();
    parser.push(stream);
    expect(errors).toEqual([]);
    expect(frames).toEqual(expected);
    expect(parser.buffered).toBe(0);
  });

  it('decodes the same at every pair of cut points', () => {
    for (let i = 0; i <= stream.length; i++) {
      for (let j = i; j <= stream.length; j++) {
        const { frames, errors, parser } = collect();
        feed(parser, stream, [i, j]);
        expect(errors).toEqual([]);
        expect(frames).toEqual(expected);
        expect(parser.buffered).toBe(0);
      }
    }
  });

  it('ignores empty pushes', () => {
    const { frames, parser } = collect();
    parser.push(new Uint8Array(0));
    feed(parser, stream, [0, 0, 3, 3, 20]);
    expect(frames).toHaveLength(3);
  });

  it('reports how much of a partial frame it holds', () => {
    const { parser } = collect();
    parser.push(hex(READ).subarray(0, 5));
    expect(parser.buffered).toBe(5);
    parser.push(hex(READ).subarray(5, 9));
    expect(parser.buffered).toBe(9);
  });

  it('decodes whole frames in place and copies a frame assembled from pieces', () => {
    const { frames, parser } = collect();
    const whole = hex(UMAS);
    parser.push(whole);
    const inPlace = frames[0]!.pdu;
    expect(inPlace.kind === 'umas' && inPlace.data.buffer).toBe(whole.buffer);

    const pieces = hex(UMAS);
    parser.push(pieces.subarray(0, 10));
    parser.push(pieces.subarray(10));
    const assembled = frames[1]!.pdu;
    expect(assembled.kind === 'umas' && assembled.data.buffer).not.toBe(pieces.buffer);
    // the next frame reuses the parser's buffer; the assembled frame must not change
    parser.push(hex('0004 0000 0006 00 5A 01 41 AA BB').subarray(0, 12));
    expect(assembled).toEqual(frames[0]!.pdu);
  });
});

describe('bad headers: report once, drop until reset', () => {
  it('refuses protocol identifier 1 and drops what follows', () => {
    const { frames, errors, parser } = collect();
    parser.push(hex(READ));
    parser.push(hex('0005 0001 0006 11 03 0000 0001' + READ));
    parser.push(hex(READ));
    expect(frames).toHaveLength(1);
    expect(errors.map((e) => e.code)).toEqual(['OTS_MODBUS_BAD_PROTOCOL_ID']);
    expect(errors[0]!.offset).toBe(2);
    expect(parser.desynchronised).toBe(true);
    expect(parser.droppedBytes).toBe(24 + 12);
    expect(parser.buffered).toBe(0);

    parser.reset();
    expect(parser.desynchronised).toBe(false);
    expect(parser.droppedBytes).toBe(0);
    parser.push(hex(READ));
    expect(frames).toHaveLength(2);
  });

  for (const [length, accepted] of [
    [0, false],
    [1, false],
    [2, true],
    [254, true],
    [255, false],
    [0xffff, false],
  ] as const) {
    it(`length field ${length} is ${accepted ? 'accepted' : 'refused'}`, () => {
      const { errors, parser } = collect();
      parser.push(hex(`0001 0000 ${length.toString(16).padStart(4, '0')} 11`));
      expect(errors.map((e) => e.code)).toEqual(accepted ? [] : ['OTS_MODBUS_BAD_LENGTH']);
    });
  }

  it('accepts a larger length when configured, as Modicon UMAS traffic needs', () => {
    const { errors, parser } = collect('request', 260);
    parser.push(hex('0001 0000 00ff 00'));
    expect(errors).toEqual([]);
    expect(parser.buffered).toBe(7);
  });

  it("with resynchronise 'next-chunk', starts afresh at the next chunk", () => {
    const frames: ModbusAdu[] = [];
    const errors: CodecError[] = [];
    const parser = createMbapParser(
      (adu) => frames.push(adu),
      (error) => errors.push(error),
      { direction: 'request', resynchronise: 'next-chunk' },
    );
    // A flow picked up in the middle of an ADU: the tail of a write, then whole frames.
    parser.push(hex('0102 0304' + READ));
    expect(parser.desynchronised).toBe(true);
    parser.push(hex(READ + WRITE));
    expect(parser.desynchronised).toBe(false);
    expect(errors.map((e) => e.code)).toEqual(['OTS_MODBUS_BAD_PROTOCOL_ID']);
    expect(frames).toHaveLength(2);
    expect(parser.droppedBytes).toBe(16);
  });

  it('sees a bad header that arrives in two pieces', () => {
    const { errors, parser } = collect();
    parser.push(hex('0001 00'));
    parser.push(hex('07 0006 11 03 0000 0001'));
    expect(errors.map((e) => e.code)).toEqual(['OTS_MODBUS_BAD_PROTOCOL_ID']);
    expect(parser.droppedBytes).toBe(12);
  });

  it('never holds more than one maximal ADU, however the bytes come', () => {
    const { parser } = collect();
    parser.push(hex('0001 0000 00fe 11'));
    let most = 0;
    for (let i = 0; i < 253; i++) {
      parser.push(Uint8Array.of(0x41));
      most = Math.max(most, parser.buffered);
    }
    expect(most).toBeLessThanOrEqual(260);
  });
});

describe('refused PDUs: report and go on', () => {
  it('reports a bad quantity with the transaction and unit, then decodes the next frame', () => {
    const { frames, errors, parser } = collect();
    parser.push(hex('0009 0000 0006 05 03 0000 0000' + READ));
    expect(frames).toHaveLength(1);
    expect(errors).toHaveLength(1);
    const error = errors[0] as ModbusPduError;
    expect(error).toBeInstanceOf(ModbusPduError);
    expect([error.code, error.transactionId, error.unitId, error.exceptionCode]).toEqual([
      'OTS_MODBUS_BAD_QUANTITY',
      9,
      5,
      3,
    ]);
    expect(parser.desynchronised).toBe(false);
  });

  it('decodes exceptions on the response side', () => {
    const { frames, parser } = collect('response');
    parser.push(hex('0001 0000 0003 11 83 02'));
    expect(frames[0]!.pdu).toEqual({
      kind: 'exception',
      pduType: 'exception',
      functionCode: 3,
      exceptionCode: 2,
    });
  });
});

describe('callbacks', () => {
  it('a reset from inside a callback stops the current chunk', () => {
    const frames: ModbusAdu[] = [];
    const parser: MbapParser = createMbapParser(
      (adu) => {
        frames.push(adu);
        parser.reset();
      },
      () => undefined,
      { direction: 'request' },
    );
    parser.push(hex(READ + WRITE + UMAS));
    expect(frames).toHaveLength(1);
    parser.push(hex(WRITE));
    expect(frames).toHaveLength(2);
  });
});

describe('one-shot decoding', () => {
  it('decodeMbapFrame wants exactly one ADU', () => {
    const code = (text: string) => {
      const decoded = decodeMbapFrame(hex(text), 'request');
      return decoded.ok ? 'ok' : decoded.error.code;
    };
    expect(code(READ)).toBe('ok');
    expect(code('')).toBe('OTS_MODBUS_TRUNCATED');
    expect(code('0001 0000 0006 11')).toBe('OTS_MODBUS_TRUNCATED');
    expect(code(READ + '00')).toBe('OTS_MODBUS_TRAILING_BYTES');
    expect(code('0001 0002 0006 11 03 006B 0003')).toBe('OTS_MODBUS_BAD_PROTOCOL_ID');
  });

  it('decodeMbapFrames walks a payload and stops at a cut-off last ADU', () => {
    const frames: ModbusAdu[] = [];
    const errors: CodecError[] = [];
    const bytes = hex(READ + WRITE + UMAS.slice(0, 12));
    const consumed = decodeMbapFrames(
      bytes,
      'request',
      (adu) => frames.push(adu),
      (e) => errors.push(e),
    );
    expect(frames).toHaveLength(2);
    expect(errors.map((e) => e.code)).toEqual(['OTS_MODBUS_TRUNCATED']);
    expect(consumed).toBe(hex(READ + WRITE).length);
  });

  it('decodeMbapFrames goes past a refused PDU but not past a bad header', () => {
    const frames: ModbusAdu[] = [];
    const errors: CodecError[] = [];
    const bytes = hex(
      '0009 0000 0006 05 03 0000 0000' + READ + '0001 0001 0006 11 03 0000 0001' + READ,
    );
    const consumed = decodeMbapFrames(
      bytes,
      'request',
      (adu) => frames.push(adu),
      (e) => errors.push(e),
    );
    expect(frames).toHaveLength(1);
    expect(errors.map((e) => e.code)).toEqual([
      'OTS_MODBUS_BAD_QUANTITY',
      'OTS_MODBUS_BAD_PROTOCOL_ID',
    ]);
    expect(consumed).toBe(24);
  });
});
