// The code tables of Modbus: function codes with their rule categories, exception codes,
// diagnostics sub-functions, MEI types, device identification codes and objects, and UMAS.
// Every lookup answers for every input: a code the table does not know reads 'unknown-N'.

/** A name for a code that no table knows: `unknown-48`. */
export type UnknownName = `unknown-${number}`;

function reverse<const T extends Record<string, number>>(table: T): Map<number, keyof T & string> {
  const map = new Map<number, keyof T & string>();
  for (const [name, code] of Object.entries(table)) map.set(code, name);
  return map;
}

function unknown(code: number): UnknownName {
  return `unknown-${code}`;
}

/**
 * Public function codes (Modbus Application Protocol v1.1b3, 5.1 and 6), named in snake_case as
 * tshark and the specification word them, plus Schneider's UMAS (90), a vendor code that
 * tshark 4.0 names "Unity (Schneider)".
 */
export const FUNCTION_CODES = {
  read_coils: 1,
  read_discrete_inputs: 2,
  read_holding_registers: 3,
  read_input_registers: 4,
  write_single_coil: 5,
  write_single_register: 6,
  read_exception_status: 7,
  diagnostics: 8,
  get_comm_event_counter: 11,
  get_comm_event_log: 12,
  write_multiple_coils: 15,
  write_multiple_registers: 16,
  report_server_id: 17,
  read_file_record: 20,
  write_file_record: 21,
  mask_write_register: 22,
  read_write_multiple_registers: 23,
  read_fifo_queue: 24,
  encapsulated_interface_transport: 43,
  umas: 90,
} as const;

export type KnownFunctionName = keyof typeof FUNCTION_CODES;
/** What `functionName` answers: a known name, `user_defined` (65-72, 100-110), or unknown-N. */
export type FunctionName = KnownFunctionName | 'user_defined' | UnknownName;

/** The category a detection rule can match on instead of listing function codes. */
export type FunctionCategory =
  'read' | 'write' | 'diagnostic' | 'programming' | 'identification' | 'other';

export const FUNCTION_CATEGORIES = {
  read_coils: 'read',
  read_discrete_inputs: 'read',
  read_holding_registers: 'read',
  read_input_registers: 'read',
  write_single_coil: 'write',
  write_single_register: 'write',
  read_exception_status: 'diagnostic',
  diagnostics: 'diagnostic',
  get_comm_event_counter: 'diagnostic',
  get_comm_event_log: 'diagnostic',
  write_multiple_coils: 'write',
  write_multiple_registers: 'write',
  report_server_id: 'identification',
  read_file_record: 'read',
  write_file_record: 'write',
  mask_write_register: 'write',
  // It writes before it reads (v1.1b3, 6.17), so a rule on writes must see it.
  read_write_multiple_registers: 'write',
  read_fifo_queue: 'read',
  // 43/14 (device identification) is by far its most common use; 43/13 is rare.
  encapsulated_interface_transport: 'identification',
  // UMAS carries project upload/download, start/stop and memory writes: engineering traffic.
  umas: 'programming',
} as const satisfies Record<KnownFunctionName, FunctionCategory>;

const FUNCTION_NAMES = reverse(FUNCTION_CODES);

/** User-defined function codes: 65-72 and 100-110 (v1.1b3, 5.1). */
export function isUserDefinedFunction(code: number): boolean {
  return (code >= 65 && code <= 72) || (code >= 100 && code <= 110);
}

/** The name of a function code, e.g. 3 gives 'read_holding_registers', 48 gives 'unknown-48'. */
export function functionName(code: number): FunctionName {
  const known = FUNCTION_NAMES.get(code);
  if (known !== undefined) return known;
  return isUserDefinedFunction(code) ? 'user_defined' : unknown(code);
}

/** The rule category of a function code; user-defined and unknown codes are 'other'. */
export function functionCategory(code: number): FunctionCategory {
  const known = FUNCTION_NAMES.get(code);
  return known === undefined ? 'other' : FUNCTION_CATEGORIES[known];
}

/** Exception codes (v1.1b3, 7). */
export const EXCEPTION_CODES = {
  illegal_function: 1,
  illegal_data_address: 2,
  illegal_data_value: 3,
  server_device_failure: 4,
  acknowledge: 5,
  server_device_busy: 6,
  memory_parity_error: 8,
  gateway_path_unavailable: 10,
  gateway_target_device_failed_to_respond: 11,
} as const;
export type ExceptionName = keyof typeof EXCEPTION_CODES | UnknownName;
const EXCEPTION_NAMES = reverse(EXCEPTION_CODES);

export function exceptionName(code: number): ExceptionName {
  return EXCEPTION_NAMES.get(code) ?? unknown(code);
}

/** Diagnostics (FC 8) sub-function codes (v1.1b3, 6.8.1). */
export const DIAGNOSTICS_SUB_FUNCTIONS = {
  return_query_data: 0x00,
  restart_communications_option: 0x01,
  return_diagnostic_register: 0x02,
  change_ascii_input_delimiter: 0x03,
  force_listen_only_mode: 0x04,
  clear_counters_and_diagnostic_register: 0x0a,
  return_bus_message_count: 0x0b,
  return_bus_communication_error_count: 0x0c,
  return_bus_exception_error_count: 0x0d,
  return_server_message_count: 0x0e,
  return_server_no_response_count: 0x0f,
  return_server_nak_count: 0x10,
  return_server_busy_count: 0x11,
  return_bus_character_overrun_count: 0x12,
  clear_overrun_counter_and_flag: 0x14,
} as const;
export type SubFunctionName = keyof typeof DIAGNOSTICS_SUB_FUNCTIONS | UnknownName;
const SUB_FUNCTION_NAMES = reverse(DIAGNOSTICS_SUB_FUNCTIONS);

