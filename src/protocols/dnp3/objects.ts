// The DNP3 object library as far as naming and walking need it: a name for each common group and
// variation and the size of one object (IEEE 1815-2012, clause 11 and Annex A).

/**
 * Size of one object of a group and variation:
 * - a number: fixed octets per object;
 * - 'packed1' / 'packed2': packed bits, 1 or 2 per point, padded to whole octets per header;
 * - 'variation': the variation is the length in octets (groups 110 to 113);
 * - 'attribute': a device attribute, data type and length octets then the value (group 0);
 * - 'none': the object has no data (class data, group 60);
 * - 'variable': the size is only known from an object size prefix (qualifier prefix 4..6).
 */
export type Dnp3ObjectSize =
  number | 'packed1' | 'packed2' | 'variation' | 'attribute' | 'none' | 'variable';

interface GroupInfo {
  readonly name: string;
  /** Variation -> [name, size]. */
  readonly variations: Readonly<Record<number, readonly [string, Dnp3ObjectSize]>>;
  /** For groups whose every variation shares one rule (groups 0, 110 to 113). */
  readonly anyVariation?: Dnp3ObjectSize;
}

const COUNTER_FLAG = {
  1: ['32_bit_with_flag', 5],
  2: ['16_bit_with_flag', 3],
  3: ['32_bit_delta_with_flag', 5],
  4: ['16_bit_delta_with_flag', 3],
} as const;
const EVENT_WITH_TIME = {
  1: ['32_bit_without_time', 5],
  2: ['16_bit_without_time', 3],
  3: ['32_bit_with_time', 11],
  4: ['16_bit_with_time', 9],
  5: ['single_precision_without_time', 5],
  6: ['double_precision_without_time', 9],
  7: ['single_precision_with_time', 11],
  8: ['double_precision_with_time', 15],
} as const;
const COUNTER_EVENT = {
  ...COUNTER_FLAG,
  5: ['32_bit_with_flag_and_time', 11],
  6: ['16_bit_with_flag_and_time', 9],
  7: ['32_bit_delta_with_flag_and_time', 11],
  8: ['16_bit_delta_with_flag_and_time', 9],
} as const;

