// The code tables of S7comm and the lookups that name every code, known or not ('unknown-N').
// Sources: Siemens "System Software for S7-300/400 System and Standard Functions" (SZL chapter)
// for areas, SZL ids and modes; the Wireshark S7comm dissector (packet-s7comm.c, Thomas Wiens)
// for the codes Siemens never published (ROSCTR, functions, userdata groups and subfunctions).

type Table = Readonly<Record<number, string>>;
type Unknown = `unknown-${number}`;
type NameOf<T extends Table> = T[keyof T] | Unknown;

function lookup<T extends Table>(table: T, code: number): NameOf<T> {
  const name = Object.hasOwn(table, code) ? table[code] : undefined;
  return (name ?? `unknown-${String(code)}`) as NameOf<T>;
}

/**
 * A lookup for a table of 8-bit codes, with the 256 answers built once: the decoder names every
 * item it reads, so this runs on the hot path and must not build a string each time.
 */
function byteLookup<T extends Table>(table: T): (code: number) => NameOf<T> {
  const names: NameOf<T>[] = [];
  for (let code = 0; code < 256; code++) names.push(lookup(table, code));
  return (code) => ((code & 0xff) === code ? (names[code] as NameOf<T>) : lookup(table, code));
}

/** ROSCTR, the second header byte: the PDU type. */
export const ROSCTR = {
  1: 'job',
  2: 'ack',
  3: 'ack_data',
  7: 'userdata',
} as const;
export type RosctrName = NameOf<typeof ROSCTR>;
const ROSCTR_NAMES = byteLookup(ROSCTR);
export function rosctrName(code: number): RosctrName {
  return ROSCTR_NAMES(code);
}

/** The first byte of the parameter part of job and ack-data PDUs. */
export const FUNCTION = {
  0x00: 'cpu_services',
  0x01: 'mode_transition',
  0x04: 'read_var',
  0x05: 'write_var',
  0x1a: 'request_download',
  0x1b: 'download_block',
  0x1c: 'download_ended',
  0x1d: 'start_upload',
  0x1e: 'upload',
  0x1f: 'end_upload',
  0x28: 'pi_service',
  0x29: 'plc_stop',
  0xf0: 'setup_communication',
} as const;
export type FunctionName = NameOf<typeof FUNCTION>;
const FUNCTION_NAMES = byteLookup(FUNCTION);
export function functionName(code: number): FunctionName {
  return FUNCTION_NAMES(code);
}

/** Error class, header byte 11 of ack and ack-data PDUs. */
export const ERROR_CLASS = {
  0x00: 'no_error',
  0x81: 'application_relationship',
  0x82: 'object_definition',
  0x83: 'no_resources',
  0x84: 'service_processing',
  0x85: 'supplies',
  0x87: 'access',
} as const;
const ERROR_CLASS_NAMES = byteLookup(ERROR_CLASS);
export function errorClassName(code: number): NameOf<typeof ERROR_CLASS> {
  return ERROR_CLASS_NAMES(code);
}

/** Memory areas of the S7ANY address (byte 8 of the item). */
export const AREA = {
  0x01: 'data_record',
  0x03: 'system_info',
  0x05: 'system_flags',
  0x06: 'analog_inputs',
  0x07: 'analog_outputs',
  0x1c: 'counters',
  0x1d: 'timers',
  0x1e: 'iec_counters',
  0x1f: 'iec_timers',
  0x80: 'peripheral',
  0x81: 'inputs',
  0x82: 'outputs',
  0x83: 'flags',
  0x84: 'db',
  0x85: 'di',
  0x86: 'local',
  0x87: 'v',
} as const;
export type AreaName = NameOf<typeof AREA>;
const AREA_NAMES = byteLookup(AREA);
export function areaName(code: number): AreaName {
  return AREA_NAMES(code);
}

/** Transport size of an S7ANY item: the element type the length counts. */
export const TRANSPORT_SIZE = {
  1: 'BIT',
  2: 'BYTE',
  3: 'CHAR',
  4: 'WORD',
  5: 'INT',
  6: 'DWORD',
  7: 'DINT',
  8: 'REAL',
  9: 'DATE',
  10: 'TOD',
  11: 'TIME',
  12: 'S5TIME',
  15: 'DATE_AND_TIME',
  28: 'COUNTER',
  29: 'TIMER',
  // tshark 4.0 prints these two swapped ("IEC TIMER" for 30); its own #defines agree with us.
  30: 'IEC_COUNTER',
  31: 'IEC_TIMER',
  32: 'HS_COUNTER',
} as const;
export type TransportSizeName = NameOf<typeof TRANSPORT_SIZE>;
const TRANSPORT_SIZE_NAMES = byteLookup(TRANSPORT_SIZE);
export function transportSizeName(code: number): TransportSizeName {
  return TRANSPORT_SIZE_NAMES(code);
}

