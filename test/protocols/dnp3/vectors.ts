// Annotated DNP3 byte vectors: whole application fragments as link frames on the wire, from
// public captures (named with their frame numbers) and, for the function codes no capture holds,
// built to IEEE 1815-2012 and checked with tshark 4.0 (function code and CRCs) when written.
// Link frames are written as the 10-octet header, then each user data block with its CRC.

export interface Dnp3Vector {
  readonly name: string;
  /** Link frames of one fragment, in order, as hex. */
  readonly frames: readonly string[];
  /** Each frame came in its own UDP datagram (DNP3 over UDP) rather than a TCP stream. */
  readonly udp?: boolean;
  readonly expect: {
    readonly function_code: number;
    readonly function: string;
    readonly source: number;
    readonly destination: number;
    /** 'g<group>v<variation> q<qualifier> <range>' per object header. */
    readonly objects: readonly string[];
    /** IIN bits set, responses only. */
    readonly iin?: readonly string[];
    /** Code of the note a stopped object walk leaves. */
    readonly note?: string;
  };
}

/** Requests from captures: one or more per function code that appears in them. */
export const REQUEST_VECTORS: readonly Dnp3Vector[] = [
  {
    name: 'confirm',
    // ITI bro/dnp3/dnp3.pcap frame 6
    frames: [
      '05 64 08 C4 04 00 03 00 B4 B8' + // header: length 8, control 0xc4, dst 4, src 3, CRC
        ' C0 D7 00 7A CE',
    ],
    expect: {
      function_code: 0,
      function: 'confirm',
      source: 3,
      destination: 4,
      objects: [],
    },
  },
  {
    name: 'read class 1, 2, 3 and 0 data (integrity poll)',
    // ITI bro/dnp3/dnp3.pcap frame 90
    frames: [
      '05 64 14 C4 04 00 03 00 C7 17' + // header: length 20, control 0xc4, dst 4, src 3, CRC
        ' C4 C5 01 3C 02 06 3C 03 06 3C 04 06 3C 01 06 A3 61',
    ],
    expect: {
      function_code: 1,
      function: 'read',
      source: 3,
      destination: 4,
      objects: ['g60v2 q06 all', 'g60v3 q06 all', 'g60v4 q06 all', 'g60v1 q06 all'],
    },
  },
  {
    name: 'read file transport (g70v5, 2-octet size prefix)',
    // ITI bro/dnp3/dnp3_file_read.pcap frame 7
    frames: [
      '05 64 16 C4 04 00 03 00 70 31' + // header: length 22, control 0xc4, dst 4, src 3, CRC
        ' F8 CF 01 46 05 5B 01 08 00 78 56 34 12 00 00 00 95 38' +
        ' 00 FF FF',
    ],
    expect: {
      function_code: 1,
      function: 'read',
      source: 3,
      destination: 4,
      objects: ['g70v5 q5b count 1'],
    },
  },
  {
    name: 'read device attributes g0v213 and g0v215',
    // ITI dnp3/dataset_exchange.pcap frame 1
    frames: [
      '05 64 12 C4 04 00 03 00 1E 7C' + // header: length 18, control 0xc4, dst 4, src 3, CRC
        ' C5 C5 01 00 D5 00 00 00 00 D7 00 00 00 2D 30',
    ],
    expect: {
      function_code: 1,
      function: 'read',
      source: 3,
      destination: 4,
      objects: ['g0v213 q00 0-0', 'g0v215 q00 0-0'],
    },
  },
  {
    name: 'write absolute time (g50v1)',
    // ITI bro/dnp3/dnp3.pcap frame 7
    frames: [
      '05 64 12 C4 04 00 03 00 1E 7C' + // header: length 18, control 0xc4, dst 4, src 3, CRC
        ' C1 C1 02 32 01 07 01 EB E4 5A 87 FF 00 28 01',
    ],
    expect: {
      function_code: 2,
      function: 'write',
      source: 3,
      destination: 4,
      objects: ['g50v1 q07 count 1'],
    },
  },
  {
    name: 'write IIN1.7 device restart clear (g80v1)',
    // ITI bro/dnp3/dnp3.pcap frame 88
    frames: [
      '05 64 0E C4 04 00 03 00 6D D3' + // header: length 14, control 0xc4, dst 4, src 3, CRC
        ' C3 C4 02 50 01 00 07 07 00 5E 3F',
    ],
    expect: {
      function_code: 2,
      function: 'write',
      source: 3,
      destination: 4,
      objects: ['g80v1 q00 7-7'],
    },
  },
  {
    name: 'write binary outputs packed (g10v1)',
    // ITI dnp3/write_binary_output.pcap frame 1
    frames: [
      '05 64 0E C4 03 00 04 00 66 82' + // header: length 14, control 0xc4, dst 3, src 4, CRC
        ' C0 C0 02 0A 01 00 02 02 00 27 C0',
    ],
    expect: {
      function_code: 2,
      function: 'write',
      source: 4,
      destination: 3,
      objects: ['g10v1 q00 2-2'],
    },
  },
  {
    name: 'write last recorded time (g50v3)',
    // ITI dnp3/lan_time_sync.pcap frame 3
    frames: [
      '05 64 12 C4 04 00 03 00 1E 7C' + // header: length 18, control 0xc4, dst 4, src 3, CRC
        ' C9 CA 02 32 03 07 01 9F 0D 83 52 4C 01 EB 2C',
    ],
    expect: {
      function_code: 2,
      function: 'write',
      source: 3,
      destination: 4,
      objects: ['g50v3 q07 count 1'],
    },
  },
  {
    name: 'select CROB (g12v1, 2-octet count and index)',
    // ITI bro/dnp3/dnp3.pcap frame 185
    frames: [
      '05 64 1A C4 04 00 03 00 C2 E6' + // header: length 26, control 0xc4, dst 4, src 3, CRC
        ' D2 C3 03 0C 01 28 01 00 9F 86 03 01 64 00 00 00 EC 41' +
        ' 64 00 00 00 00 00 5B',
    ],
    expect: {
      function_code: 3,
      function: 'select',
      source: 3,
      destination: 4,
      objects: ['g12v1 q28 count 1'],
    },
  },
  {
    name: 'select CROB (g12v1, 1-octet count and index)',
    // icsnpp-dnp3/testing/traces/dnp3_example.pcap frame 292
    frames: [
      '05 64 18 C4 05 00 64 00 FE DD' + // header: length 24, control 0xc4, dst 5, src 100, CRC
        ' CC C7 03 0C 01 17 01 08 42 01 F4 01 00 00 00 00 D2 FD' +
        ' 00 00 00 FF FF',
    ],
    expect: {
      function_code: 3,
      function: 'select',
      source: 100,
      destination: 5,
      objects: ['g12v1 q17 count 1'],
    },
  },
  {
    name: 'operate CROB',
    // ITI bro/dnp3/dnp3_select_operate.pcap frame 7
    frames: [
      '05 64 1A C4 02 00 03 00 40 F2' + // header: length 26, control 0xc4, dst 2, src 3, CRC
        ' C7 C8 04 0C 01 28 01 00 01 00 03 01 64 00 00 00 A9 CF' +
        ' 64 00 00 00 00 00 5B',
    ],
    expect: {
      function_code: 4,
      function: 'operate',
      source: 3,
      destination: 2,
      objects: ['g12v1 q28 count 1'],
    },
  },
  {
    name: 'direct operate CROB',
    // ITI dnp3/auth_control_challenge_response.pcap frame 1
    frames: [
      '05 64 1A C4 04 00 03 00 C2 E6' + // header: length 26, control 0xc4, dst 4, src 3, CRC
        ' C7 C6 05 0C 01 28 01 00 01 00 03 01 64 00 00 00 3B 7F' +
        ' 64 00 00 00 00 00 5B',
    ],
    expect: {
      function_code: 5,
      function: 'direct_operate',
      source: 3,
      destination: 4,
      objects: ['g12v1 q28 count 1'],
    },
  },
  {
    name: 'direct operate analog output (g41v2)',
    // ITI dnp3/direct_operate_analog_output.pcap frame 1
    frames: [
      '05 64 12 C4 04 00 03 00 1E 7C' + // header: length 18, control 0xc4, dst 4, src 3, CRC
        ' EE C2 05 29 02 28 01 00 01 00 00 00 00 7D D0',
    ],
    expect: {
      function_code: 5,
      function: 'direct_operate',
      source: 3,
      destination: 4,
      objects: ['g41v2 q28 count 1'],
    },
  },
  {
    name: 'direct operate in secure authentication aggressive mode (g120v3, g12v1, g120v9)',
    // ITI dnp3/operate_aggressive_mode.pcap frame 1
    frames: [
      '05 64 3A C4 04 00 03 00 40 17' + // header: length 58, control 0xc4, dst 4, src 3, CRC
        ' D3 CC 05 78 03 07 01 09 00 00 00 01 00 0C 01 28 1E 6D' +
        ' 01 00 01 00 03 01 64 00 00 00 64 00 00 00 00 78 45 4B' +
        ' 09 5B 01 10 00 BA 8D B4 4D 5E 72 CD 0A D4 18 E5 A3 02' +
        ' E4 15 25 68 67 BE D2',
    ],
    expect: {
      function_code: 5,
      function: 'direct_operate',
      source: 3,
      destination: 4,
      objects: ['g120v3 q07 count 1', 'g12v1 q28 count 1', 'g120v9 q5b count 1'],
    },
  },
  {
    name: 'direct operate no ack CROB',
    // ITI dnp3/direct_operate_no_ack_crob.pcap frame 1
    frames: [
      '05 64 1A C4 04 00 03 00 C2 E6' + // header: length 26, control 0xc4, dst 4, src 3, CRC
        ' D0 CE 06 0C 01 28 01 00 01 00 03 01 64 00 00 00 E0 96' +
        ' 64 00 00 00 00 00 5B',
    ],
    expect: {
      function_code: 6,
      function: 'direct_operate_no_ack',
      source: 3,
      destination: 4,
      objects: ['g12v1 q28 count 1'],
    },
  },
  {
    name: 'direct operate with a CROB count past the fragment (tshark: malformed)',
    // ITI dnp3/direct_operate_crob_malform_but_good_crc.pcap frame 1
    frames: [
      '05 64 1A C4 04 00 03 00 C2 E6' + // header: length 26, control 0xc4, dst 4, src 3, CRC
        ' E2 CA 05 0C 01 28 02 00 01 00 02 01 64 00 00 00 57 AB' +
        ' 64 00 00 00 00 00 5B',
    ],
    expect: {
      function_code: 5,
      function: 'direct_operate',
      source: 3,
      destination: 4,
      objects: ['g12v1 q28 count 2'],
      note: 'OTS_DNP3_OBJECT_TRUNCATED',
    },
  },
  {
    name: 'immediate freeze all counters (g20v0)',
    // ITI dnp3/immediate_freeze.pcap frame 1
    frames: [
      '05 64 0B C4 04 00 03 00 E4 2B' + // header: length 11, control 0xc4, dst 4, src 3, CRC
        ' F1 C2 07 14 00 06 D0 B8',
    ],
    expect: {
      function_code: 7,
      function: 'immediate_freeze',
      source: 3,
      destination: 4,
      objects: ['g20v0 q06 all'],
    },
  },
  {
    name: 'cold restart',
    // ITI bro/dnp3/dnp3.pcap frame 70
    frames: [
      '05 64 08 C4 04 00 03 00 B4 B8' + // header: length 8, control 0xc4, dst 4, src 3, CRC
        ' CD C3 0D AF 84',
    ],
    expect: {
      function_code: 13,
      function: 'cold_restart',
      source: 3,
      destination: 4,
      objects: [],
    },
  },
  {
    name: 'warm restart',
    // ITI bro/dnp3/dnp3.pcap frame 143
    frames: [
      '05 64 08 C4 04 00 03 00 B4 B8' + // header: length 8, control 0xc4, dst 4, src 3, CRC
        ' C8 C8 0E 2A 7E',
    ],
    expect: {
      function_code: 14,
      function: 'warm_restart',
      source: 3,
      destination: 4,
      objects: [],
    },
  },
  {
    name: 'enable unsolicited classes 1-3',
    // ITI bro/dnp3/dnp3.pcap frame 37
    frames: [
      '05 64 11 C4 04 00 03 00 4E EF' + // header: length 17, control 0xc4, dst 4, src 3, CRC
        ' C2 C2 14 3C 02 06 3C 03 06 3C 04 06 D3 2F',
    ],
    expect: {
      function_code: 20,
      function: 'enable_unsolicited',
      source: 3,
      destination: 4,
      objects: ['g60v2 q06 all', 'g60v3 q06 all', 'g60v4 q06 all'],
    },
  },
  {
    name: 'disable unsolicited classes 1-3',
    // ITI bro/dnp3/dnp3.pcap frame 11
    frames: [
      '05 64 11 C4 04 00 03 00 4E EF' + // header: length 17, control 0xc4, dst 4, src 3, CRC
        ' C2 C2 15 3C 02 06 3C 03 06 3C 04 06 B1 EC',
    ],
    expect: {
      function_code: 21,
      function: 'disable_unsolicited',
      source: 3,
      destination: 4,
      objects: ['g60v2 q06 all', 'g60v3 q06 all', 'g60v4 q06 all'],
    },
  },
  {
    name: 'assign class 2 to all binary inputs',
    // ITI dnp3/assign_class.pcap frame 1
    frames: [
      '05 64 0E C4 04 00 03 00 6D D3' + // header: length 14, control 0xc4, dst 4, src 3, CRC
        ' F2 C3 16 3C 03 06 01 00 06 70 B4',
    ],
    expect: {
      function_code: 22,
      function: 'assign_class',
      source: 3,
      destination: 4,
      objects: ['g60v3 q06 all', 'g1v0 q06 all'],
    },
  },
  {
    name: 'delay measure',
    // ITI bro/dnp3/dnp3_del_measure.pcap frame 4
    frames: [
      '05 64 08 C4 02 00 03 00 36 AC' + // header: length 8, control 0xc4, dst 2, src 3, CRC
        ' E3 C4 17 4B 5A',
    ],
    expect: {
      function_code: 23,
      function: 'delay_measure',
      source: 3,
      destination: 2,
      objects: [],
    },
  },
  {
    name: 'record current time',
    // ITI bro/dnp3/dnp3_rec_time.pcap frame 4
    frames: [
      '05 64 08 C4 02 00 03 00 36 AC' + // header: length 8, control 0xc4, dst 2, src 3, CRC
        ' E0 C1 18 14 90',
    ],
    expect: {
      function_code: 24,
      function: 'record_current_time',
      source: 3,
      destination: 2,
      objects: [],
    },
  },
  {
    name: 'open file (g70v3)',
    // ITI bro/dnp3/dnp3_file_read.pcap frame 4
    frames: [
      '05 64 32 C4 04 00 03 00 9C 8D' + // header: length 50, control 0xc4, dst 4, src 3, CRC
        ' F7 CE 19 46 03 5B 01 24 00 1A 00 0A 00 00 00 00 B3 C5' +
        ' 00 00 00 00 00 00 00 00 00 00 00 00 00 01 00 00 47 E6' +
        ' 04 04 00 2E 2F 74 65 73 74 2E 78 6D 6C ED 8F',
    ],
    expect: {
      function_code: 25,
      function: 'open_file',
      source: 3,
      destination: 4,
      objects: ['g70v3 q5b count 1'],
    },
  },
  {
    name: 'close file (g70v4)',
    // ITI bro/dnp3/dnp3_file_read.pcap frame 24
    frames: [
      '05 64 1B C4 04 00 03 00 25 53' + // header: length 27, control 0xc4, dst 4, src 3, CRC
        ' FC C2 1A 46 04 5B 01 0D 00 78 56 34 12 00 00 00 5D 20' +
        ' 00 00 00 05 00 00 A7 80',
    ],
    expect: {
      function_code: 26,
      function: 'close_file',
      source: 3,
      destination: 4,
      objects: ['g70v4 q5b count 1'],
    },
  },
  {
    name: 'delete file (g70v3)',
    // ITI bro/dnp3/dnp3_file_del.pcap frame 4
    frames: [
      '05 64 63 C4 04 00 03 00 C7 EE' + // header: length 99, control 0xc4, dst 4, src 3, CRC
        ' C7 C9 1B 46 03 5B 01 55 00 1A 00 3B 00 00 00 00 9E C7' +
        ' 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF FF' +
        ' 00 1E 00 43 3A 2F 74 65 6D 70 2F 44 4E 50 44 65 67 7D' +
        ' 76 69 63 65 43 6F 6E 66 69 67 75 72 61 74 69 6F 93 0C' +
        ' 6E 20 77 72 69 74 74 65 6E 20 74 6F 20 52 65 6D 35 20' +
        ' 6F 74 65 20 44 65 76 69 63 65 2E 78 6D 6C C4 8B',
    ],
    expect: {
      function_code: 27,
      function: 'delete_file',
      source: 3,
      destination: 4,
      objects: ['g70v3 q5b count 1'],
    },
  },
  {
    name: 'authentication request: session key status request (g120v4)',
    // ITI dnp3/auth_change_session_keys.pcap frame 4
    frames: [
      '05 64 0E C4 04 00 03 00 6D D3' + // header: length 14, control 0xc4, dst 4, src 3, CRC
        ' C0 C1 20 78 04 07 01 01 00 9E 40',
    ],
    expect: {
      function_code: 32,
      function: 'authentication_request',
      source: 3,
      destination: 4,
      objects: ['g120v4 q07 count 1'],
    },
  },
  {
    name: 'authentication request: challenge reply (g120v2)',
    // ITI dnp3/auth_control_challenge_response.pcap frame 3
    frames: [
      '05 64 24 C4 04 00 03 00 84 9E' + // header: length 36, control 0xc4, dst 4, src 3, CRC
        ' C8 C6 20 78 02 5B 01 16 00 03 00 00 00 01 00 06 C2 95' +
        ' FA E1 91 1A 2C CE 2D DA 8A BF EC E1 CA C8 C4 14 F5',
    ],
    expect: {
      function_code: 32,
      function: 'authentication_request',
      source: 3,
      destination: 4,
      objects: ['g120v2 q5b count 1'],
    },
  },
  {
    name: 'stop application with a reserved qualifier (a Zeek test mutation)',
    // ITI bro/dnp3/dnp3.pcap frame 163
    frames: [
      '05 64 11 C4 04 00 03 00 4E EF' + // header: length 17, control 0xc4, dst 4, src 3, CRC
        ' C1 C1 12 3C 02 06 01 07 06 3C 04 ED 87 63',
    ],
    expect: {
      function_code: 18,
      function: 'stop_application',
      source: 3,
      destination: 4,
      objects: ['g60v2 q06 all', 'g1v7 q06 all'],
      note: 'OTS_DNP3_BAD_QUALIFIER',
    },
  },
];

