// Property tests, about 100,000 cases in the default run: random and mutated PDUs, TPDUs and
// streams never throw and never hang, each gives a typed result or a CodecError of the table;
// generated messages survive encode/decode; any decoded PDU re-encodes to a fixed point.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decoded } from '../../../src/protocols/errors.js';
import { CodecError } from '../../../src/protocols/errors.js';
import type {
  DataItem,
  S7AnyItem,
  S7PduInit,
  SzlRecord,
} from '../../../src/protocols/s7comm/index.js';
import {
  S7COMM_ERRORS,
  componentRecord,
  createS7commParser,
  dataItem as makeDataItem,
  errorDataItem,
  decodeCotp,
  decodeS7Pdu,
  decodeTpkt,
  encodeS7Frame,
  encodeS7Pdu,
  summarizeS7Pdu,
} from '../../../src/protocols/s7comm/index.js';
import { s7Of } from './helpers.js';
import { VECTORS } from './vectors.js';

const CODES = new Set(Object.keys(S7COMM_ERRORS));

function typed<T>(result: Decoded<T>): void {
  // Plain checks, not expect(): they run a hundred thousand times.
  if (!result.ok && !(result.error instanceof CodecError && CODES.has(result.error.code))) {
    throw new Error(`not a coded error: ${String(result.error)}`);
  }
}

/** Decode, and when it succeeds: summarise, re-encode, and check the re-encoding is a fixed point. */
function decodeStable(bytes: Uint8Array): void {
  const first = decodeS7Pdu(bytes);
  typed(first);
  if (!first.ok) return;
  summarizeS7Pdu(first.value);
  const once = encodeS7Pdu(first.value);
  const second = decodeS7Pdu(once);
  if (!second.ok) throw new Error(`re-encoded PDU refused: ${second.error.message}`);
  if (!Buffer.from(encodeS7Pdu(second.value)).equals(Buffer.from(once))) {
    throw new Error('re-encoding is not a fixed point');
  }
}

const SAMPLES = VECTORS.map((v) => s7Of(v.frame));
const FUNCTIONS = [0x00, 0x04, 0x05, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x28, 0x29, 0xf0];

/** A PDU with a plausible header whose parts are random: reaches every function decoder. */
const plausiblePdu = fc
  .record({
    rosctr: fc.constantFrom(1, 2, 3, 7),
    errorClass: fc.constantFrom(0, 0x81, 0x85, 0xd2),
    fn: fc.constantFrom(...FUNCTIONS),
    userdataHead: fc.boolean(),
    parameter: fc.uint8Array({ maxLength: 40 }),
    data: fc.uint8Array({ maxLength: 60 }),
  })
  .map(({ rosctr, errorClass, fn, userdataHead, parameter, data }) => {
    const p =
      rosctr === 7 && userdataHead
        ? Uint8Array.from([0x00, 0x01, 0x12, 0x08, 0x12, ...parameter.subarray(0, 7)])
        : Uint8Array.from([fn, ...parameter]);
    const head = rosctr === 2 || rosctr === 3 ? 12 : 10;
    const out = new Uint8Array(head + p.length + data.length);
    out.set([
      0x32,
      rosctr,
      0,
      0,
      0,
      1,
      p.length >> 8,
      p.length & 0xff,
      data.length >> 8,
      data.length & 0xff,
    ]);
    if (head === 12) out.set([errorClass, 0], 10);
    out.set(p, head);
    out.set(data, head + p.length);
    return out;
  });