/** Transport size of a data item: how its length counts (bits for 3, 4 and 5, else bytes). */
export const DATA_TRANSPORT_SIZE = {
  0x00: 'null',
  0x03: 'bit',
  0x04: 'byte_word_dword',
  0x05: 'integer',
  0x06: 'dinteger',
  0x07: 'real',
  0x09: 'octet_string',
  0x11: 'nck_address1',
  0x12: 'nck_address2',
} as const;
const DATA_TRANSPORT_SIZE_NAMES = byteLookup(DATA_TRANSPORT_SIZE);
export function dataTransportSizeName(code: number): NameOf<typeof DATA_TRANSPORT_SIZE> {
  return DATA_TRANSPORT_SIZE_NAMES(code);
}

/** True when a data item's length field counts bits rather than bytes. */
export function lengthInBits(dataTransportSize: number): boolean {
  return dataTransportSize === 0x03 || dataTransportSize === 0x04 || dataTransportSize === 0x05;
}

/** Return code of a data item in read/write responses (and 0x00 in write requests). */
export const RETURN_CODE = {
  0x00: 'reserved',
  0x01: 'hardware_fault',
  0x03: 'access_fault',
  0x05: 'address_out_of_range',
  0x06: 'data_type_not_supported',
  0x07: 'data_type_inconsistent',
  0x0a: 'object_does_not_exist',
  0xff: 'success',
} as const;
const RETURN_CODE_NAMES = byteLookup(RETURN_CODE);
export function returnCodeName(code: number): NameOf<typeof RETURN_CODE> {
  return RETURN_CODE_NAMES(code);
}

/** Syntax id of a variable specification; only S7ANY is decoded field by field. */
export const SYNTAX_ID = {
  0x10: 'S7ANY',
  0x11: 'parameter_short',
  0x12: 'parameter_extended',
  0x13: 'pbc_r_id',
  0x15: 'alarm_lockfree',
  0x16: 'alarm_ind',
  0x19: 'alarm_ack',
  0x1a: 'alarm_queryreq',
  0x1c: 'notify_ind',
  0x82: 'nck',
  0x83: 'nck_metric',
  0x84: 'nck_inch',
  0xa2: 'driveesany',
  0xb0: 'dbread',
  0xb2: '1200sym',
} as const;
const SYNTAX_ID_NAMES = byteLookup(SYNTAX_ID);
export function syntaxIdName(code: number): NameOf<typeof SYNTAX_ID> {
  return SYNTAX_ID_NAMES(code);
}

/** Userdata type, high nibble of parameter byte 5. */
export const USERDATA_TYPE = {
  0x0: 'push',
  0x4: 'request',
  0x8: 'response',
} as const;
const USERDATA_TYPE_NAMES = byteLookup(USERDATA_TYPE);
export function userdataTypeName(code: number): NameOf<typeof USERDATA_TYPE> {
  return USERDATA_TYPE_NAMES(code);
}

/** Userdata function group, low nibble of parameter byte 5. */
export const USERDATA_GROUP = {
  0x0: 'mode_transition',
  0x1: 'programmer_commands',
  0x2: 'cyclic_data',
  0x3: 'block_functions',
  0x4: 'cpu_functions',
  0x5: 'security',
  0x6: 'pbc_bsend',
  0x7: 'time_functions',
} as const;
export type UserdataGroupName = NameOf<typeof USERDATA_GROUP>;
const USERDATA_GROUP_NAMES = byteLookup(USERDATA_GROUP);
export function userdataGroupName(group: number): UserdataGroupName {
  return USERDATA_GROUP_NAMES(group);
}