/** Responses (129), unsolicited responses (130) and authentication responses (131). */
export const RESPONSE_VECTORS: readonly Dnp3Vector[] = [
  {
    name: 'null response',
    // ITI bro/dnp3/dnp3.pcap frame 9
    frames: [
      '05 64 0A 44 03 00 04 00 7C AE' + // header: length 10, control 0x44, dst 3, src 4, CRC
        ' E7 C1 81 00 00 3B DB',
    ],
    expect: {
      function_code: 129,
      function: 'response',
      source: 4,
      destination: 3,
      objects: [],
      iin: [],
    },
  },
  {
    name: 'delay measure response (g52v2 fine time delay)',
    // ITI bro/dnp3/dnp3.pcap frame 71
    frames: [
      '05 64 10 44 03 00 04 00 D6 6A' + // header: length 16, control 0x44, dst 3, src 4, CRC
        ' D6 C3 81 00 00 34 02 07 01 88 13 73 FB',
    ],
    expect: {
      function_code: 129,
      function: 'response',
      source: 4,
      destination: 3,
      objects: ['g52v2 q07 count 1'],
      iin: [],
    },
  },
  {
    name: 'class 0 response: binary inputs, outputs, counters, frozen counters, analog inputs',
    // ITI bro/dnp3/dnp3.pcap frame 91
    frames: [
      '05 64 4E 44 03 00 04 00 6F 4D' + // header: length 78, control 0x44, dst 3, src 4, CRC
        ' D8 C5 81 00 00 01 01 00 00 05 02 0A 02 00 00 05 AC 11' +
        ' 01 01 01 01 01 01 14 05 00 00 00 00 00 00 00 15 4E 0D' +
        ' 09 00 00 00 00 00 00 00 1E 03 00 00 06 C5 00 00 F0 FF' +
        ' 00 C7 00 00 00 C8 00 00 00 01 00 00 00 25 1C 00 68 AC' +
        ' 00 0E 1C 00 00 10 1C 00 00 2A 73',
    ],
    expect: {
      function_code: 129,
      function: 'response',
      source: 4,
      destination: 3,
      objects: ['g1v1 q00 0-5', 'g10v2 q00 0-5', 'g20v5 q00 0-0', 'g21v9 q00 0-0', 'g30v3 q00 0-6'],
      iin: [],
    },
  },
  {
    name: 'select response echoing the CROB',
    // ITI bro/dnp3/dnp3.pcap frame 186
    frames: [
      '05 64 1C 44 03 00 04 00 64 BD' + // header: length 28, control 0x44, dst 3, src 4, CRC
        ' F9 C3 81 00 04 0C 01 28 01 00 9F 86 03 01 64 00 ED 30' +
        ' 00 00 64 00 00 00 04 78 82',
    ],
    expect: {
      function_code: 129,
      function: 'response',
      source: 4,
      destination: 3,
      objects: ['g12v1 q28 count 1'],
      iin: ['parameter_error'],
    },
  },
  {
    name: 'delete file response (g70v4 file command status)',
    // ITI bro/dnp3/dnp3_file_del.pcap frame 6
    frames: [
      '05 64 1D 44 03 00 04 00 83 08' + // header: length 29, control 0x44, dst 3, src 4, CRC
        ' C0 C9 81 00 00 46 04 5B 01 0D 00 00 00 00 00 00 B8 2F' +
        ' 00 00 00 00 00 1E 00 00 56 B1',
    ],
    expect: {
      function_code: 129,
      function: 'response',
      source: 4,
      destination: 3,
      objects: ['g70v4 q5b count 1'],
      iin: [],
    },
  },
  {
    name: 'device attributes response (g0v213, g0v215)',
    // ITI dnp3/dataset_exchange.pcap frame 2
    frames: [
      '05 64 20 44 03 00 04 00 95 E3' + // header: length 32, control 0x44, dst 3, src 4, CRC
        ' C8 C5 81 00 00 00 D5 00 00 00 02 04 01 00 00 00 60 7A' +
        ' 00 D7 00 00 00 02 04 03 00 00 00 78 9F',
    ],
    expect: {
      function_code: 129,
      function: 'response',
      source: 4,
      destination: 3,
      objects: ['g0v213 q00 0-0', 'g0v215 q00 0-0'],
      iin: [],
    },
  },
  {
    name: 'data set prototype response (g85v1)',
    // ITI dnp3/dataset_exchange.pcap frame 4
    frames: [
      '05 64 B5 44 03 00 04 00 5E 72' + // header: length 181, control 0x44, dst 3, src 4, CRC
        ' C9 C6 81 00 00 55 01 5B 01 A5 00 04 01 00 00 00 1A 6A' +
        ' 13 02 00 00 C2 F4 10 10 65 B3 11 D1 A2 9F 00 AA 18 42' +
        ' 00 C1 5A 82 15 03 00 00 45 61 72 74 68 20 52 65 7D CB' +
        ' 6C 61 79 69 6E 67 20 4F 72 67 0F 04 00 00 46 65 C4 39' +
        ' 65 64 65 72 20 46 61 75 6C 74 10 05 04 08 43 75 D3 32' +
        ' 72 72 65 6E 74 20 50 68 73 20 41 10 05 04 08 43 46 B1' +
        ' 75 72 72 65 6E 74 20 50 68 73 20 42 10 05 04 08 F8 96' +
        ' 43 75 72 72 65 6E 74 20 50 68 73 20 43 0F 05 04 FA 29' +
        ' 08 43 75 72 72 65 6E 74 20 47 72 6E 64 0B 05 06 C4 19' +
        ' 02 54 72 69 67 67 65 72 73 0E 05 01 08 46 61 75 D8 DA' +
        ' 6C 74 20 43 6C 61 73 73 07 05 02 04 44 69 73 74 D1 01',
    ],
    expect: {
      function_code: 129,
      function: 'response',
      source: 4,
      destination: 3,
      objects: ['g85v1 q5b count 1'],
      iin: [],
    },
  },
  {
    name: 'integrity poll response in two transport segments',
    // ITI dnp3/full_exchange.pcap frames 14, 16: 2 link frames, one fragment
    frames: [
      '05 64 FF 44 01 00 0A 00 5A EB' + // header: length 255, control 0x44, dst 1, src 10, CRC
        ' 43 C2 81 00 00 01 02 00 00 09 02 02 02 02 02 02 40 46' +
        ' 02 02 02 02 03 02 00 00 09 02 02 02 02 02 02 02 70 DA' +
        ' 02 02 02 14 01 00 00 09 02 00 00 00 00 02 00 00 E3 0B' +
        ' 00 00 02 00 00 00 00 02 00 00 00 00 02 00 00 00 4D BA' +
        ' 00 02 00 00 00 00 02 00 00 00 00 02 00 00 00 00 7E AE' +
        ' 02 00 00 00 00 02 00 00 00 00 15 01 00 00 09 02 D3 42' +
        ' 00 00 00 00 02 00 00 00 00 02 00 00 00 00 02 00 69 CE' +
        ' 00 00 00 02 00 00 00 00 02 00 00 00 00 02 00 00 DD 5E' +
        ' 00 00 02 00 00 00 00 02 00 00 00 00 02 00 00 00 4D BA' +
        ' 00 1E 01 00 00 09 02 00 00 00 00 02 00 00 00 00 CD 63' +
        ' 02 00 00 00 00 02 00 00 00 00 02 00 00 00 00 02 F0 03' +
        ' 00 00 00 00 02 00 00 00 00 02 00 00 00 00 02 00 69 CE' +
        ' 00 00 00 02 00 00 00 00 0A 02 00 00 09 02 02 02 17 10' +
        ' 02 02 02 02 02 02 02 28 01 00 00 09 02 00 00 00 58 E4' +
        ' 00 02 00 00 00 00 02 00 00 00 00 02 00 00 00 00 7E AE' +
        ' 02 00 00 00 00 02 00 00 00 00 4E 72',
      '05 64 1A 44 01 00 0A 00 AF 5D' + // header: length 26, control 0x44, dst 1, src 10, CRC
        ' 84 02 00 00 00 00 02 00 00 00 00 02 00 00 00 00 3B E2' +
        ' 02 00 00 00 00 F3 B9',
    ],
    expect: {
      function_code: 129,
      function: 'response',
      source: 10,
      destination: 1,
      objects: [
        'g1v2 q00 0-9',
        'g3v2 q00 0-9',
        'g20v1 q00 0-9',
        'g21v1 q00 0-9',
        'g30v1 q00 0-9',
        'g10v2 q00 0-9',
        'g40v1 q00 0-9',
      ],
      iin: [],
    },
  },
  {
    name: 'unsolicited null response at restart',
    // ITI bro/dnp3/dnp3.pcap frame 4
    frames: [
      '05 64 0A 44 03 00 04 00 7C AE' + // header: length 10, control 0x44, dst 3, src 4, CRC
        ' E6 F7 82 10 00 4F BD',
    ],
    expect: {
      function_code: 130,
      function: 'unsolicited_response',
      source: 4,
      destination: 3,
      objects: [],
      iin: ['need_time'],
    },
  },
  {
    name: 'unsolicited events: CTO, binary input events with relative time, analog input events',
    // ITI bro/dnp3/dnp3.pcap frame 40
    frames: [
      '05 64 4C 44 03 00 04 00 D8 6B' + // header: length 76, control 0x44, dst 3, src 4, CRC
        ' CC F3 82 00 00 33 01 07 01 E2 43 7D 87 FF 00 02 F8 C3' +
        ' 03 28 05 00 00 00 01 00 00 01 00 81 00 00 02 00 59 89' +
        ' 81 00 00 00 00 81 F3 03 01 00 01 F3 03 20 01 28 3B 46' +
        ' 03 00 00 00 01 00 00 00 00 01 00 01 00 00 00 00 E8 B9' +
        ' 02 00 01 00 00 00 00 3D 62',
    ],
    expect: {
      function_code: 130,
      function: 'unsolicited_response',
      source: 4,
      destination: 3,
      objects: ['g51v1 q07 count 1', 'g2v3 q28 count 5', 'g32v1 q28 count 3'],
      iin: [],
    },
  },
  {
    name: 'unsolicited counter events (g22v1)',
    // suricata-verify/tests/dnp3/dnp3-eve/input.pcap frame 28
    frames: [
      '05 64 16 44 01 00 0A 00 1D 8A' + // header: length 22, control 0x44, dst 1, src 10, CRC
        ' C8 F1 82 00 00 16 01 28 01 00 00 00 01 00 00 00 15 AB' +
        ' 00 FF FF',
    ],
    expect: {
      function_code: 130,
      function: 'unsolicited_response',
      source: 10,
      destination: 1,
      objects: ['g22v1 q28 count 1'],
      iin: [],
    },
  },
  {
    name: 'unsolicited analog input events, float with time (g32v7)',
    // suricata-verify/tests/dnp3/dnp3-eve/input.pcap frame 115
    frames: [
      '05 64 1C 44 01 00 0A 00 76 36' + // header: length 28, control 0x44, dst 1, src 10, CRC
        ' DF FD 82 00 00 20 07 28 01 00 00 00 01 00 00 00 F6 FC' +
        ' 00 00 00 00 00 00 00 FF FF',
    ],
    expect: {
      function_code: 130,
      function: 'unsolicited_response',
      source: 10,
      destination: 1,
      objects: ['g32v7 q28 count 1'],
      iin: [],
    },
  },
  {
    name: 'authentication response: challenge (g120v1)',
    // ITI dnp3/auth_control_challenge_response.pcap frame 2
    frames: [
      '05 64 1C 44 03 00 04 00 64 BD' + // header: length 28, control 0x44, dst 3, src 4, CRC
        ' C7 C6 83 90 00 78 01 5B 01 0C 00 03 00 00 00 00 92 87' +
        ' 00 04 01 73 74 65 76 8D 5C',
    ],
    expect: {
      function_code: 131,
      function: 'authentication_response',
      source: 4,
      destination: 3,
      objects: ['g120v1 q5b count 1'],
      iin: ['need_time', 'device_restart'],
    },
  },
  {
    name: 'authentication response: session key status (g120v5)',
    // ITI dnp3/auth_change_session_keys.pcap frame 5
    frames: [
      '05 64 1F 44 03 00 04 00 34 2E' + // header: length 31, control 0x44, dst 3, src 4, CRC
        ' C0 C1 83 90 00 78 05 5B 01 0F 00 01 00 00 00 01 89 26' +
        ' 00 01 02 00 04 00 73 74 65 76 6E 8D',
    ],
    expect: {
      function_code: 131,
      function: 'authentication_response',
      source: 4,
      destination: 3,
      objects: ['g120v5 q5b count 1'],
      iin: ['need_time', 'device_restart'],
    },
  },
];

