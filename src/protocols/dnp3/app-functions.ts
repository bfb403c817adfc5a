// Names of the DNP3 application-layer function codes (IEEE 1815-2012, 4.2.2.5, Table 4-1).

export const DNP3_APP_FUNCTIONS = {
  0: 'confirm',
  1: 'read',
  2: 'write',
  3: 'select',
  4: 'operate',
  5: 'direct_operate',
  6: 'direct_operate_no_ack',
  7: 'immediate_freeze',
  8: 'immediate_freeze_no_ack',
  9: 'freeze_and_clear',
  10: 'freeze_and_clear_no_ack',
  11: 'freeze_at_time',
  12: 'freeze_at_time_no_ack',
  13: 'cold_restart',
  14: 'warm_restart',
  15: 'initialize_data',
  16: 'initialize_application',
  17: 'start_application',
  18: 'stop_application',
  19: 'save_configuration',
  20: 'enable_unsolicited',
  21: 'disable_unsolicited',
  22: 'assign_class',
  23: 'delay_measure',
  24: 'record_current_time',
  25: 'open_file',
  26: 'close_file',
  27: 'delete_file',
  28: 'get_file_info',
  29: 'authenticate_file',
  30: 'abort_file',
  31: 'activate_config',
  32: 'authentication_request',
  33: 'authentication_request_no_ack',
  129: 'response',
  130: 'unsolicited_response',
  131: 'authentication_response',
} as const;

export type Dnp3AppFunction = (typeof DNP3_APP_FUNCTIONS)[keyof typeof DNP3_APP_FUNCTIONS];

const NAMES: Readonly<Record<number, Dnp3AppFunction>> = DNP3_APP_FUNCTIONS;

/** Name of an application function code: 'read', 'response', ..., or 'unknown-N'. */
export function dnp3FunctionName(code: number): Dnp3AppFunction | `unknown-${number}` {
  return NAMES[code] ?? `unknown-${code}`;
}

/** Responses (129, 130, 131) carry the two internal indication octets after the function code. */
export function dnp3IsResponse(code: number): boolean {
  return code === 129 || code === 130 || code === 131;
}
