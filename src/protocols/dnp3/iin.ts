// Internal indications: the two octets every response carries after its function code, each bit
// a named condition of the outstation (IEEE 1815-2012, 4.2.2.6).

/** Bit names, IIN1.0 first, then IIN2.0 onward; index = 8 × octet + bit. */
export const DNP3_IIN_BITS = [
  'broadcast', // IIN1.0 all stations: a broadcast message was received
  'class_1_events', // IIN1.1
  'class_2_events', // IIN1.2
  'class_3_events', // IIN1.3
  'need_time', // IIN1.4 time synchronisation required
  'local_control', // IIN1.5 some output points are in local mode
  'device_trouble', // IIN1.6
  'device_restart', // IIN1.7
  'no_func_code_support', // IIN2.0 function code not implemented
  'object_unknown', // IIN2.1
  'parameter_error', // IIN2.2
  'event_buffer_overflow', // IIN2.3
  'already_executing', // IIN2.4
  'config_corrupt', // IIN2.5
  'reserved_2', // IIN2.6 (must be 0)
  'reserved_1', // IIN2.7 (must be 0)
] as const;

export type Dnp3IinBit = (typeof DNP3_IIN_BITS)[number];
export type Dnp3Iin = Readonly<Record<Dnp3IinBit, boolean>>;

/** Name every bit of IIN1 and IIN2. */
export function decodeDnp3Iin(iin1: number, iin2: number): Dnp3Iin {
  // One literal in table order: it is built for every response.
  return {
    broadcast: (iin1 & 0x01) !== 0,
    class_1_events: (iin1 & 0x02) !== 0,
    class_2_events: (iin1 & 0x04) !== 0,
    class_3_events: (iin1 & 0x08) !== 0,
    need_time: (iin1 & 0x10) !== 0,
    local_control: (iin1 & 0x20) !== 0,
    device_trouble: (iin1 & 0x40) !== 0,
    device_restart: (iin1 & 0x80) !== 0,
    no_func_code_support: (iin2 & 0x01) !== 0,
    object_unknown: (iin2 & 0x02) !== 0,
    parameter_error: (iin2 & 0x04) !== 0,
    event_buffer_overflow: (iin2 & 0x08) !== 0,
    already_executing: (iin2 & 0x10) !== 0,
    config_corrupt: (iin2 & 0x20) !== 0,
    reserved_2: (iin2 & 0x40) !== 0,
    reserved_1: (iin2 & 0x80) !== 0,
  };
}

/** IIN1 and IIN2 octets from named bits; bits not given are clear. */
export function encodeDnp3Iin(bits: Partial<Dnp3Iin>): [iin1: number, iin2: number] {
  let iin1 = 0;
  let iin2 = 0;
  for (let bit = 0; bit < 16; bit++) {
    const name = DNP3_IIN_BITS[bit];
    if (name === undefined || bits[name] !== true) continue;
    if (bit < 8) iin1 |= 1 << bit;
    else iin2 |= 1 << (bit - 8);
  }
  return [iin1, iin2];
}
