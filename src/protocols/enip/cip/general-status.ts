// Names of CIP general status codes (CIP Vol 1, Appendix B, Table B-1.1).

export const CIP_GENERAL_STATUS = {
  0x00: 'success',
  0x01: 'connection_failure',
  0x02: 'resource_unavailable',
  0x03: 'invalid_parameter_value',
  0x04: 'path_segment_error',
  0x05: 'path_destination_unknown',
  0x06: 'partial_transfer',
  0x07: 'connection_lost',
  0x08: 'service_not_supported',
  0x09: 'invalid_attribute_value',
  0x0a: 'attribute_list_error',
  0x0b: 'already_in_requested_mode',
  0x0c: 'object_state_conflict',
  0x0d: 'object_already_exists',
  0x0e: 'attribute_not_settable',
  0x0f: 'privilege_violation',
  0x10: 'device_state_conflict',
  0x11: 'reply_data_too_large',
  0x12: 'fragmentation_of_a_primitive_value',
  0x13: 'not_enough_data',
  0x14: 'attribute_not_supported',
  0x15: 'too_much_data',
  0x16: 'object_does_not_exist',
  0x17: 'service_fragmentation_sequence_not_in_progress',
  0x18: 'no_stored_attribute_data',
  0x19: 'store_operation_failure',
  0x1a: 'routing_failure_request_too_large',
  0x1b: 'routing_failure_response_too_large',
  0x1c: 'missing_attribute_list_entry_data',
  0x1d: 'invalid_attribute_value_list',
  0x1e: 'embedded_service_error',
  0x1f: 'vendor_specific_error',
  0x20: 'invalid_parameter',
  0x21: 'write_once_value_or_medium_already_written',
  0x22: 'invalid_reply_received',
  0x23: 'buffer_overflow',
  0x24: 'message_format_error',
  0x25: 'key_failure_in_path',
  0x26: 'path_size_invalid',
  0x27: 'unexpected_attribute_in_list',
  0x28: 'invalid_member_id',
  0x29: 'member_not_settable',
  0x2a: 'group_2_only_server_general_failure',
  0x2b: 'unknown_modbus_error',
  0x2c: 'attribute_not_gettable',
} as const;

export type CipGeneralStatusName = (typeof CIP_GENERAL_STATUS)[keyof typeof CIP_GENERAL_STATUS];

const NAMES: Readonly<Record<number, CipGeneralStatusName>> = CIP_GENERAL_STATUS;

/** Name of a general status: 'success', 'path_destination_unknown', ..., or 'unknown-N'. */
export function cipGeneralStatusName(status: number): CipGeneralStatusName | `unknown-${number}` {
  return NAMES[status] ?? `unknown-${status}`;
}
