// Annotated EtherNet/IP vectors: whole encapsulation messages from public captures (named with
// their frame numbers) and, for the commands no capture holds, built to CIP Vol 2 and checked
// with tshark 4.0 (command, CIP service, class, instance, attribute, symbol) when written.
import type { EnipSummary } from '../../../src/protocols/enip/index.js';

export interface EnipVector {
  readonly name: string;
  /** The encapsulation message as hex: header fields, then the command-specific data. */
  readonly bytes: string;
  readonly expect: EnipSummary;
}

export const CAPTURE_VECTORS: readonly EnipVector[] = [
  {
    name: 'list identity request',
    // ITI EthernetIP/enip_test.pcap frame 6
    bytes:
      '63 00 00 00' + // command 0x0063 (list_identity), length 0
      ' 00 00 00 00' + // session handle
      ' 00 00 00 00' + // status
      ' 00 00 00 00 C1 DE BE D1' + // sender context
      ' 00 00 00 00', // options
    expect: {
      command: 99,
      command_name: 'list_identity',
      pdu_type: 'request',
      session: 0,
      status: 0,
    },
  },
  {
    name: 'list identity reply from a 1756-ENBT/A',
    // ITI EthernetIP/enip_test.pcap frame 7
    bytes:
      '63 00 33 00' + // command 0x0063 (list_identity), length 51
      ' 00 00 00 00' + // session handle
      ' 00 00 00 00' + // status
      ' 00 00 00 00 C1 DE BE D1' + // sender context
      ' 00 00 00 00' + // options
      ' 01 00' + // item count 1
      ' 0C 00 2D 00' + // item type 0x000c (list identity), length 45
      ' 01 00' + // encapsulation protocol version 1
      ' 00 02 AF 12 0A 01 01 A4 00 00 00 00 00 00 00 00' + // sockaddr (big-endian): AF_INET, 44818, 10.1.1.164
      ' 01 00 0C 00 3A 00' + // vendor 1 (Rockwell), device type 0x0C (communications adapter), product code 58
      ' 04 03 30 00' + // revision 4.3, status 0x0030
      ' 8E 4D 52 00' + // serial number 0x00524D8E
      ' 0B 31 37 35 36 2D 45 4E 42 54 2F 41' + // product name, SHORT_STRING: '1756-ENBT/A'
      ' 03', // state 3 (operational)
    expect: {
      command: 99,
      command_name: 'list_identity',
      pdu_type: 'response',
      session: 0,
      status: 0,
    },
  },
  {
    name: 'send rr data: execute PCCC request',
    // ITI CIP/cip_only.pcap frame 4
    bytes:
      '6F 00 22 00' + // command 0x006f (send_rr_data), length 34
      ' 09 A6 18 3F' + // session handle
      ' 00 00 00 00' + // status
      ' 1E 33 06 00 38 BC 27 0C' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 0A 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' 00 00 00 00' + // item type 0x0000 (null address), length 0
      ' B2 00 12 00' + // item type 0x00b2 (unconnected data), length 18
      ' 4B 02' + // service 0x4b, path 2 words
      ' 20 67 24 01' + // request path
      ' 07 4D 00 E0 31 2B 3D 06 00 63 C5 03', // service data
    expect: {
      command: 111,
      command_name: 'send_rr_data',
      pdu_type: 'request',
      session: 1058579977,
      status: 0,
      cip: {
        service: 75,
        service_name: 'execute_pccc',
        class: 103,
        class_name: 'pccc',
        instance: 1,
      },
    },
  },
  {
    name: 'send rr data: execute PCCC reply',
    // ITI CIP/cip_only.pcap frame 1
    bytes:
      '6F 00 38 00' + // command 0x006f (send_rr_data), length 56
      ' 09 A6 18 3F' + // session handle
      ' 00 00 00 00' + // status
      ' 17 33 06 00 38 BC 27 0C' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 00 04' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' 00 00 00 00' + // item type 0x0000 (null address), length 0
      ' B2 00 28 00' + // item type 0x00b2 (unconnected data), length 40
      ' CB 00 00 00' + // reply service 0xcb, reserved, general status 0x00, 0 additional status words
      ' 07 4D 00 E0 31 2B 3D 46 00 61 C5 00 EE 4A 9F 23 31 37 36 36 2D 4C 45 43' + // service data
      ' 20 20 20 00 00 26 00 36 82 9E FC 01',
    expect: {
      command: 111,
      command_name: 'send_rr_data',
      pdu_type: 'response',
      session: 1058579977,
      status: 0,
      cip: {
        service: 75,
        service_name: 'execute_pccc',
        general_status: 0,
        general_status_name: 'success',
      },
    },
  },
  {
    name: 'forward open',
    // ITI CIP/cip_only.pcap frame 475
    bytes:
      '6F 00 3E 00' + // command 0x006f (send_rr_data), length 62
      ' 09 A6 18 3F' + // session handle
      ' 00 00 00 00' + // status
      ' 59 36 06 00 38 BC 27 0C' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 14 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' 00 00 00 00' + // item type 0x0000 (null address), length 0
      ' B2 00 2E 00' + // item type 0x00b2 (unconnected data), length 46
      ' 54 02' + // service 0x54, path 2 words
      ' 20 06 24 01' + // request path
      ' 07 9B 06 00 00 80 05 00 FE 80 06 00 4D 00 E0 31 2B 3D 02 3D 06 00 D0 12' + // service data
      ' 13 00 12 43 D0 12 13 00 12 43 A3 02 20 02 24 01',
    expect: {
      command: 111,
      command_name: 'send_rr_data',
      pdu_type: 'request',
      session: 1058579977,
      status: 0,
      cip: {
        service: 84,
        service_name: 'forward_open',
        class: 6,
        class_name: 'connection_manager',
        instance: 1,
      },
    },
  },
  {
    name: 'forward open reply',
    // ITI CIP/cip_only.pcap frame 478
    bytes:
      '6F 00 2E 00' + // command 0x006f (send_rr_data), length 46
      ' 09 A6 18 3F' + // session handle
      ' 00 00 00 00' + // status
      ' 59 36 06 00 38 BC 27 0C' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 00 04' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' 00 00 00 00' + // item type 0x0000 (null address), length 0
      ' B2 00 1E 00' + // item type 0x00b2 (unconnected data), length 30
      ' D4 00 00 00' + // reply service 0xd4, reserved, general status 0x00, 0 additional status words
      ' 6E F3 24 0A 05 00 FE 80 06 00 4D 00 E0 31 2B 3D D0 12 13 00 D0 12 13 00' + // service data
      ' 00 00',
    expect: {
      command: 111,
      command_name: 'send_rr_data',
      pdu_type: 'response',
      session: 1058579977,
      status: 0,
      cip: {
        service: 84,
        service_name: 'forward_open',
        general_status: 0,
        general_status_name: 'success',
      },
    },
  },
  {
    name: 'forward close',
    // ITI CIP/cip_only.pcap frame 2884
    bytes:
      '6F 00 26 00' + // command 0x006f (send_rr_data), length 38
      ' 09 A6 18 3F' + // session handle
      ' 00 00 00 00' + // status
      ' CB 46 06 00 38 BC 27 0C' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 14 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' 00 00 00 00' + // item type 0x0000 (null address), length 0
      ' B2 00 16 00' + // item type 0x00b2 (unconnected data), length 22
      ' 4E 02' + // service 0x4e, path 2 words
      ' 20 06 24 01' + // request path
      ' 07 9B 06 00 4D 00 E0 31 2B 3D 02 00 20 02 24 01', // service data
    expect: {
      command: 111,
      command_name: 'send_rr_data',
      pdu_type: 'request',
      session: 1058579977,
      status: 0,
      cip: {
        service: 78,
        service_name: 'forward_close',
        class: 6,
        class_name: 'connection_manager',
        instance: 1,
      },
    },
  },
  {
    name: 'forward close reply',
    // ITI CIP/cip_only.pcap frame 2885
    bytes:
      '6F 00 1E 00' + // command 0x006f (send_rr_data), length 30
      ' 09 A6 18 3F' + // session handle
      ' 00 00 00 00' + // status
      ' CB 46 06 00 38 BC 27 0C' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 00 04' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' 00 00 00 00' + // item type 0x0000 (null address), length 0
      ' B2 00 0E 00' + // item type 0x00b2 (unconnected data), length 14
      ' CE 00 00 00' + // reply service 0xce, reserved, general status 0x00, 0 additional status words
      ' 06 00 4D 00 E0 31 2B 3D 00 00', // service data
    expect: {
      command: 111,
      command_name: 'send_rr_data',
      pdu_type: 'response',
      session: 1058579977,
      status: 0,
      cip: {
        service: 78,
        service_name: 'forward_close',
        general_status: 0,
        general_status_name: 'success',
      },
    },
  },
  {
    name: 'unconnected send wrapping get attributes all (route path port 1, slot 0)',
    // ITI EthernetIP/EthernetIP-CIP.pcap frame 29
    bytes:
      '6F 00 26 00' + // command 0x006f (send_rr_data), length 38
      ' 00 05 02 13' + // session handle
      ' 00 00 00 00' + // status
      ' 6A C0 BE 00 00 00 00 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 14 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' 00 00 00 00' + // item type 0x0000 (null address), length 0
      ' B2 00 16 00' + // item type 0x00b2 (unconnected data), length 22
      ' 52 02' + // service 0x52, path 2 words
      ' 20 06 24 01' + // request path
      ' 07 E9 08 00 01 02 20 AC 24 01 01 00 01 00 01 00', // service data
    expect: {
      command: 111,
      command_name: 'send_rr_data',
      pdu_type: 'request',
      session: 318899456,
      status: 0,
      cip: {
        service: 82,
        service_name: 'unconnected_send',
        class: 6,
        class_name: 'connection_manager',
        instance: 1,
        embedded: [
          {
            service: 1,
            service_name: 'get_attributes_all',
            class: 172,
            class_name: 'unknown-172',
            instance: 1,
          },
        ],
      },
    },
  },
  {
    name: 'get attributes all reply (to the unconnected send)',
    // ITI EthernetIP/EthernetIP-CIP.pcap frame 31
    bytes:
      '6F 00 34 00' + // command 0x006f (send_rr_data), length 52
      ' 00 05 02 13' + // session handle
      ' 00 00 00 00' + // status
      ' 6A C0 BE 00 00 00 00 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 14 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' 00 00 00 00' + // item type 0x0000 (null address), length 0
      ' B2 00 24 00' + // item type 0x00b2 (unconnected data), length 36
      ' 81 00 00 00' + // reply service 0x81, reserved, general status 0x00, 0 additional status words
      ' E8 00 01 00 E3 02 B2 A4 C1 D1 AF A4 00 00 E8 03 02 00 00 00 94 53 D3 3D' + // service data
      ' 01 00 01 00 E2 FC 20 30',
    expect: {
      command: 111,
      command_name: 'send_rr_data',
      pdu_type: 'response',
      session: 318899456,
      status: 0,
      cip: {
        service: 1,
        service_name: 'get_attributes_all',
        general_status: 0,
        general_status_name: 'success',
      },
    },
  },
  {
    name: 'send unit data: execute PCCC request',
    // ITI CIP/cip_only.pcap frame 2
    bytes:
      '70 00 3A 00' + // command 0x0070 (send_unit_data), length 58
      ' 09 A6 18 3F' + // session handle
      ' 00 00 00 00' + // status
      ' 00 00 00 00 00 00 00 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 01 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' A1 00 04 00' + // item type 0x00a1 (connected address), length 4
      ' AC 6F A5 09' + // item data
      ' B1 00 26 00' + // item type 0x00b1 (connected data), length 38
      ' D5 E2' + // sequence count
      ' 4B 02' + // service 0x4b, path 2 words
      ' 20 67 24 01' + // request path
      ' 07 4D 00 E0 31 2B 3D 0F 00 62 C5 A3 FF 94 4F FF D6 4F FF D8 4F FF 88 4F' + // service data
      ' FF BE 4F FF C0 4F',
    expect: {
      command: 112,
      command_name: 'send_unit_data',
      pdu_type: 'request',
      session: 1058579977,
      status: 0,
      cip: {
        service: 75,
        service_name: 'execute_pccc',
        class: 103,
        class_name: 'pccc',
        instance: 1,
      },
    },
  },
  {
    name: 'send unit data: execute PCCC reply',
    // ITI CIP/cip_only.pcap frame 3
    bytes:
      '70 00 37 00' + // command 0x0070 (send_unit_data), length 55
      ' 09 A6 18 3F' + // session handle
      ' 00 00 00 00' + // status
      ' 00 00 00 00 00 00 00 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 00 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' A1 00 04 00' + // item type 0x00a1 (connected address), length 4
      ' 01 00 FE 80' + // item data
      ' B1 00 23 00' + // item type 0x00b1 (connected data), length 35
      ' D5 E2' + // sequence count
      ' CB 00 00 00' + // reply service 0xcb, reserved, general status 0x00, 0 additional status words
      ' 07 4D 00 E0 31 2B 3D 4F 00 62 C5 00 00 00 00 00 00 00 FF FF 00 00 00 00' + // service data
      ' 00 00 00 FF FF',
    expect: {
      command: 112,
      command_name: 'send_unit_data',
      pdu_type: 'response',
      session: 1058579977,
      status: 0,
      cip: {
        service: 75,
        service_name: 'execute_pccc',
        general_status: 0,
        general_status_name: 'success',
      },
    },
  },
  {
    name: 'get attribute list',
    // icsnpp-enip/tests/traces/enip_cip_example.pcap frame 10
    bytes:
      '70 00 20 00' + // command 0x0070 (send_unit_data), length 32
      ' 00 01 02 11' + // session handle
      ' 00 00 00 00' + // status
      ' 00 00 00 00 00 00 00 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 01 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' A1 00 04 00' + // item type 0x00a1 (connected address), length 4
      ' 01 0B 7C 00' + // item data
      ' B1 00 0C 00' + // item type 0x00b1 (connected data), length 12
      ' 8B 07' + // sequence count
      ' 03 02' + // service 0x03, path 2 words
      ' 20 8B 24 01' + // request path
      ' 01 00 08 00', // service data
    expect: {
      command: 112,
      command_name: 'send_unit_data',
      pdu_type: 'request',
      session: 285344000,
      status: 0,
      cip: {
        service: 3,
        service_name: 'get_attribute_list',
        class: 139,
        class_name: 'unknown-139',
        instance: 1,
      },
    },
  },
  {
    name: 'get attribute list reply',
    // icsnpp-enip/tests/traces/enip_cip_example.pcap frame 11
    bytes:
      '70 00 48 00' + // command 0x0070 (send_unit_data), length 72
      ' 00 01 02 11' + // session handle
      ' 00 00 00 00' + // status
      ' 00 00 00 00 00 00 00 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 00 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' A1 00 04 00' + // item type 0x00a1 (connected address), length 4
      ' 28 00 FE 80' + // item data
      ' B1 00 34 00' + // item type 0x00b1 (connected data), length 52
      ' 8B 07' + // sequence count
      ' 83 00 00 00' + // reply service 0x83, reserved, general status 0x00, 0 additional status words
      ' 01 00 08 00 00 00 24 00 00 00 47 4D 54 2D 30 35 3A 30 30 20 45 61 73 74' + // service data
      ' 65 72 6E 20 54 69 6D 65 20 28 55 53 20 26 20 43 61 6E 61 64 61 29',
    expect: {
      command: 112,
      command_name: 'send_unit_data',
      pdu_type: 'response',
      session: 285344000,
      status: 0,
      cip: {
        service: 3,
        service_name: 'get_attribute_list',
        general_status: 0,
        general_status_name: 'success',
      },
    },
  },
  {
    name: 'set attribute list',
    // icsnpp-enip/tests/traces/enip_cip_example.pcap frame 138
    bytes:
      '70 00 28 00' + // command 0x0070 (send_unit_data), length 40
      ' 00 01 02 11' + // session handle
      ' 00 00 00 00' + // status
      ' 00 00 00 00 00 00 00 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 01 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' A1 00 04 00' + // item type 0x00a1 (connected address), length 4
      ' 01 0B 7C 00' + // item data
      ' B1 00 14 00' + // item type 0x00b1 (connected data), length 20
      ' BA 07' + // sequence count
      ' 04 02' + // service 0x04, path 2 words
      ' 20 8B 24 01' + // request path
      ' 01 00 06 00 C0 58 72 22 08 5A 04 00', // service data
    expect: {
      command: 112,
      command_name: 'send_unit_data',
      pdu_type: 'request',
      session: 285344000,
      status: 0,
      cip: {
        service: 4,
        service_name: 'set_attribute_list',
        class: 139,
        class_name: 'unknown-139',
        instance: 1,
      },
    },
  },
  {
    name: 'set attribute list reply',
    // icsnpp-enip/tests/traces/enip_cip_example.pcap frame 140
    bytes:
      '70 00 20 00' + // command 0x0070 (send_unit_data), length 32
      ' 00 01 02 11' + // session handle
      ' 00 00 00 00' + // status
      ' 00 00 00 00 00 00 00 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 00 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' A1 00 04 00' + // item type 0x00a1 (connected address), length 4
      ' 28 00 FE 80' + // item data
      ' B1 00 0C 00' + // item type 0x00b1 (connected data), length 12
      ' BA 07' + // sequence count
      ' 84 00 00 00' + // reply service 0x84, reserved, general status 0x00, 0 additional status words
      ' 01 00 06 00 00 00', // service data
    expect: {
      command: 112,
      command_name: 'send_unit_data',
      pdu_type: 'response',
      session: 285344000,
      status: 0,
      cip: {
        service: 4,
        service_name: 'set_attribute_list',
        general_status: 0,
        general_status_name: 'success',
      },
    },
  },
  {
    name: 'set attribute single to the identity object',
    // icsnpp-enip/tests/traces/set_attribute_single_service_cip.pcapng frame 1
    bytes:
      '70 00 1C 00' + // command 0x0070 (send_unit_data), length 28
      ' F4 FF CA B4' + // session handle
      ' 00 00 00 00' + // status
      ' 5F 70 79 63 6F 6D 6D 5F' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 0A 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' A1 00 04 00' + // item type 0x00a1 (connected address), length 4
      ' BA 62 9A DA' + // item data
      ' B1 00 08 00' + // item type 0x00b1 (connected data), length 8
      ' 0D 00' + // sequence count
      ' 10 02' + // service 0x10, path 2 words
      ' 20 01 24 00', // request path
    expect: {
      command: 112,
      command_name: 'send_unit_data',
      pdu_type: 'request',
      session: 3033202676,
      status: 0,
      cip: {
        service: 16,
        service_name: 'set_attribute_single',
        class: 1,
        class_name: 'identity',
        instance: 0,
      },
    },
  },
  {
    name: 'set attribute single reply',
    // ITI EthernetIP/cip-eth-set-2.pcap frame 1
    bytes:
      '6F 00 14 00' + // command 0x006f (send_rr_data), length 20
      ' 00 01 02 12' + // session handle
      ' 00 00 00 00' + // status
      ' EC 6D 86 01 70 1E E1 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 05 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' 00 00 00 00' + // item type 0x0000 (null address), length 0
      ' B2 00 04 00' + // item type 0x00b2 (unconnected data), length 4
      ' 90 00 00 00', // reply service 0x90, reserved, general status 0x00, 0 additional status words
    expect: {
      command: 111,
      command_name: 'send_rr_data',
      pdu_type: 'response',
      session: 302121216,
      status: 0,
      cip: {
        service: 16,
        service_name: 'set_attribute_single',
        general_status: 0,
        general_status_name: 'success',
      },
    },
  },
  {
    name: 'stop the PLC',
    // ITI EthernetIP/cip_stop_plc.pcap frame 1
    bytes:
      '70 00 1C 00' + // command 0x0070 (send_unit_data), length 28
      ' 01 00 2A 00' + // session handle
      ' 00 00 00 00' + // status
      ' 00 00 00 00 00 00 00 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 01 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' A1 00 04 00' + // item type 0x00a1 (connected address), length 4
      ' 22 40 95 FF' + // item data
      ' B1 00 08 00' + // item type 0x00b1 (connected data), length 8
      ' 06 01' + // sequence count
      ' 07 02' + // service 0x07, path 2 words
      ' 20 8E 24 01', // request path
    expect: {
      command: 112,
      command_name: 'send_unit_data',
      pdu_type: 'request',
      session: 2752513,
      status: 0,
      cip: { service: 7, service_name: 'stop', class: 142, class_name: 'unknown-142', instance: 1 },
    },
  },
  {
    name: 'start the PLC',
    // ITI EthernetIP/cip_start_plc.pcap frame 1
    bytes:
      '70 00 1C 00' + // command 0x0070 (send_unit_data), length 28
      ' 01 00 2A 00' + // session handle
      ' 00 00 00 00' + // status
      ' 00 00 00 00 00 00 00 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 01 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' A1 00 04 00' + // item type 0x00a1 (connected address), length 4
      ' 22 40 95 FF' + // item data
      ' B1 00 08 00' + // item type 0x00b1 (connected data), length 8
      ' E7 00' + // sequence count
      ' 06 02' + // service 0x06, path 2 words
      ' 20 8E 24 01', // request path
    expect: {
      command: 112,
      command_name: 'send_unit_data',
      pdu_type: 'request',
      session: 2752513,
      status: 0,
      cip: {
        service: 6,
        service_name: 'start',
        class: 142,
        class_name: 'unknown-142',
        instance: 1,
      },
    },
  },
  {
    name: 'unlock the CPU (service 0x4C to class 0x8E)',
    // ITI EthernetIP/cip_unlock_cpu.pcap frame 1
    bytes:
      '70 00 20 00' + // command 0x0070 (send_unit_data), length 32
      ' 00 01 02 12' + // session handle
      ' 00 00 00 00' + // status
      ' 00 00 00 00 00 00 00 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 01 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' A1 00 04 00' + // item type 0x00a1 (connected address), length 4
      ' 01 6B 07 00' + // item data
      ' B1 00 0C 00' + // item type 0x00b1 (connected data), length 12
      ' 4C 1C' + // sequence count
      ' 4C 04' + // service 0x4c, path 4 words
      ' 20 8E 24 01 20 74 24 01', // request path
    expect: {
      command: 112,
      command_name: 'send_unit_data',
      pdu_type: 'request',
      session: 302121216,
      status: 0,
      cip: {
        service: 76,
        service_name: 'read_tag',
        class: 142,
        class_name: 'unknown-142',
        instance: 1,
      },
    },
  },
  {
    name: 'multiple service packet of 11 get attribute list requests',
    // ITI EthernetIP/cip-multiple-1.pcap frame 1
    bytes:
      '70 00 BA 00' + // command 0x0070 (send_unit_data), length 186
      ' 00 01 02 11' + // session handle
      ' 00 00 00 00' + // status
      ' 00 00 00 00 00 00 00 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 01 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' A1 00 04 00' + // item type 0x00a1 (connected address), length 4
      ' 01 0B 7C 00' + // item data
      ' B1 00 A6 00' + // item type 0x00b1 (connected data), length 166
      ' 89 07' + // sequence count
      ' 0A 02' + // service 0x0a, path 2 words
      ' 20 02 24 01' + // request path
      ' 0B 00 18 00 22 00 2C 00 36 00 4C 00 58 00 64 00 72 00 7C 00 8A 00 94 00' + // service data
      ' 03 02 20 01 24 01 01 00 05 00 03 02 20 69 24 00 01 00 0B 00 03 02 20 73' +
      ' 24 01 01 00 02 00 03 02 20 AC 24 01 07 00 01 00 02 00 03 00 05 00 07 00' +
      ' 09 00 0A 00 03 03 20 68 25 00 20 24 01 00 13 00 03 02 20 70 24 01 02 00' +
      ' 12 00 13 00 03 02 20 8E 24 01 03 00 03 00 08 00 10 00 03 02 20 69 24 00' +
      ' 01 00 09 00 03 02 20 68 24 00 03 00 0F 00 18 00 19 00 03 02 20 77 24 01' +
      ' 01 00 02 00 03 02 20 8B 24 01 01 00 06 00',
    expect: {
      command: 112,
      command_name: 'send_unit_data',
      pdu_type: 'request',
      session: 285344000,
      status: 0,
      cip: {
        service: 10,
        service_name: 'multiple_service_packet',
        class: 2,
        class_name: 'message_router',
        instance: 1,
        embedded: [
          {
            service: 3,
            service_name: 'get_attribute_list',
            class: 1,
            class_name: 'identity',
            instance: 1,
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            class: 105,
            class_name: 'unknown-105',
            instance: 0,
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            class: 115,
            class_name: 'unknown-115',
            instance: 1,
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            class: 172,
            class_name: 'unknown-172',
            instance: 1,
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            class: 104,
            class_name: 'unknown-104',
            instance: 9248,
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            class: 112,
            class_name: 'unknown-112',
            instance: 1,
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            class: 142,
            class_name: 'unknown-142',
            instance: 1,
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            class: 105,
            class_name: 'unknown-105',
            instance: 0,
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            class: 104,
            class_name: 'unknown-104',
            instance: 0,
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            class: 119,
            class_name: 'unknown-119',
            instance: 1,
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            class: 139,
            class_name: 'unknown-139',
            instance: 1,
          },
        ],
      },
    },
  },
  {
    name: 'multiple service packet reply',
    // ITI EthernetIP/cip-multiple-2.pcap frame 1
    bytes:
      '70 00 0D 01' + // command 0x0070 (send_unit_data), length 269
      ' 00 01 02 11' + // session handle
      ' 00 00 00 00' + // status
      ' 00 00 00 00 00 00 00 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 00 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' A1 00 04 00' + // item type 0x00a1 (connected address), length 4
      ' 28 00 FE 80' + // item data
      ' B1 00 F9 00' + // item type 0x00b1 (connected data), length 249
      ' 89 07' + // sequence count
      ' 8A 00 00 00' + // reply service 0x8a, reserved, general status 0x00, 0 additional status words
      ' 0B 00 18 00 24 00 30 00 3C 00 74 00 7F 00 95 00 AD 00 B9 00 D5 00 E1 00' + // service data
      ' 83 00 00 00 01 00 05 00 00 00 60 30 83 00 00 00 01 00 0B 00 00 00 03 00' +
      ' 83 00 00 00 01 00 02 00 00 00 00 00 83 00 00 00 07 00 01 00 00 00 05 00' +
      ' 02 00 00 00 01 00 03 00 00 00 95 29 1F 04 05 00 00 00 00 00 07 00 00 00' +
      ' 02 00 00 00 09 00 00 00 01 00 01 00 0A 00 00 00 84 22 DF 48 83 00 00 00' +
      ' 01 00 13 00 00 00 00 83 00 00 00 02 00 12 00 00 00 00 00 00 00 13 00 00' +
      ' 00 00 00 00 00 83 00 00 00 03 00 03 00 00 00 14 00 08 00 00 00 00 00 10' +
      ' 00 00 00 01 00 83 00 00 00 01 00 09 00 00 00 00 00 83 00 00 00 03 00 0F' +
      ' 00 00 00 00 00 18 00 00 00 00 00 00 00 19 00 00 00 00 00 00 00 83 00 00' +
      ' 00 01 00 02 00 00 00 02 01 83 00 00 00 01 00 06 00 00 00 73 B4 EA 05 F4' +
      ' 59 04 00',
    expect: {
      command: 112,
      command_name: 'send_unit_data',
      pdu_type: 'response',
      session: 285344000,
      status: 0,
      cip: {
        service: 10,
        service_name: 'multiple_service_packet',
        general_status: 0,
        general_status_name: 'success',
        embedded: [
          {
            service: 3,
            service_name: 'get_attribute_list',
            general_status: 0,
            general_status_name: 'success',
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            general_status: 0,
            general_status_name: 'success',
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            general_status: 0,
            general_status_name: 'success',
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            general_status: 0,
            general_status_name: 'success',
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            general_status: 0,
            general_status_name: 'success',
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            general_status: 0,
            general_status_name: 'success',
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            general_status: 0,
            general_status_name: 'success',
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            general_status: 0,
            general_status_name: 'success',
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            general_status: 0,
            general_status_name: 'success',
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            general_status: 0,
            general_status_name: 'success',
          },
          {
            service: 3,
            service_name: 'get_attribute_list',
            general_status: 0,
            general_status_name: 'success',
          },
        ],
      },
    },
  },
  {
    name: 'multiple service packet of Logix tag writes by symbol (0x91)',
    // ITI ModbusTCP/mb2.pcap frame 621
    bytes:
      '70 00 AA 00' + // command 0x0070 (send_unit_data), length 170
      ' 00 01 02 10' + // session handle
      ' 00 00 00 00' + // status
      ' 6C 87 95 00 00 00 00 00' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 0A 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' A1 00 04 00' + // item type 0x00a1 (connected address), length 4
      ' 01 03 8B 00' + // item data
      ' B1 00 96 00' + // item type 0x00b1 (connected data), length 150
      ' 62 BC' + // sequence count
      ' 0A 02' + // service 0x0a, path 2 words
      ' 20 02 24 01' + // request path
      ' 04 00 0A 00 28 00 46 00 6A 00 4E 0C 91 16 4C 4D 53 5F 44 49 53 41 42 4C' + // service data
      ' 45 5F 32 44 53 43 41 4E 4E 45 52 31 01 00 01 FF 4E 0C 91 16 4C 4D 53 5F' +
      ' 44 49 53 41 42 4C 45 5F 32 44 53 43 41 4E 4E 45 52 32 01 00 01 FF 4E 0F' +
      ' 91 1B 4C 4D 53 5F 44 49 53 41 42 4C 45 5F 42 41 52 43 4F 44 45 5F 53 43' +
      ' 41 4E 4E 45 52 00 01 00 00 FE 4E 0F 91 1B 4C 4D 53 5F 53 45 54 50 4F 49' +
      ' 4E 54 43 48 41 4E 47 45 5F 52 45 43 45 49 56 45 44 00 01 00 00 FE',
    expect: {
      command: 112,
      command_name: 'send_unit_data',
      pdu_type: 'request',
      session: 268566784,
      status: 0,
      cip: {
        service: 10,
        service_name: 'multiple_service_packet',
        class: 2,
        class_name: 'message_router',
        instance: 1,
        embedded: [
          { service: 78, service_name: 'read_modify_write_tag', symbol: 'LMS_DISABLE_2DSCANNER1' },
          { service: 78, service_name: 'read_modify_write_tag', symbol: 'LMS_DISABLE_2DSCANNER2' },
          {
            service: 78,
            service_name: 'read_modify_write_tag',
            symbol: 'LMS_DISABLE_BARCODE_SCANNER',
          },
          {
            service: 78,
            service_name: 'read_modify_write_tag',
            symbol: 'LMS_SETPOINTCHANGE_RECEIVED',
          },
        ],
      },
    },
  },
];