/** A valid PDU with one mutation: bit flips, a cut, a lying length field, inserted or removed bytes. */
const mutatedPdu = fc
  .record({
    sample: fc.constantFrom(...SAMPLES),
    kind: fc.constantFrom('flip', 'cut', 'lie', 'insert', 'remove'),
    at: fc.nat(),
    bits: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    value: fc.integer({ min: 0, max: 0xffff }),
  })
  .map(({ sample, kind, at, bits, value }) => {
    const b = Uint8Array.from(sample);
    const i = at % b.length;
    switch (kind) {
      case 'flip':
        for (const bit of bits) b[(i + bit) % b.length]! ^= 1 << (bit % 8);
        return b;
      case 'cut':
        return b.subarray(0, i);
      case 'lie': {
        // Parameter or data length field.
        const field = value & 1 ? 6 : 8;
        b[field] = value >> 8;
        b[field + 1] = value & 0xff;
        return b;
      }
      case 'insert':
        return Uint8Array.from([...b.subarray(0, i), value & 0xff, ...b.subarray(i)]);
      case 'remove':
        return Uint8Array.from([...b.subarray(0, i), ...b.subarray(i + 1)]);
    }
    return b;
  });

const s7AnyItem: fc.Arbitrary<S7AnyItem> = fc.record({
  syntax: fc.constant('S7ANY' as const),
  transportSize: fc.constantFrom(1, 2, 3, 4, 5, 6, 7, 8, 28, 29),
  length: fc.integer({ min: 0, max: 0xffff }),
  dbNumber: fc.integer({ min: 0, max: 0xffff }),
  area: fc.constantFrom(
    0x03,
    0x05,
    0x06,
    0x07,
    0x1c,
    0x1d,
    0x80,
    0x81,
    0x82,
    0x83,
    0x84,
    0x85,
    0x86,
    0x87,
  ),
  address: fc.integer({ min: 0, max: 0xffffff }),
});

/** Data items whose length field agrees with their bytes, built by the library's dataItem(). */
const dataItem: fc.Arbitrary<DataItem> = fc
  .record({
    returnCode: fc.constantFrom(0x00, 0xff, 0xff, 0x0a, 0x05),
    transportSize: fc.constantFrom(0x03, 0x04, 0x05, 0x07, 0x09),
    data: fc.uint8Array({ maxLength: 24 }),
  })
  .map(({ returnCode, transportSize, data }) =>
    returnCode === 0x00 || returnCode === 0xff
      ? makeDataItem(data, transportSize, returnCode)
      : errorDataItem(returnCode),
  );

const szlRecords: fc.Arbitrary<{ id: number; records: SzlRecord[] }> = fc.oneof(
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 11 }), fc.string({ maxLength: 32 })), {
      maxLength: 8,
    })
    .map((list) => ({
      id: 0x001c,
      records: list.map(([index, text]) =>
        componentRecord(index, text.replace(/[^\x20-\x7e]/g, '')),
      ),
    })),
  fc.array(fc.uint8Array({ minLength: 6, maxLength: 6 }), { maxLength: 10 }).map((list) => ({
    id: 0x0a0b,
    records: list.map((bytes) => ({ kind: 'raw' as const, bytes })),
  })),
);