const PROGRAMMER_SUBFUNCTION = {
  0x01: 'block_status',
  0x02: 'variable_status',
  0x03: 'output_istack',
  0x04: 'output_bstack',
  0x05: 'output_lstack',
  0x06: 'time_measurement',
  0x07: 'force_selection',
  0x08: 'modify_variable',
  0x09: 'force',
  0x0a: 'breakpoint',
  0x0b: 'exit_hold',
  0x0c: 'memory_reset',
  0x0d: 'disable_job',
  0x0e: 'enable_job',
  0x0f: 'delete_job',
  0x10: 'read_job_list',
  0x11: 'read_job',
  0x12: 'replace_job',
  0x13: 'block_status_v2',
  0x16: 'flash_led',
} as const;
const CYCLIC_SUBFUNCTION = {
  0x01: 'cyclic_transfer',
  0x04: 'unsubscribe',
  0x05: 'change_driven_transfer',
  0x07: 'change_driven_transfer_modify',
  0x08: 'rdrec',
} as const;
const BLOCK_SUBFUNCTION = {
  0x01: 'list_blocks',
  0x02: 'list_blocks_of_type',
  0x03: 'block_info',
} as const;
const CPU_SUBFUNCTION = {
  0x01: 'read_szl',
  0x02: 'message_service',
  0x03: 'diagnostic_message',
  0x05: 'alarm8_indication',
  0x06: 'notify_indication',
  0x07: 'alarm8_lock',
  0x08: 'alarm8_unlock',
  0x09: 'scan_indication',
  0x0b: 'alarm_ack',
  0x0c: 'alarm_ack_indication',
  0x0d: 'alarm8_lock_indication',
  0x0e: 'alarm8_unlock_indication',
  0x10: 'ar_send_indication',
  0x11: 'alarmsq_indication',
  0x12: 'alarms_indication',
  0x13: 'alarm_query',
  0x16: 'notify8_indication',
} as const;
const SECURITY_SUBFUNCTION = {
  0x01: 'plc_password',
  0x02: 'clear_password',
} as const;
const TIME_SUBFUNCTION = {
  0x01: 'read_clock',
  0x02: 'set_clock',
  0x03: 'read_clock_following',
  0x04: 'set_clock_2',
} as const;

/** Subfunction tables per userdata function group. */
export const USERDATA_SUBFUNCTION = {
  0x1: PROGRAMMER_SUBFUNCTION,
  0x2: CYCLIC_SUBFUNCTION,
  0x3: BLOCK_SUBFUNCTION,
  0x4: CPU_SUBFUNCTION,
  0x5: SECURITY_SUBFUNCTION,
  0x7: TIME_SUBFUNCTION,
} as const;

type SubfunctionTables = (typeof USERDATA_SUBFUNCTION)[keyof typeof USERDATA_SUBFUNCTION];
export type UserdataSubfunctionName = SubfunctionTables[keyof SubfunctionTables] | Unknown;

export function userdataSubfunctionName(
  group: number,
  subfunction: number,
): UserdataSubfunctionName {
  const table: Table | undefined = Object.hasOwn(USERDATA_SUBFUNCTION, group)
    ? USERDATA_SUBFUNCTION[group as keyof typeof USERDATA_SUBFUNCTION]
    : undefined;
  return lookup(table ?? {}, subfunction) as UserdataSubfunctionName;
}

/** Block types as the two ASCII characters of file names and block lists ('08' is OB). */
export const BLOCK_TYPE = {
  0x3038: 'OB',
  0x3039: 'CMod',
  0x3041: 'DB',
  0x3042: 'SDB',
  0x3043: 'FC',
  0x3044: 'SFC',
  0x3045: 'FB',
  0x3046: 'SFB',
} as const;
export type BlockTypeName = NameOf<typeof BLOCK_TYPE>;
/** Name of a block type given as its two ASCII characters read big-endian ('0A' -> 0x3041 -> DB). */
export function blockTypeName(code: number): BlockTypeName {
  return lookup(BLOCK_TYPE, code);
}

/** Block languages in block lists (and block info). */
export const BLOCK_LANGUAGE = {
  0x00: 'not_defined',
  0x01: 'AWL',
  0x02: 'KOP',
  0x03: 'FUP',
  0x04: 'SCL',
  0x05: 'DB',
  0x06: 'GRAPH',
  0x07: 'SDB',
  0x08: 'CPU-DB',
  0x11: 'SDB_after_reset',
  0x12: 'SDB_routing',
  0x29: 'ENCRYPT',
} as const;
const BLOCK_LANGUAGE_NAMES = byteLookup(BLOCK_LANGUAGE);
export function blockLanguageName(code: number): NameOf<typeof BLOCK_LANGUAGE> {
  return BLOCK_LANGUAGE_NAMES(code);
}

