// The PLC memory image: the process image of inputs and outputs plus marker memory, addressed the
// IEC 61131-3 way (%IX0.3, %QW2, %MW10, %MD4) with OpenPLC's areas and sizes. Logic reads and
// writes it during a scan; the network servers (src/net) see it through the Modbus map below and
// the S7 view (areas I, Q, M and data blocks), so that one value means the same thing whichever
// protocol reads it.
//
// OpenPLC's Modbus map, which this follows:
//   coils              0–8191     %QX (bit n is %QX(n/8).(n%8))
//   discrete inputs    0–8191     %IX
//   input registers    0–1023     %IW
//   holding registers  0–1023     %QW
//   holding registers  1024–2047  %MW
//   holding registers  2048–4095  %MD, two registers per double word, high word first
//
// The S7 view (an S7-1200 whose MB_SERVER points its holding registers at DB1):
//   area I (0x81)  the %IX bits packed eight to a byte, I0.0 = discrete input 0
//   area Q (0x82)  the %QX bits packed eight to a byte
//   area M (0x83)  %MW as big-endian bytes: MW0 occupies MB0 and MB1
//   DB1   (0x84)   the 4096 holding registers as big-endian bytes (DBW0 = holding register 0)
//   DB2   (0x84)   the 1024 input registers as big-endian bytes
// Any other data block does not exist (the server answers "object does not exist").

/** Sizes of each area, as OpenPLC declares them. */
export const MEMORY_SIZES = {
  bits: 8192,
  words: 1024,
  dwords: 1024,
} as const;

export type ModbusTable = 'coils' | 'discrete_inputs' | 'input_registers' | 'holding_registers';

/** Holding registers cover %QW, %MW and %MD: 1024 + 1024 + 2 × 1024. */
export const HOLDING_REGISTER_COUNT = 4096;

export type IecArea = 'I' | 'Q' | 'M';
export type IecSize = 'X' | 'W' | 'D';

/** A parsed IEC direct address such as %QX0.3 or %MD4. */
export interface IecAddress {
  readonly area: IecArea;
  readonly size: IecSize;
  /** Byte index for X (the 0 of %QX0.3), word or double-word index for W and D. */
  readonly index: number;
  /** Bit 0–7 for X, else 0. */
  readonly bit: number;
  /** The address as written, normalised: "%QX0.3". */
  readonly text: string;
}

/** Who changed memory: the program's scan, or a client over the network. */
export type WriteOrigin = 'logic' | 'network' | 'io';

/** One change of memory made outside the scan, for the PLC's own log and the HMI's checks. */
export interface MemoryWrite {
  readonly origin: WriteOrigin;
  readonly table: ModbusTable | 'I' | 'Q' | 'M' | 'DB';
  readonly start: number;
  readonly count: number;
}

const IEC_PATTERN = /^%([IQM])([XWD])(\d+)(?:\.([0-7]))?$/;

/**
 * Parses "%IX0.3", "%QW2", "%MW10", "%MD4" (case-insensitive). Returns undefined for anything
 * else, including a bit address without its bit, an index past the area, or %IW/%MX forms that
 * OpenPLC does not have (%MX, %ID, %QD).
 */
export function parseIecAddress(text: string): IecAddress | undefined {
  const match = IEC_PATTERN.exec(text.trim().toUpperCase());
  if (match === null) return undefined;
  const area = match[1] as IecArea;
  const size = match[2] as IecSize;
  const index = Number(match[3]);
  const bitText = match[4];
  if (size === 'X') {
    if (area === 'M' || bitText === undefined) return undefined;
    if (index >= MEMORY_SIZES.bits / 8) return undefined;
    const bit = Number(bitText);
    return { area, size, index, bit, text: `%${area}X${String(index)}.${String(bit)}` };
  }
  if (bitText !== undefined) return undefined;
  if (size === 'D' && area !== 'M') return undefined;
  if (index >= (size === 'W' ? MEMORY_SIZES.words : MEMORY_SIZES.dwords)) return undefined;
  return { area, size, index, bit: 0, text: `%${area}${size}${String(index)}` };
}