/** Groups and variations by number (IEEE 1815-2012 Annex A, object library). */
const GROUPS: Readonly<Record<number, GroupInfo>> = {
  0: {
    name: 'device_attributes',
    // The standard attributes most often read (11.9.1, Table 11-4); others read 'attribute_N'.
    variations: {
      209: ['secure_authentication_version', 'attribute'],
      212: ['number_of_master_defined_data_set_prototypes', 'attribute'],
      213: ['number_of_outstation_defined_data_set_prototypes', 'attribute'],
      214: ['number_of_master_defined_data_sets', 'attribute'],
      215: ['number_of_outstation_defined_data_sets', 'attribute'],
      240: ['maximum_transmit_fragment_size', 'attribute'],
      241: ['maximum_receive_fragment_size', 'attribute'],
      242: ['device_manufacturer_software_version', 'attribute'],
      243: ['device_manufacturer_hardware_version', 'attribute'],
      245: ['user_assigned_location_name', 'attribute'],
      246: ['user_assigned_id_code', 'attribute'],
      247: ['user_assigned_device_name', 'attribute'],
      248: ['device_serial_number', 'attribute'],
      249: ['dnp3_subset_and_conformance', 'attribute'],
      250: ['device_manufacturer_product_name_and_model', 'attribute'],
      252: ['device_manufacturer_name', 'attribute'],
      254: ['non_specific_all_attributes', 'none'],
      255: ['list_of_attribute_variations', 'attribute'],
    },
    anyVariation: 'attribute',
  },
  1: {
    name: 'binary_input',
    variations: { 1: ['packed_format', 'packed1'], 2: ['with_flags', 1] },
  },
  2: {
    name: 'binary_input_event',
    variations: {
      1: ['without_time', 1],
      2: ['with_absolute_time', 7],
      3: ['with_relative_time', 3],
    },
  },
  3: {
    name: 'double_bit_binary_input',
    variations: { 1: ['packed_format', 'packed2'], 2: ['with_flags', 1] },
  },
  4: {
    name: 'double_bit_binary_input_event',
    variations: {
      1: ['without_time', 1],
      2: ['with_absolute_time', 7],
      3: ['with_relative_time', 3],
    },
  },
  10: {
    name: 'binary_output',
    variations: { 1: ['packed_format', 'packed1'], 2: ['status_with_flags', 1] },
  },
  11: {
    name: 'binary_output_event',
    variations: { 1: ['status_without_time', 1], 2: ['status_with_time', 7] },
  },
  12: {
    name: 'binary_output_command',
    variations: {
      1: ['control_relay_output_block', 11], // code, count, on time, off time, status (11.9.3)
      2: ['pattern_control_block', 11],
      3: ['pattern_mask', 'packed1'],
    },
  },
  13: {
    name: 'binary_output_command_event',
    variations: { 1: ['command_status_without_time', 1], 2: ['command_status_with_time', 7] },
  },
  20: {
    name: 'counter',
    variations: {
      ...COUNTER_FLAG,
      5: ['32_bit_without_flag', 4],
      6: ['16_bit_without_flag', 2],
      7: ['32_bit_delta_without_flag', 4],
      8: ['16_bit_delta_without_flag', 2],
    },
  },
  21: {
    name: 'frozen_counter',
    variations: {
      ...COUNTER_EVENT,
      9: ['32_bit_without_flag', 4],
      10: ['16_bit_without_flag', 2],
      11: ['32_bit_delta_without_flag', 4],
      12: ['16_bit_delta_without_flag', 2],
    },
  },
  22: { name: 'counter_event', variations: COUNTER_EVENT },
  23: { name: 'frozen_counter_event', variations: COUNTER_EVENT },
  30: {
    name: 'analog_input',
    variations: {
      1: ['32_bit_with_flag', 5],
      2: ['16_bit_with_flag', 3],
      3: ['32_bit_without_flag', 4],
      4: ['16_bit_without_flag', 2],
      5: ['single_precision_with_flag', 5],
      6: ['double_precision_with_flag', 9],
    },
  },
  31: {
    name: 'frozen_analog_input',
    variations: {
      1: ['32_bit_with_flag', 5],
      2: ['16_bit_with_flag', 3],
      3: ['32_bit_with_time_of_freeze', 11],
      4: ['16_bit_with_time_of_freeze', 9],
      5: ['32_bit_without_flag', 4],
      6: ['16_bit_without_flag', 2],
      7: ['single_precision_with_flag', 5],
      8: ['double_precision_with_flag', 9],
    },
  },
  32: { name: 'analog_input_event', variations: EVENT_WITH_TIME },
  33: { name: 'frozen_analog_input_event', variations: EVENT_WITH_TIME },
  34: {
    name: 'analog_input_deadband',
    variations: { 1: ['16_bit', 2], 2: ['32_bit', 4], 3: ['single_precision', 4] },
  },
  40: {
    name: 'analog_output_status',
    variations: {
      1: ['32_bit_with_flag', 5],
      2: ['16_bit_with_flag', 3],
      3: ['single_precision_with_flag', 5],
      4: ['double_precision_with_flag', 9],
    },
  },
  41: {
    // Value then control status octet (11.9.5).
    name: 'analog_output',
    variations: {
      1: ['32_bit', 5],
      2: ['16_bit', 3],
      3: ['single_precision', 5],
      4: ['double_precision', 9],
    },
  },
  42: { name: 'analog_output_event', variations: EVENT_WITH_TIME },
  43: { name: 'analog_output_command_event', variations: EVENT_WITH_TIME },
  50: {
    name: 'time_and_date',
    variations: {
      1: ['absolute_time', 6], // 48-bit milliseconds since 1970
      2: ['absolute_time_and_interval', 10],
      3: ['absolute_time_at_last_recorded_time', 6],
      4: ['indexed_absolute_time_and_long_interval', 11],
    },
  },
  51: {
    name: 'common_time_of_occurrence',
    variations: { 1: ['absolute_time_synchronized', 6], 2: ['absolute_time_unsynchronized', 6] },
  },
  52: { name: 'time_delay', variations: { 1: ['coarse', 2], 2: ['fine', 2] } },
  60: {
    name: 'class_data',
    variations: {
      1: ['class_0', 'none'],
      2: ['class_1', 'none'],
      3: ['class_2', 'none'],
      4: ['class_3', 'none'],
    },
  },
  70: {
    name: 'file_control',
    variations: {
      1: ['file_identifier', 'variable'],
      2: ['authentication', 'variable'],
      3: ['file_command', 'variable'],
      4: ['file_command_status', 'variable'],
      5: ['file_transport', 'variable'],
      6: ['file_transport_status', 'variable'],
      7: ['file_descriptor', 'variable'],
      8: ['file_specification_string', 'variable'],
    },
  },
  80: { name: 'internal_indications', variations: { 1: ['packed_format', 'packed1'] } },
  81: { name: 'device_storage', variations: { 1: ['buffer_fill_status', 'variable'] } },
  82: { name: 'device_profile', variations: { 1: ['functions_and_indexes', 'variable'] } },
  83: {
    name: 'data_set_registration',
    variations: {
      1: ['private_registration_object', 'variable'],
      2: ['private_registration_object_descriptor', 'variable'],
    },
  },
  85: { name: 'data_set_prototype', variations: { 1: ['with_uuid', 'variable'] } },
  86: {
    name: 'data_set_descriptor',
    variations: {
      1: ['data_set_contents', 'variable'],
      2: ['characteristics', 1],
      3: ['point_index_attributes', 'variable'],
    },
  },
  87: { name: 'data_set', variations: { 1: ['present_value', 'variable'] } },
  88: { name: 'data_set_event', variations: { 1: ['snapshot', 'variable'] } },
  90: { name: 'application', variations: { 1: ['identifier', 'variable'] } },
  91: { name: 'status_of_requested_operation', variations: { 1: ['status', 'variable'] } },
  100: { name: 'floating_point', variations: {} },
  101: {
    name: 'binary_coded_decimal_integer',
    variations: { 1: ['small', 2], 2: ['medium', 4], 3: ['large', 8] },
  },
  102: { name: 'unsigned_integer', variations: { 1: ['8_bit', 1] } },
  110: { name: 'octet_string', variations: {}, anyVariation: 'variation' },
  111: { name: 'octet_string_event', variations: {}, anyVariation: 'variation' },
  112: { name: 'virtual_terminal_output_block', variations: {}, anyVariation: 'variation' },
  113: { name: 'virtual_terminal_event_data', variations: {}, anyVariation: 'variation' },
  120: {
    name: 'authentication',
    variations: {
      1: ['challenge', 'variable'],
      2: ['reply', 'variable'],
      3: ['aggressive_mode_request', 6], // challenge sequence number (4), user number (2)
      4: ['session_key_status_request', 2], // user number
      5: ['session_key_status', 'variable'],
      6: ['session_key_change', 'variable'],
      7: ['error', 'variable'],
      8: ['user_certificate', 'variable'],
      9: ['mac', 'variable'],
      10: ['user_status_change', 'variable'],
      11: ['update_key_change_request', 'variable'],
      12: ['update_key_change_reply', 'variable'],
      13: ['update_key_change', 'variable'],
      14: ['update_key_change_signature', 'variable'],
      15: ['update_key_change_confirmation', 'variable'],
    },
  },
  121: { name: 'security_statistic', variations: { 1: ['32_bit_with_flag', 7] } },
  122: {
    name: 'security_statistic_event',
    variations: { 1: ['32_bit_with_flag', 7], 2: ['32_bit_with_flag_and_time', 13] },
  },
};