/** Over UDP, and fragments whose transport sequence wraps. */
export const TRANSPORT_VECTORS: readonly Dnp3Vector[] = [
  {
    name: 'select CROB over UDP',
    udp: true,
    // zeek/testing/btest/Traces/dnp3/dnp3_udp_select_operate.pcap frame 1
    frames: [
      '05 64 1A C4 01 00 64 00 62 27' + // header: length 26, control 0xc4, dst 1, src 100, CRC
        ' C7 C9 03 0C 01 28 01 00 01 00 03 01 64 00 00 00 61 19' +
        ' 64 00 00 00 00 00 5B',
    ],
    expect: {
      function_code: 3,
      function: 'select',
      source: 100,
      destination: 1,
      objects: ['g12v1 q28 count 1'],
    },
  },
  {
    name: 'response over UDP in three datagrams (binary output status g10v2)',
    udp: true,
    // zeek/testing/btest/Traces/dnp3/dnp3_udp_select_operate.pcap frames 6, 7, 8: 3 link frames, one fragment
    frames: [
      '05 64 FF 44 64 00 01 00 FF 2F' + // header: length 255, control 0x44, dst 100, src 1, CRC
        ' 72 CB 81 90 00 0A 02 01 00 00 FF 01 01 81 01 01 BC B8' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 8D 7B',
      '05 64 FF 44 64 00 01 00 FF 2F' + // header: length 255, control 0x44, dst 100, src 1, CRC
        ' 33 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 3D F5' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 8D 7B',
      '05 64 1F 44 64 00 01 00 83 61' + // header: length 31, control 0x44, dst 100, src 1, CRC
        ' B4 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 EC 6F' +
        ' 01 01 01 01 01 01 01 01 01 01 8D 7B',
    ],
    expect: {
      function_code: 129,
      function: 'response',
      source: 1,
      destination: 100,
      objects: ['g10v2 q01 0-511'],
      iin: ['need_time', 'device_restart'],
    },
  },
  {
    name: 'response whose transport sequence wraps from 63 to 0 (tshark does not reassemble it)',
    // icsnpp-dnp3/testing/traces/dnp3_example.pcap frames 17, 18: 2 link frames, one fragment
    frames: [
      '05 64 FF 44 64 00 05 00 35 18' + // header: length 255, control 0x44, dst 100, src 5, CRC
        ' 7F C8 81 00 00 01 02 00 00 77 81 01 01 01 01 01 1E 0E' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 BB C3' +
        ' 01 01 01 01 01 01 01 01 01 01 00 00 00 00 00 00 1A 13' +
        ' 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF FF' +
        ' 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF FF' +
        ' 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF FF' +
        ' 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF FF' +
        ' 00 00 0A 02 00 00 21 00 00 00 00 00 00 00 00 00 85 77' +
        ' 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF FF' +
        ' 00 00 00 00 00 00 00 00 00 1E 02 00 00 13 00 C0 88 FC' +
        ' 03 00 DF 04 00 D3 04 00 E7 04 00 70 03 00 46 05 72 0E' +
        ' 00 66 03 00 00 00 00 00 00 00 00 00 00 00 00 00 A4 9D' +
        ' 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF FF' +
        ' 00 00 00 00 00 00 00 00 00 00 28 02 00 00 13 00 2E BD' +
        ' 00 00 00 00 00 00 00 00 00 00 FF FF',
      '05 64 37 44 64 00 05 00 17 3D' + // header: length 55, control 0x44, dst 100, src 5, CRC
        ' 80 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 F3 C8' +
        ' 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF FF' +
        ' 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF FF' +
        ' 00 00 FF FF',
    ],
    expect: {
      function_code: 129,
      function: 'response',
      source: 5,
      destination: 100,
      objects: ['g1v2 q00 0-119', 'g10v2 q00 0-33', 'g30v2 q00 0-19', 'g40v2 q00 0-19'],
      iin: [],
    },
  },
  {
    name: 'unsolicited binary input events with absolute time (g2v2, 1-octet count)',
    // icsnpp-dnp3/testing/traces/dnp3_example.pcap frame 422
    frames: [
      '05 64 AE 44 64 00 05 00 6E 7B' + // header: length 174, control 0x44, dst 100, src 5, CRC
        ' F8 F3 82 00 00 02 02 17 14 04 81 AB 0F BC C4 70 B5 9B' +
        ' 01 05 81 AD 0F BC C4 70 01 06 81 0A 10 BC C4 70 D9 15' +
        ' 01 01 81 F0 10 BC C4 70 01 03 81 54 11 BC C4 70 89 44' +
        ' 01 02 81 56 11 BC C4 70 01 04 01 09 17 BC C4 70 92 30' +
        ' 01 06 01 0B 17 BC C4 70 01 05 01 3A 18 BC C4 70 E3 12' +
        ' 01 00 01 1E 19 BC C4 70 01 01 01 E8 19 BC C4 70 F7 E4' +
        ' 01 02 01 AE 1A BC C4 70 01 03 01 0E 1B BC C4 70 37 62' +
        ' 01 06 81 E2 1E BC C4 70 01 04 81 E6 1E BC C4 70 B1 24' +
        ' 01 05 81 E8 1E BC C4 70 01 00 81 2A 20 BC C4 70 16 B6' +
        ' 01 01 81 30 20 BC C4 70 01 02 81 31 20 BC C4 70 E8 CE' +
        ' 01 03 81 8B 20 BC C4 70 01 E3 37',
    ],
    expect: {
      function_code: 130,
      function: 'unsolicited_response',
      source: 5,
      destination: 100,
      objects: ['g2v2 q17 count 20'],
      iin: [],
    },
  },
];

