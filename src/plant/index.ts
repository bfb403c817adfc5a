// The door of src/plant: physics, the PLC runtime and the HMI simulator's logic. Pure and
// tick-driven: time comes from an injected clock and PLCs are reached through injected clients,
// never a socket.
export * from './plc/memory.js';
export type * from './plc/device.js';
export * from './hmi/hmi.js';