export function subFunctionName(code: number): SubFunctionName {
  return SUB_FUNCTION_NAMES.get(code) ?? unknown(code);
}

/** MEI types of the Encapsulated Interface Transport, FC 43 (v1.1b3, 6.19 to 6.21). */
export const MEI_TYPES = {
  canopen_general_reference: 0x0d,
  read_device_identification: 0x0e,
} as const;
export type MeiTypeName = keyof typeof MEI_TYPES | UnknownName;
const MEI_TYPE_NAMES = reverse(MEI_TYPES);

export function meiTypeName(code: number): MeiTypeName {
  return MEI_TYPE_NAMES.get(code) ?? unknown(code);
}

/** Read Device ID codes (v1.1b3, 6.21): stream access 1-3, individual access 4. */
export const READ_DEVICE_ID_CODES = {
  basic: 1,
  regular: 2,
  extended: 3,
  specific: 4,
} as const;
export type ReadDeviceIdCodeName = keyof typeof READ_DEVICE_ID_CODES | UnknownName;
const READ_DEVICE_ID_CODE_NAMES = reverse(READ_DEVICE_ID_CODES);

export function readDeviceIdCodeName(code: number): ReadDeviceIdCodeName {
  return READ_DEVICE_ID_CODE_NAMES.get(code) ?? unknown(code);
}

/** Conformity levels (v1.1b3, 6.21): bit 7 set means individual access is supported too. */
export const CONFORMITY_LEVELS = {
  basic_stream: 0x01,
  regular_stream: 0x02,
  extended_stream: 0x03,
  basic_stream_and_individual: 0x81,
  regular_stream_and_individual: 0x82,
  extended_stream_and_individual: 0x83,
} as const;
export type ConformityLevelName = keyof typeof CONFORMITY_LEVELS | UnknownName;
const CONFORMITY_LEVEL_NAMES = reverse(CONFORMITY_LEVELS);

export function conformityLevelName(code: number): ConformityLevelName {
  return CONFORMITY_LEVEL_NAMES.get(code) ?? unknown(code);
}

/** Device identification objects (v1.1b3, 6.21): 0-2 basic, 3-6 regular; 0x80-0xFF are the
 * device's own (extended), which the table names 'extended-N'. */
export const DEVICE_ID_OBJECTS = {
  vendor_name: 0x00,
  product_code: 0x01,
  major_minor_revision: 0x02,
  vendor_url: 0x03,
  product_name: 0x04,
  model_name: 0x05,
  user_application_name: 0x06,
} as const;
export type DeviceIdObjectName =
  keyof typeof DEVICE_ID_OBJECTS | `extended-${number}` | UnknownName;
const DEVICE_ID_OBJECT_NAMES = reverse(DEVICE_ID_OBJECTS);

export function deviceIdObjectName(id: number): DeviceIdObjectName {
  const known = DEVICE_ID_OBJECT_NAMES.get(id);
  if (known !== undefined) return known;
  return id >= 0x80 && id <= 0xff ? `extended-${id}` : unknown(id);
}

/**
 * UMAS function codes, the byte after the session key in a request to a Schneider Electric
 * Modicon PLC (FC 90). Schneider publishes no specification: these names follow the public
 * reverse-engineering work (Kaspersky ICS CERT, "The secrets of Schneider Electric's UMAS
 * protocol", 2022, and the open-source UMAS Wireshark dissector it cites), cross-checked on
 * the ITI Modicon capture. UMAS words the direction from the PLC's side: an "upload" sends a
 * project from the workstation into the PLC, a "download" reads it back.
 */
export const UMAS_FUNCTIONS = {
  init_comm: 0x01,
  read_id: 0x02,
  read_project_info: 0x03,
  read_plc_info: 0x04,
  read_card_info: 0x06,
  repeat: 0x0a,
  take_plc_reservation: 0x10,
  release_plc_reservation: 0x11,
  keep_alive: 0x12,
  read_memory_block: 0x20,
  read_variables: 0x22,
  write_variables: 0x23,
  read_coils_registers: 0x24,
  write_coils_registers: 0x25,
  initialize_upload: 0x30,
  upload_block: 0x31,
  end_strategy_upload: 0x32,
  initialize_download: 0x33,
  download_block: 0x34,
  end_strategy_download: 0x35,
  read_eth_master_data: 0x39,
  start_plc: 0x40,
  stop_plc: 0x41,
  monitor_plc: 0x50,
  check_plc: 0x58,
  read_io_object: 0x70,
  write_io_object: 0x71,
  get_status_module: 0x73,
} as const;
export type UmasFunctionName = keyof typeof UMAS_FUNCTIONS | UnknownName;
const UMAS_FUNCTION_NAMES = reverse(UMAS_FUNCTIONS);

export function umasFunctionName(code: number): UmasFunctionName {
  return UMAS_FUNCTION_NAMES.get(code) ?? unknown(code);
}

/** The byte a UMAS reply carries where a request has its UMAS function code. */
export const UMAS_STATUSES = {
  success: 0xfe,
  error: 0xfd,
} as const;
export type UmasStatusName = keyof typeof UMAS_STATUSES | UnknownName;
const UMAS_STATUS_NAMES = reverse(UMAS_STATUSES);

export function umasStatusName(code: number): UmasStatusName {
  return UMAS_STATUS_NAMES.get(code) ?? unknown(code);
}