export class MemoryImage {
  /** %IX, one byte per bit (0 or 1): fast to index, and a Modbus read is a plain copy. */
  readonly inputBits = new Uint8Array(MEMORY_SIZES.bits);
  /** %QX. */
  readonly outputBits = new Uint8Array(MEMORY_SIZES.bits);
  /** %IW. */
  readonly inputWords = new Uint16Array(MEMORY_SIZES.words);
  /** %QW. */
  readonly outputWords = new Uint16Array(MEMORY_SIZES.words);
  /** %MW. */
  readonly memoryWords = new Uint16Array(MEMORY_SIZES.words);
  /** %MD. */
  readonly memoryDwords = new Uint32Array(MEMORY_SIZES.dwords);

  private readonly listeners: ((write: MemoryWrite) => void)[] = [];

  /** Called after every write that did not come from the scan (network or I/O). */
  onWrite(listener: (write: MemoryWrite) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  private notify(write: MemoryWrite): void {
    for (const listener of this.listeners) listener(write);
  }

  // --- IEC addressing, for logic, I/O binding and people -------------------------------------

  /** Reads an IEC address: 0/1 for bits, the unsigned word or double word otherwise. */
  read(address: IecAddress): number {
    switch (address.size) {
      case 'X': {
        const bits = address.area === 'I' ? this.inputBits : this.outputBits;
        return bits[address.index * 8 + address.bit] ?? 0;
      }
      case 'W':
        return this.wordsOf(address.area)[address.index] ?? 0;
      case 'D':
        return this.memoryDwords[address.index] ?? 0;
    }
  }

  /**
   * Writes an IEC address. Bits take any truthy number as 1; words and double words wrap like the
   * PLC's own UINT and UDINT (a negative INT is stored as its two's complement).
   */
  write(address: IecAddress, value: number, origin: WriteOrigin = 'logic'): void {
    switch (address.size) {
      case 'X': {
        const bits = address.area === 'I' ? this.inputBits : this.outputBits;
        bits[address.index * 8 + address.bit] = value !== 0 ? 1 : 0;
        break;
      }
      case 'W':
        this.wordsOf(address.area)[address.index] = value;
        break;
      case 'D':
        this.memoryDwords[address.index] = value;
        break;
    }
    if (origin !== 'logic') {
      const table = address.area;
      this.notify({ origin, table, start: address.index, count: 1 });
    }
  }

  private wordsOf(area: IecArea): Uint16Array {
    return area === 'I' ? this.inputWords : area === 'Q' ? this.outputWords : this.memoryWords;
  }

  // --- The Modbus map ------------------------------------------------------------------------

  /** Whether start..start+count-1 lies inside the table (else the reply is exception 02). */
  static inModbusRange(table: ModbusTable, start: number, count: number): boolean {
    const size =
      table === 'holding_registers'
        ? HOLDING_REGISTER_COUNT
        : table === 'input_registers'
          ? MEMORY_SIZES.words
          : MEMORY_SIZES.bits;
    return start >= 0 && count >= 0 && start + count <= size;
  }

  /** Copies coils or discrete inputs into `into` (0/1 per bit). The caller checked the range. */
  readBits(table: 'coils' | 'discrete_inputs', start: number, count: number): Uint8Array {
    const bits = table === 'coils' ? this.outputBits : this.inputBits;
    return bits.subarray(start, start + count);
  }

  /** Writes coils from 0/1 values (a Modbus client may only write coils). */
  writeCoils(
    start: number,
    values: ArrayLike<number | boolean>,
    origin: WriteOrigin = 'network',
  ): void {
    for (let i = 0; i < values.length; i++) this.outputBits[start + i] = values[i] ? 1 : 0;
    this.notify({ origin, table: 'coils', start, count: values.length });
  }

  /** Reads input or holding registers as unsigned 16-bit words. The caller checked the range. */
  readRegisters(
    table: 'input_registers' | 'holding_registers',
    start: number,
    count: number,
  ): Uint16Array {
    if (table === 'input_registers') return this.inputWords.subarray(start, start + count);
    const out = new Uint16Array(count);
    for (let i = 0; i < count; i++) out[i] = this.holdingRegister(start + i);
    return out;
  }

  /** One holding register through OpenPLC's map. */
  holdingRegister(register: number): number {
    if (register < 1024) return this.outputWords[register] ?? 0;
    if (register < 2048) return this.memoryWords[register - 1024] ?? 0;
    const dword = this.memoryDwords[(register - 2048) >> 1] ?? 0;
    return (register & 1) === 0 ? dword >>> 16 : dword & 0xffff;
  }

  /** Writes holding registers through OpenPLC's map. The caller checked the range. */
  writeHoldingRegisters(
    start: number,
    values: ArrayLike<number>,
    origin: WriteOrigin = 'network',
  ): void {
    for (let i = 0; i < values.length; i++) this.setHoldingRegister(start + i, values[i] ?? 0);
    this.notify({ origin, table: 'holding_registers', start, count: values.length });
  }

  private setHoldingRegister(register: number, value: number): void {
    const word = value & 0xffff;
    if (register < 1024) {
      this.outputWords[register] = word;
    } else if (register < 2048) {
      this.memoryWords[register - 1024] = word;
    } else {
      const index = (register - 2048) >> 1;
      const dword = this.memoryDwords[index] ?? 0;
      this.memoryDwords[index] =
        (register & 1) === 0
          ? ((word << 16) | (dword & 0xffff)) >>> 0
          : ((dword & 0xffff0000) | word) >>> 0;
    }
  }

  // --- The S7 view ---------------------------------------------------------------------------

  /** Bytes in each S7 area of this image: what an S7 read past the end is checked against. */
  static s7AreaSize(area: 'I' | 'Q' | 'M' | 'DB', db = 0): number {
    switch (area) {
      case 'I':
      case 'Q':
        return MEMORY_SIZES.bits / 8;
      case 'M':
        return MEMORY_SIZES.words * 2;
      case 'DB':
        return db === 1 ? HOLDING_REGISTER_COUNT * 2 : db === 2 ? MEMORY_SIZES.words * 2 : 0;
    }
  }

  /** Reads `length` bytes of an S7 area from byte `start`. The caller checked the range. */
  readS7(area: 'I' | 'Q' | 'M' | 'DB', db: number, start: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.s7Byte(area, db, start + i);
    return out;
  }

  private s7Byte(area: 'I' | 'Q' | 'M' | 'DB', db: number, offset: number): number {
    if (area === 'I' || area === 'Q') {
      const bits = area === 'I' ? this.inputBits : this.outputBits;
      let byte = 0;
      for (let bit = 0; bit < 8; bit++) byte |= (bits[offset * 8 + bit] ?? 0) << bit;
      return byte;
    }
    const word =
      area === 'M'
        ? (this.memoryWords[offset >> 1] ?? 0)
        : db === 1
          ? this.holdingRegister(offset >> 1)
          : (this.inputWords[offset >> 1] ?? 0);
    return (offset & 1) === 0 ? word >> 8 : word & 0xff;
  }

  /** Writes bytes into an S7 area from byte `start`. The caller checked the range. */
  writeS7(
    area: 'I' | 'Q' | 'M' | 'DB',
    db: number,
    start: number,
    bytes: Uint8Array,
    origin: WriteOrigin = 'network',
  ): void {
    for (let i = 0; i < bytes.length; i++) this.setS7Byte(area, db, start + i, bytes[i] ?? 0);
    this.notify({ origin, table: area, start, count: bytes.length });
  }

  /** Writes one bit of an S7 area (transport size BIT). */
  writeS7Bit(
    area: 'I' | 'Q' | 'M' | 'DB',
    db: number,
    byte: number,
    bit: number,
    on: boolean,
  ): void {
    const current = this.s7Byte(area, db, byte);
    const next = on ? current | (1 << bit) : current & ~(1 << bit);
    this.writeS7(area, db, byte, Uint8Array.of(next));
  }

  private setS7Byte(area: 'I' | 'Q' | 'M' | 'DB', db: number, offset: number, value: number): void {
    if (area === 'I' || area === 'Q') {
      const bits = area === 'I' ? this.inputBits : this.outputBits;
      for (let bit = 0; bit < 8; bit++) bits[offset * 8 + bit] = (value >> bit) & 1;
      return;
    }
    const index = offset >> 1;
    const high = (offset & 1) === 0;
    if (area === 'M' || db === 2) {
      const words = area === 'M' ? this.memoryWords : this.inputWords;
      const word = words[index] ?? 0;
      words[index] = high ? (value << 8) | (word & 0xff) : (word & 0xff00) | value;
      return;
    }
    const word = this.holdingRegister(index);
    this.setHoldingRegister(index, high ? (value << 8) | (word & 0xff) : (word & 0xff00) | value);
  }
}
