// Names of the encapsulation commands (CIP Vol 2, 2-3.2, Table 2-3.2).

export const ENIP_COMMANDS = {
  0x0000: 'nop',
  0x0004: 'list_services',
  0x0063: 'list_identity',
  0x0064: 'list_interfaces',
  0x0065: 'register_session',
  0x0066: 'unregister_session',
  0x006f: 'send_rr_data',
  0x0070: 'send_unit_data',
  0x0072: 'indicate_status',
  0x0073: 'cancel',
} as const;

export type EnipCommandName = (typeof ENIP_COMMANDS)[keyof typeof ENIP_COMMANDS];

/** Command codes by name, for encoders. */
export const ENIP_COMMAND = {
  nop: 0x0000,
  list_services: 0x0004,
  list_identity: 0x0063,
  list_interfaces: 0x0064,
  register_session: 0x0065,
  unregister_session: 0x0066,
  send_rr_data: 0x006f,
  send_unit_data: 0x0070,
  indicate_status: 0x0072,
  cancel: 0x0073,
} as const satisfies Record<EnipCommandName, number>;

const NAMES: Readonly<Record<number, EnipCommandName>> = ENIP_COMMANDS;

/** Name of an encapsulation command: 'list_identity', ..., or 'unknown-N'. */
export function enipCommandName(command: number): EnipCommandName | `unknown-${number}` {
  return NAMES[command] ?? `unknown-${command}`;
}

/** Names of the encapsulation status codes (CIP Vol 2, 2-3.3, Table 2-3.3). */
export const ENIP_STATUS = {
  0x0000: 'success',
  0x0001: 'invalid_command',
  0x0002: 'insufficient_memory',
  0x0003: 'incorrect_data',
  0x0064: 'invalid_session_handle',
  0x0065: 'invalid_length',
  0x0069: 'unsupported_protocol_revision',
  0x006a: 'encapsulated_cip_service_not_allowed_on_this_port',
} as const;

const STATUS_NAMES: Readonly<Record<number, string>> = ENIP_STATUS;

/** Name of an encapsulation status: 'success', ..., or 'unknown-N'. */
export function enipStatusName(status: number): string {
  return STATUS_NAMES[status] ?? `unknown-${status}`;
}