/**
 * Function codes no capture holds, built to IEEE 1815-2012 (master 1 to outstation 10). tshark
 * 4.0 decodes each with the function code named here and correct CRCs; it names 33 after
 * IEEE 1815-2010, "Authentication Error".
 */
export const SYNTHETIC_VECTORS: readonly Dnp3Vector[] = [
  {
    name: 'immediate freeze no ack',
    // built for this test
    frames: [
      '05 64 0B C4 0A 00 01 00 AC D1' + // header: length 11, control 0xc4, dst 10, src 1, CRC
        ' C0 C0 08 14 00 06 3D E1',
    ],
    expect: {
      function_code: 8,
      function: 'immediate_freeze_no_ack',
      source: 1,
      destination: 10,
      objects: ['g20v0 q06 all'],
    },
  },
  {
    name: 'freeze and clear',
    // built for this test
    frames: [
      '05 64 0B C4 0A 00 01 00 AC D1' + // header: length 11, control 0xc4, dst 10, src 1, CRC
        ' C1 C1 09 14 00 06 34 B5',
    ],
    expect: {
      function_code: 9,
      function: 'freeze_and_clear',
      source: 1,
      destination: 10,
      objects: ['g20v0 q06 all'],
    },
  },
  {
    name: 'freeze and clear no ack',
    // built for this test
    frames: [
      '05 64 0B C4 0A 00 01 00 AC D1' + // header: length 11, control 0xc4, dst 10, src 1, CRC
        ' C2 C2 0A 14 00 06 2F 49',
    ],
    expect: {
      function_code: 10,
      function: 'freeze_and_clear_no_ack',
      source: 1,
      destination: 10,
      objects: ['g20v0 q06 all'],
    },
  },
  {
    name: 'freeze at time',
    // built for this test
    frames: [
      '05 64 19 C4 0A 00 01 00 DA 8F' + // header: length 25, control 0xc4, dst 10, src 1, CRC
        ' C3 C3 0B 32 02 07 01 00 68 E5 CF 8B 01 60 EA 00 E3 3A' +
        ' 00 14 00 06 22 FA',
    ],
    expect: {
      function_code: 11,
      function: 'freeze_at_time',
      source: 1,
      destination: 10,
      objects: ['g50v2 q07 count 1', 'g20v0 q06 all'],
    },
  },
  {
    name: 'freeze at time no ack',
    // built for this test
    frames: [
      '05 64 19 C4 0A 00 01 00 DA 8F' + // header: length 25, control 0xc4, dst 10, src 1, CRC
        ' C4 C4 0C 32 02 07 01 00 68 E5 CF 8B 01 60 EA 00 DF 68' +
        ' 00 14 00 06 22 FA',
    ],
    expect: {
      function_code: 12,
      function: 'freeze_at_time_no_ack',
      source: 1,
      destination: 10,
      objects: ['g50v2 q07 count 1', 'g20v0 q06 all'],
    },
  },
  {
    name: 'initialize data',
    // built for this test
    frames: [
      '05 64 08 C4 0A 00 01 00 FC 42' + // header: length 8, control 0xc4, dst 10, src 1, CRC
        ' C5 C5 0F FC 09',
    ],
    expect: {
      function_code: 15,
      function: 'initialize_data',
      source: 1,
      destination: 10,
      objects: [],
    },
  },
  {
    name: 'initialize application',
    // built for this test
    frames: [
      '05 64 16 C4 0A 00 01 00 38 CB' + // header: length 22, control 0xc4, dst 10, src 1, CRC
        ' C6 C6 10 5A 01 5B 01 08 00 70 75 6D 70 2D 63 74 E3 35' +
        ' 6C FF A3',
    ],
    expect: {
      function_code: 16,
      function: 'initialize_application',
      source: 1,
      destination: 10,
      objects: ['g90v1 q5b count 1'],
    },
  },
  {
    name: 'start application',
    // built for this test
    frames: [
      '05 64 16 C4 0A 00 01 00 38 CB' + // header: length 22, control 0xc4, dst 10, src 1, CRC
        ' C7 C7 11 5A 01 5B 01 08 00 70 75 6D 70 2D 63 74 87 28' +
        ' 6C FF A3',
    ],
    expect: {
      function_code: 17,
      function: 'start_application',
      source: 1,
      destination: 10,
      objects: ['g90v1 q5b count 1'],
    },
  },
  {
    name: 'save configuration',
    // built for this test
    frames: [
      '05 64 08 C4 0A 00 01 00 FC 42' + // header: length 8, control 0xc4, dst 10, src 1, CRC
        ' C8 C8 13 EE DC',
    ],
    expect: {
      function_code: 19,
      function: 'save_configuration',
      source: 1,
      destination: 10,
      objects: [],
    },
  },
  {
    name: 'get file info',
    // built for this test
    frames: [
      '05 64 2A C4 0A 00 01 00 C9 95' + // header: length 42, control 0xc4, dst 10, src 1, CRC
        ' C9 C9 1C 46 07 5B 01 1C 00 14 00 08 00 01 00 00 AE 45' +
        ' 00 00 00 00 68 E5 CF 8B 01 FF 01 07 00 63 66 67 B0 38' +
        ' 2E 78 6D 6C 00 8E F1',
    ],
    expect: {
      function_code: 28,
      function: 'get_file_info',
      source: 1,
      destination: 10,
      objects: ['g70v7 q5b count 1'],
    },
  },
  {
    name: 'authenticate file',
    // built for this test
    frames: [
      '05 64 25 C4 0A 00 01 00 2B D1' + // header: length 37, control 0xc4, dst 10, src 1, CRC
        ' CA CA 1D 46 02 5B 01 17 00 0C 00 05 00 11 00 06 03 96' +
        ' 00 00 00 00 00 61 64 6D 69 6E 73 65 63 72 65 74 5F FE',
    ],
    expect: {
      function_code: 29,
      function: 'authenticate_file',
      source: 1,
      destination: 10,
      objects: ['g70v2 q5b count 1'],
    },
  },
  {
    name: 'abort file',
    // built for this test
    frames: [
      '05 64 15 C4 0A 00 01 00 68 58' + // header: length 21, control 0xc4, dst 10, src 1, CRC
        ' CB CB 1E 46 04 5B 01 07 00 78 56 34 12 07 00 00 39 BA',
    ],
    expect: {
      function_code: 30,
      function: 'abort_file',
      source: 1,
      destination: 10,
      objects: ['g70v4 q5b count 1'],
    },
  },
  {
    name: 'activate config',
    // built for this test
    frames: [
      '05 64 1C C4 0A 00 01 00 53 77' + // header: length 28, control 0xc4, dst 10, src 1, CRC
        ' CC CC 1F 46 08 5B 01 0E 00 2F 63 66 67 2F 70 6C 80 25' +
        ' 61 6E 74 2E 78 6D 6C 35 70',
    ],
    expect: {
      function_code: 31,
      function: 'activate_config',
      source: 1,
      destination: 10,
      objects: ['g70v8 q5b count 1'],
    },
  },
  {
    name: 'authentication request no ack',
    // built for this test
    frames: [
      '05 64 1D C4 0A 00 01 00 B4 C2' + // header: length 29, control 0xc4, dst 10, src 1, CRC
        ' CD CD 21 78 07 5B 01 0F 00 03 00 00 00 01 00 01 96 61' +
        ' 00 01 00 68 E5 CF 8B 01 1B 60',
    ],
    expect: {
      function_code: 33,
      function: 'authentication_request_no_ack',
      source: 1,
      destination: 10,
      objects: ['g120v7 q5b count 1'],
    },
  },
];
