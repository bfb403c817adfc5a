// Device profiles as data: what a real PLC of each model answers on the wire, so that an emulated
// PLC (the demo plant, the honeypot) is indistinguishable from one to nmap, Shodan-style scanners
// and engineering tools. One identity per device feeds every protocol it speaks, so that Modbus
// device identification and the S7 SZL records of the same PLC agree.
//
// The Modbus section belongs to the Modbus server, the S7 section to the S7 server; each is
// filled in by whoever owns that server. Never put a library's or project's name in a reply.

/** The facts about one physical device that every protocol reports in its own format. */
export interface DeviceIdentity {
  readonly vendor: string;
  /** The vendor's product family and model, e.g. "S7-1200", "Modicon M340". */
  readonly model: string;
  /** The order number (MLFB for Siemens, product reference for Schneider). */
  readonly orderNumber: string;
  /** Firmware version as the vendor writes it, e.g. "V3.0.2", "v2.7". */
  readonly firmware: string;
  readonly serialNumber: string;
}

export interface DeviceProfile {
  /** Stable id used in plant files: "siemens-s7-1200". */
  readonly id: string;
  readonly identity: DeviceIdentity;
  /** Present when the device answers Modbus/TCP. */
  readonly modbus?: ModbusProfile;
  /** Present when the device answers S7comm. */
  readonly s7?: S7Profile;
}

/** Filled in with the Modbus/TCP server. */
export interface ModbusProfile {
  /** Function codes answered; any other gets exception 01 (illegal function). */
  readonly functionCodes: readonly number[];
}

/** Filled in with the S7comm server. */
export interface S7Profile {
  /** Destination TSAPs accepted in a COTP connection request. */
  readonly acceptedTsaps: readonly number[];
}

export const DEVICE_PROFILES: readonly DeviceProfile[] = [
  {
    id: 'siemens-s7-1200',
    identity: {
      vendor: 'Siemens',
      model: 'S7-1200',
      orderNumber: '6ES7 214-1AG31-0XB0',
      firmware: 'V3.0.2',
      serialNumber: 'S C-X4U421302009',
    },
    modbus: { functionCodes: [1, 2, 3, 4, 5, 6, 15, 16] },
    s7: { acceptedTsaps: [0x0101, 0x0102, 0x0200, 0x0201, 0x0300, 0x0301] },
  },
  {
    id: 'siemens-s7-300',
    identity: {
      vendor: 'Siemens',
      model: 'S7-300',
      orderNumber: '6ES7 315-2AG10-0AB0',
      firmware: 'V2.6.9',
      serialNumber: 'S C-C2UR28922012',
    },
    s7: { acceptedTsaps: [0x0102, 0x0202, 0x0302] },
  },
  {
    id: 'schneider-m340',
    identity: {
      vendor: 'Schneider Electric',
      model: 'Modicon M340',
      orderNumber: 'BMX P34 2020',
      firmware: 'v2.7',
      serialNumber: '21120A0B3C',
    },
    modbus: { functionCodes: [1, 2, 3, 4, 5, 6, 15, 16, 17, 23, 43, 90] },
  },
  {
    id: 'schneider-m221',
    identity: {
      vendor: 'Schneider Electric',
      model: 'Modicon M221',
      orderNumber: 'TM221CE16R',
      firmware: 'v1.6.2.0',
      serialNumber: '8A1F2C0041',
    },
    modbus: { functionCodes: [1, 2, 3, 4, 5, 6, 15, 16, 23, 43, 90] },
  },
];

/** The profile with this id, or undefined. */
export function deviceProfile(id: string): DeviceProfile | undefined {
  return DEVICE_PROFILES.find((profile) => profile.id === id);
}