/** Messages an encoder may be given, as a client or a server builds them. */
const message: fc.Arbitrary<S7PduInit> = fc.oneof(
  fc.array(s7AnyItem, { maxLength: 10 }).map((items) => ({
    header: { rosctr: 1, pduReference: 1 },
    message: { kind: 'read_var_request' as const, items },
  })),
  fc.array(dataItem, { maxLength: 10 }).map((items) => ({
    header: { rosctr: 3, pduReference: 2, errorClass: 0, errorCode: 0 },
    message: { kind: 'read_var_response' as const, itemCount: items.length, items },
  })),
  fc.array(fc.tuple(s7AnyItem, dataItem), { maxLength: 10 }).map((pairs) => ({
    header: { rosctr: 1, pduReference: 3 },
    message: {
      kind: 'write_var_request' as const,
      items: pairs.map(([item]) => item),
      data: pairs.map(([, d]) => ({ ...d, returnCode: 0 })),
    },
  })),
  fc.array(fc.constantFrom(0xff, 0x0a, 0x05, 0x03), { maxLength: 20 }).map((returnCodes) => ({
    header: { rosctr: 3, pduReference: 4, errorClass: 0, errorCode: 0 },
    message: { kind: 'write_var_response' as const, itemCount: returnCodes.length, returnCodes },
  })),
  fc
    .record({
      calling: fc.integer({ min: 0, max: 0xffff }),
      called: fc.integer({ min: 0, max: 0xffff }),
      pdu: fc.integer({ min: 0, max: 0xffff }),
    })
    .map(({ calling, called, pdu }) => ({
      header: { rosctr: 1, pduReference: 5 },
      message: {
        kind: 'setup_communication' as const,
        reserved: 0,
        maxAmqCalling: calling,
        maxAmqCalled: called,
        pduLength: pdu,
      },
    })),
  szlRecords.map(({ id, records }) => ({
    header: { rosctr: 7, pduReference: 6 },
    message: {
      kind: 'userdata' as const,
      parameter: {
        method: 0x12,
        type: 8,
        group: 4,
        subfunction: 1,
        sequenceNumber: 0,
        dataUnitReference: 0,
        lastDataUnit: 0,
        errorCode: 0,
      },
      returnCode: 0xff,
      transportSize: 0x09,
      body: {
        kind: 'szl_response' as const,
        szlId: id,
        szlIndex: 0,
        recordLength: id === 0x001c ? 34 : 6,
        recordCount: records.length,
        records,
        trailing: new Uint8Array(0),
      },
    },
  })),
);

describe('S7comm properties', () => {
  it('random PDUs with plausible headers never throw (40,000 cases)', () => {
    fc.assert(fc.property(plausiblePdu, decodeStable), { numRuns: 40_000 });
  });

  it('mutated valid PDUs never throw: flips, cuts, length lies (30,000 cases)', () => {
    fc.assert(fc.property(mutatedPdu, decodeStable), { numRuns: 30_000 });
  });

  it('arbitrary bytes never throw in TPKT, COTP and S7 decoders (10,000 cases)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        typed(decodeTpkt(bytes));
        typed(decodeCotp(bytes));
        decodeStable(bytes);
      }),
      { numRuns: 10_000 },
    );
  });

  it('generated messages survive encode and decode (10,000 cases)', () => {
    let run = 0;
    fc.assert(
      fc.property(message, (pdu) => {
        const bytes = encodeS7Pdu(pdu);
        const decoded = decodeS7Pdu(bytes);
        if (!decoded.ok) throw decoded.error;
        if (!Buffer.from(encodeS7Pdu(decoded.value)).equals(Buffer.from(bytes))) {
          throw new Error('decoded message encodes to other bytes');
        }
        // A structural comparison too, on a sample: it costs more than the codec itself.
        if (run++ % 16 === 0) expect(decoded.value).toMatchObject(pdu);
      }),
      { numRuns: 10_000 },
    );
  });

  it('streams of frames and garbage, sliced anywhere, never throw and keep the buffer bounded (10,000 cases)', () => {
    const chunk = fc.oneof(
      fc.constantFrom(...VECTORS.map((v) => v.frame)),
      message.map((pdu) => encodeS7Frame(pdu)),
      fc.uint8Array({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(
        fc.array(chunk, { maxLength: 6 }),
        fc.integer({ min: 1, max: 64 }),
        (chunks, step) => {
          const stream = Buffer.concat(chunks);
          let events = 0;
          const parser = createS7commParser(
            (m) => {
              events++;
              if (m.kind === 's7') summarizeS7Pdu(m.pdu);
            },
            (e) => {
              events++;
              if (!CODES.has(e.code)) throw new Error(`uncoded error ${e.code}`);
            },
          );
          for (let i = 0; i < stream.length; i += step)
            parser.push(new Uint8Array(stream.subarray(i, i + step)));
          parser.end();
          if (events > stream.length * 2 + 2)
            throw new Error(`${events} events from ${stream.length} bytes`);
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
