// The quantity limits of the Modbus Application Protocol v1.1b3, in one place so that a server,
// a client and a detection rule quote the same numbers as the decoders enforce.
export const MODBUS_LIMITS = {
  /** Read Coils and Read Discrete Inputs: 1 to 2000 (0x7D0) bits (6.1, 6.2). */
  readBits: 2000,
  /** Read Holding and Input Registers: 1 to 125 (0x7D) registers (6.3, 6.4). */
  readRegisters: 125,
  /** Write Multiple Coils: 1 to 1968 (0x7B0) coils (6.11). */
  writeCoils: 1968,
  /** Write Multiple Registers: 1 to 123 (0x7B) registers (6.12). */
  writeRegisters: 123,
  /** Read/Write Multiple registers: 1 to 125 (0x7D) read (6.17). */
  readWriteRead: 125,
  /** Read/Write Multiple registers: 1 to 121 (0x79) written (6.17). */
  readWriteWrite: 121,
  /** Read FIFO Queue: at most 31 queued registers (6.18). */
  fifoCount: 31,
  /** Get Comm Event Log: at most 64 event bytes (6.10). */
  commEvents: 64,
  /** One past the last address: address + quantity may not exceed it. */
  addressSpace: 65536,
  /** Read/Write File Record: records 0 to 9999 (0x270F) in a file (6.14, 6.15). */
  fileRecords: 10000,
} as const;