/** Name of a group: 'binary_input', ..., or 'unknown-N'. */
export function dnp3GroupName(group: number): string {
  return GROUPS[group]?.name ?? `unknown-${group}`;
}

/**
 * Name of a group and variation: 'binary_input_with_flags', 'class_data_class_1',
 * 'counter_any_variation' for variation 0, 'octet_string_length_12' for groups 110 to 113;
 * 'unknown-g<G>v<V>' when the group or variation is not in the library.
 */
export function dnp3ObjectName(group: number, variation: number): string {
  const info = GROUPS[group];
  if (info === undefined) return `unknown-g${group}v${variation}`;
  const entry = info.variations[variation];
  if (entry !== undefined) return `${info.name}_${entry[0]}`;
  if (variation === 0) return `${info.name}_any_variation`;
  if (info.anyVariation === 'variation') return `${info.name}_length_${variation}`;
  if (info.anyVariation === 'attribute') return `${info.name}_attribute_${variation}`;
  return `unknown-g${group}v${variation}`;
}

/** Size of one object, or undefined when the library does not know it (variation 0 included). */
export function dnp3ObjectSize(group: number, variation: number): Dnp3ObjectSize | undefined {
  const info = GROUPS[group];
  if (info === undefined) return undefined;
  const entry = info.variations[variation];
  if (entry !== undefined) return entry[1];
  // Groups 110 to 113: the variation is the length, so variation 0 is an empty string when it
  // carries data (in a read request it means every length, but reads carry no object data).
  if (info.anyVariation === 'variation') return 'variation';
  if (variation === 0) return undefined;
  return info.anyVariation;
}
