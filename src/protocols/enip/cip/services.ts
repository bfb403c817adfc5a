// Names of CIP services. Codes 0x01-0x1C are common to every object (CIP Vol 1, Appendix A,
// Table ); codes 0x4B-0x63 are object-specific, so their name depends on the class.

export const CIP_COMMON_SERVICES = {
  0x01: 'get_attributes_all',
  0x02: 'set_attributes_all',
  0x03: 'get_attribute_list',
  0x04: 'set_attribute_list',
  0x05: 'reset',
  0x06: 'start',
  0x07: 'stop',
  0x08: 'create',
  0x09: 'delete',
  0x0a: 'multiple_service_packet',
  0x0d: 'apply_attributes',
  0x0e: 'get_attribute_single',
  0x10: 'set_attribute_single',
  0x11: 'find_next_object_instance',
  0x14: 'error_response',
  0x15: 'restore',
  0x16: 'save',
  0x17: 'nop',
  0x18: 'get_member',
  0x19: 'set_member',
  0x1a: 'insert_member',
  0x1b: 'remove_member',
  0x1c: 'group_sync',
} as const;

/** Connection Manager, class 0x06 (CIP Vol 1, 3-5.5). */
export const CIP_CONNECTION_MANAGER_SERVICES = {
  0x4e: 'forward_close',
  0x52: 'unconnected_send',
  0x54: 'forward_open',
  0x56: 'get_connection_data',
  0x57: 'search_connection_data',
  0x5a: 'get_connection_owner',
  0x5b: 'large_forward_open',
} as const;

/** Logix controllers' tag services, addressed by symbol or class 0x6B (Rockwell 1756-PM020). */
export const CIP_LOGIX_SERVICES = {
  0x4c: 'read_tag',
  0x4d: 'write_tag',
  0x4e: 'read_modify_write_tag',
  0x52: 'read_tag_fragmented',
  0x53: 'write_tag_fragmented',
  0x55: 'get_instance_attribute_list',
} as const;

/** PCCC object, class 0x67: PLC-5/SLC commands tunnelled in CIP. */
export const CIP_PCCC_SERVICES = { 0x4b: 'execute_pccc' } as const;

/** Names used for object-specific codes when the class is not known (a reply, say). */
export const CIP_DEFAULT_SPECIFIC_SERVICES = {
  0x4b: 'execute_pccc',
  0x4c: 'read_tag',
  0x4d: 'write_tag',
  0x4e: 'forward_close',
  0x52: 'unconnected_send',
  0x53: 'write_tag_fragmented',
  0x54: 'forward_open',
  0x55: 'get_instance_attribute_list',
  0x5b: 'large_forward_open',
} as const;

const COMMON: Readonly<Record<number, string>> = CIP_COMMON_SERVICES;
const BY_CLASS: Readonly<Record<number, Readonly<Record<number, string>>>> = {
  0x06: CIP_CONNECTION_MANAGER_SERVICES,
  0x67: CIP_PCCC_SERVICES,
  0x6b: CIP_LOGIX_SERVICES,
};
const LOGIX: Readonly<Record<number, string>> = CIP_LOGIX_SERVICES;
const DEFAULT: Readonly<Record<number, string>> = CIP_DEFAULT_SPECIFIC_SERVICES;

/**
 * Name of a service code (the reply bit 0x80 is ignored): 'get_attribute_single',
 * 'unconnected_send', 'read_tag', ..., or 'unknown-N' (N without the reply bit). `classId` is the
 * class the request path names; `symbolic` says the path names a Logix tag by symbol, where the
 * object-specific codes are tag services.
 */
export function cipServiceName(service: number, classId?: number, symbolic = false): string {
  const code = service & 0x7f;
  const common = COMMON[code];
  if (common !== undefined) return common;
  const specific = classId === undefined ? undefined : BY_CLASS[classId]?.[code];
  if (specific !== undefined) return specific;
  if (symbolic) {
    const tag = LOGIX[code];
    if (tag !== undefined) return tag;
  }
  return DEFAULT[code] ?? `unknown-${code}`;
}