/** Commands and CIP forms no capture holds, built to CIP Vol 1 and Vol 2. */
export const SYNTHETIC_VECTORS: readonly EnipVector[] = [
  {
    name: 'register session request',
    // built for this test
    bytes:
      '65 00 04 00' + // command 0x0065 (register_session), length 4
      ' 00 00 00 00' + // session handle
      ' 00 00 00 00' + // status
      ' 4F 54 73 61 66 65 30 31' + // sender context
      ' 00 00 00 00' + // options
      ' 01 00 00 00', // protocol version 1, options 0
    expect: {
      command: 101,
      command_name: 'register_session',
      pdu_type: 'request',
      session: 0,
      status: 0,
    },
  },
  {
    name: 'register session reply with the new session handle',
    // built for this test
    bytes:
      '65 00 04 00' + // command 0x0065 (register_session), length 4
      ' 11 0A 2F 6E' + // session handle
      ' 00 00 00 00' + // status
      ' 4F 54 73 61 66 65 30 31' + // sender context
      ' 00 00 00 00' + // options
      ' 01 00 00 00', // protocol version 1, options 0
    expect: {
      command: 101,
      command_name: 'register_session',
      pdu_type: 'response',
      session: 1848576529,
      status: 0,
    },
  },
  {
    name: 'unregister session',
    // built for this test
    bytes:
      '66 00 00 00' + // command 0x0066 (unregister_session), length 0
      ' 11 0A 2F 6E' + // session handle
      ' 00 00 00 00' + // status
      ' 4F 54 73 61 66 65 30 31' + // sender context
      ' 00 00 00 00', // options
    expect: {
      command: 102,
      command_name: 'unregister_session',
      pdu_type: 'request',
      session: 1848576529,
      status: 0,
    },
  },
  {
    name: 'list services request',
    // built for this test
    bytes:
      '04 00 00 00' + // command 0x0004 (list_services), length 0
      ' 00 00 00 00' + // session handle
      ' 00 00 00 00' + // status
      ' 4F 54 73 61 66 65 30 31' + // sender context
      ' 00 00 00 00', // options
    expect: {
      command: 4,
      command_name: 'list_services',
      pdu_type: 'request',
      session: 0,
      status: 0,
    },
  },
  {
    name: 'list services reply: Communications, CIP over TCP and class 0/1 over UDP',
    // built for this test
    bytes:
      '04 00 1A 00' + // command 0x0004 (list_services), length 26
      ' 00 00 00 00' + // session handle
      ' 00 00 00 00' + // status
      ' 4F 54 73 61 66 65 30 31' + // sender context
      ' 00 00 00 00' + // options
      ' 01 00' + // item count 1
      ' 00 01 14 00' + // item type 0x0100 (list services), length 20
      ' 01 00 20 01 43 6F 6D 6D 75 6E 69 63 61 74 69 6F 6E 73 00 00', // item data
    expect: {
      command: 4,
      command_name: 'list_services',
      pdu_type: 'response',
      session: 0,
      status: 0,
    },
  },
  {
    name: 'list interfaces request',
    // built for this test
    bytes:
      '64 00 00 00' + // command 0x0064 (list_interfaces), length 0
      ' 00 00 00 00' + // session handle
      ' 00 00 00 00' + // status
      ' 4F 54 73 61 66 65 30 31' + // sender context
      ' 00 00 00 00', // options
    expect: {
      command: 100,
      command_name: 'list_interfaces',
      pdu_type: 'request',
      session: 0,
      status: 0,
    },
  },
  {
    name: 'list interfaces reply with no interfaces',
    // built for this test
    bytes:
      '64 00 02 00' + // command 0x0064 (list_interfaces), length 2
      ' 00 00 00 00' + // session handle
      ' 00 00 00 00' + // status
      ' 4F 54 73 61 66 65 30 31' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00', // item count 0
    expect: {
      command: 100,
      command_name: 'list_interfaces',
      pdu_type: 'response',
      session: 0,
      status: 0,
    },
  },
  {
    name: 'nop with 4 octets of data the receiver ignores',
    // built for this test
    bytes:
      '00 00 04 00' + // command 0x0000 (nop), length 4
      ' 00 00 00 00' + // session handle
      ' 00 00 00 00' + // status
      ' 4F 54 73 61 66 65 30 31' + // sender context
      ' 00 00 00 00' + // options
      ' DE AD BE EF', // data
    expect: { command: 0, command_name: 'nop', pdu_type: 'request', session: 0, status: 0 },
  },
  {
    name: 'get attributes all of the identity object',
    // built for this test
    bytes:
      '6F 00 16 00' + // command 0x006f (send_rr_data), length 22
      ' 11 0A 2F 6E' + // session handle
      ' 00 00 00 00' + // status
      ' 4F 54 73 61 66 65 30 31' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 0A 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' 00 00 00 00' + // item type 0x0000 (null address), length 0
      ' B2 00 06 00' + // item type 0x00b2 (unconnected data), length 6
      ' 01 02' + // service 0x01, path 2 words
      ' 20 01 24 01', // request path
    expect: {
      command: 111,
      command_name: 'send_rr_data',
      pdu_type: 'request',
      session: 1848576529,
      status: 0,
      cip: {
        service: 1,
        service_name: 'get_attributes_all',
        class: 1,
        class_name: 'identity',
        instance: 1,
      },
    },
  },
  {
    name: 'get attributes all reply: identity of a 1756-L61',
    // built for this test
    bytes:
      '6F 00 37 00' + // command 0x006f (send_rr_data), length 55
      ' 11 0A 2F 6E' + // session handle
      ' 00 00 00 00' + // status
      ' 4F 54 73 61 66 65 30 31' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 0A 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' 00 00 00 00' + // item type 0x0000 (null address), length 0
      ' B2 00 27 00' + // item type 0x00b2 (unconnected data), length 39
      ' 81 00 00 00' + // reply service 0x81, reserved, general status 0x00, 0 additional status words
      ' 01 00 0E 00 36 00 14 0B 60 00 EE FF C0 00 14 31 37 35 36 2D 4C 36 31 2F' + // service data
      ' 42 20 4C 4F 47 49 58 35 35 36 31',
    expect: {
      command: 111,
      command_name: 'send_rr_data',
      pdu_type: 'response',
      session: 1848576529,
      status: 0,
      cip: {
        service: 1,
        service_name: 'get_attributes_all',
        general_status: 0,
        general_status_name: 'success',
      },
    },
  },
  {
    name: 'error reply: path destination unknown, one additional status word',
    // built for this test
    bytes:
      '6F 00 16 00' + // command 0x006f (send_rr_data), length 22
      ' 11 0A 2F 6E' + // session handle
      ' 00 00 00 00' + // status
      ' 4F 54 73 61 66 65 30 31' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 0A 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' 00 00 00 00' + // item type 0x0000 (null address), length 0
      ' B2 00 06 00' + // item type 0x00b2 (unconnected data), length 6
      ' 8E 00 05 01 00 00', // reply service 0x8e, reserved, general status 0x05, 1 additional status words
    expect: {
      command: 111,
      command_name: 'send_rr_data',
      pdu_type: 'exception',
      session: 1848576529,
      status: 0,
      cip: {
        service: 14,
        service_name: 'get_attribute_single',
        general_status: 5,
        general_status_name: 'path_destination_unknown',
      },
    },
  },
  {
    name: 'read tag by ANSI extended symbol with a member index',
    // built for this test
    bytes:
      '70 00 24 00' + // command 0x0070 (send_unit_data), length 36
      ' 11 0A 2F 6E' + // session handle
      ' 00 00 00 00' + // status
      ' 4F 54 73 61 66 65 30 31' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 00 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' A1 00 04 00' + // item type 0x00a1 (connected address), length 4
      ' 2C 1B 0A 8C' + // item data
      ' B1 00 10 00' + // item type 0x00b1 (connected data), length 16
      ' 07 00' + // sequence count
      ' 4C 05' + // service 0x4c, path 5 words
      ' 91 05 54 61 6E 6B 31 00 28 02' + // request path
      ' 01 00', // service data
    expect: {
      command: 112,
      command_name: 'send_unit_data',
      pdu_type: 'request',
      session: 1848576529,
      status: 0,
      cip: { service: 76, service_name: 'read_tag', member: 2, symbol: 'Tank1' },
    },
  },
  {
    name: 'get attribute single with 16-bit class, 32-bit instance',
    // built for this test
    bytes:
      '6F 00 1E 00' + // command 0x006f (send_rr_data), length 30
      ' 11 0A 2F 6E' + // session handle
      ' 00 00 00 00' + // status
      ' 4F 54 73 61 66 65 30 31' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 0A 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' 00 00 00 00' + // item type 0x0000 (null address), length 0
      ' B2 00 0E 00' + // item type 0x00b2 (unconnected data), length 14
      ' 0E 06' + // service 0x0e, path 6 words
      ' 21 00 F5 00 26 00 01 00 00 00 30 05', // request path
    expect: {
      command: 111,
      command_name: 'send_rr_data',
      pdu_type: 'request',
      session: 1848576529,
      status: 0,
      cip: {
        service: 14,
        service_name: 'get_attribute_single',
        class: 245,
        class_name: 'tcp_ip_interface',
        instance: 1,
        attribute: 5,
      },
    },
  },
  {
    name: 'unconnected send routed to 192.168.1.10 on port 2 (extended link address)',
    // built for this test
    bytes:
      '6F 00 30 00' + // command 0x006f (send_rr_data), length 48
      ' 11 0A 2F 6E' + // session handle
      ' 00 00 00 00' + // status
      ' 4F 54 73 61 66 65 30 31' + // sender context
      ' 00 00 00 00' + // options
      ' 00 00 00 00 0A 00' + // interface handle, timeout
      ' 02 00' + // item count 2
      ' 00 00 00 00' + // item type 0x0000 (null address), length 0
      ' B2 00 20 00' + // item type 0x00b2 (unconnected data), length 32
      ' 52 02' + // service 0x52, path 2 words
      ' 20 06 24 01' + // request path
      ' 0A F0 06 00 01 02 20 01 24 01 07 00 12 0C 31 39 32 2E 31 36 38 2E 31 2E' + // service data
      ' 31 30',
    expect: {
      command: 111,
      command_name: 'send_rr_data',
      pdu_type: 'request',
      session: 1848576529,
      status: 0,
      cip: {
        service: 82,
        service_name: 'unconnected_send',
        class: 6,
        class_name: 'connection_manager',
        instance: 1,
        embedded: [
          {
            service: 1,
            service_name: 'get_attributes_all',
            class: 1,
            class_name: 'identity',
            instance: 1,
          },
        ],
      },
    },
  },
];