/** PI service names carried by function 0x28 (and 0x29 for P_PROGRAM stop). */
export const PI_SERVICE = {
  _INSE: 'activate_blocks',
  _INS2: 'activate_blocks_2',
  _DELE: 'delete_blocks',
  P_PROGRAM: 'start_program',
  _MODU: 'copy_ram_to_rom',
  _GARB: 'compress_memory',
  _N_LOGIN_: 'nc_login',
  _N_LOGOUT: 'nc_logout',
} as const;
export function piServiceName(service: string): string {
  return Object.hasOwn(PI_SERVICE, service)
    ? PI_SERVICE[service as keyof typeof PI_SERVICE]
    : 'unknown';
}

/** SZL ids this codec decodes record by record; others keep their records as bytes. */
export const SZL_ID = {
  0x0000: 'szl_list',
  0x0011: 'module_identification',
  0x0111: 'module_identification_record',
  0x0f11: 'module_identification_header',
  0x001c: 'component_identification',
  0x011c: 'component_identification_record',
  0x0f1c: 'component_identification_header',
  0x0131: 'communication_capability',
  0x0132: 'communication_status',
  0x0232: 'protection_level',
  0x0424: 'current_mode',
  0x0074: 'led_status',
  0x0174: 'led_status_record',
} as const;
/** Name of an SZL id; an unknown one is 'unknown-0xNNNN', the way the manuals write ids. */
export function szlIdName(id: number): string {
  return Object.hasOwn(SZL_ID, id)
    ? SZL_ID[id as keyof typeof SZL_ID]
    : `unknown-0x${(id & 0xffff).toString(16).padStart(4, '0')}`;
}

/** Operating modes in the bzu-id nibbles of SZL xy24 records (Siemens, SZL-ID W#16#xy24). */
export const OPERATING_MODE = {
  0x1: 'STOP_update',
  0x2: 'STOP_memory_reset',
  0x3: 'STOP_self_initialization',
  0x4: 'STOP_internal',
  0x5: 'STARTUP_complete_restart',
  0x6: 'STARTUP_cold_restart',
  0x7: 'STARTUP_restart',
  0x8: 'RUN',
  0x9: 'RUN_redundant',
  0xa: 'HOLD',
  0xb: 'LINK_UP',
  0xc: 'UPDATE',
  0xd: 'DEFECTIVE',
  0xe: 'ERROR_SEARCH',
  0xf: 'NO_POWER',
} as const;
const OPERATING_MODE_NAMES = byteLookup(OPERATING_MODE);
export function operatingModeName(mode: number): NameOf<typeof OPERATING_MODE> {
  return OPERATING_MODE_NAMES(mode);
}

/** Mode selector positions in SZL xy32 index 4 (bart_sch). */
export const MODE_SWITCH = {
  0: 'undefined',
  1: 'RUN',
  2: 'RUN_P',
  3: 'STOP',
  4: 'MRES',
} as const;
const MODE_SWITCH_NAMES = byteLookup(MODE_SWITCH);
export function modeSwitchName(position: number): NameOf<typeof MODE_SWITCH> {
  return MODE_SWITCH_NAMES(position);
}

/** COTP TPDU codes (ISO 8073, 13.1 table 8), high nibble of the second header byte. */
export const COTP_TPDU = {
  0xe: 'CR',
  0xd: 'CC',
  0x8: 'DR',
  0xc: 'DC',
  0xf: 'DT',
  0x7: 'ER',
} as const;
export type CotpTpduType = (typeof COTP_TPDU)[keyof typeof COTP_TPDU];

/** COTP parameter codes (ISO 8073, 13.3.4) that S7 peers use. */
export const COTP_PARAMETER = {
  0xc0: 'tpdu_size',
  0xc1: 'calling_tsap',
  0xc2: 'called_tsap',
  0xc3: 'checksum',
  0xc4: 'version',
  0xc5: 'protection',
  0xc6: 'additional_options',
  0xc7: 'alternative_classes',
  0xe0: 'additional_information',
} as const;
const COTP_PARAMETER_NAMES = byteLookup(COTP_PARAMETER);
export function cotpParameterName(code: number): NameOf<typeof COTP_PARAMETER> {
  return COTP_PARAMETER_NAMES(code);
}
