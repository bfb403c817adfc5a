// What an S7 server (the honeypot, the emulated S7-1200) answers, built byte-exactly the way real
// CPUs answer: COTP connection confirm, setup communication, read/write var, SZL reads with the
// 12-byte userdata parameter, clock, password, PLC stop and PI service acks, and error answers.
import { encodeCotp } from './cotp.js';
import type { CotpConnection, CotpTpdu } from './cotp.js';
import { COTP_CALLED_TSAP, COTP_CALLING_TSAP, COTP_TPDU_SIZE, cotpParameter } from './cotp.js';
import type { DataItem } from './data-item.js';
import type { SetupCommunication } from './functions/setup-communication.js';
import { ROSCTR_ACK, ROSCTR_ACK_DATA, ROSCTR_USERDATA } from './header.js';
import type { S7PduInit } from './pdu.js';
import { encodeS7Pdu } from './pdu.js';
import { encodeTpkt } from './tpkt.js';
import type { UserdataParameter } from './userdata/parameter.js';
import {
  GROUP_CPU,
  GROUP_SECURITY,
  GROUP_TIME,
  userdataResponseParameter,
} from './userdata/parameter.js';
import { SUBFUNCTION_PLC_PASSWORD } from './userdata/password.js';
import type { SzlRecord } from './userdata/szl.js';
import { SUBFUNCTION_READ_SZL, szlResponse } from './userdata/szl.js';
import type { S7Timestamp } from './userdata/timestamp.js';
import type { UserdataBody } from './userdata/userdata.js';
import { DATA_RETURN_NO_DATA, DATA_RETURN_SUCCESS } from './userdata/userdata.js';

/** Parameter error codes a server answers with (Wireshark param_errcode_names). */
export const S7_ERROR = {
  /** 0x8104: service not implemented on the module or frame error. */
  notImplemented: 0x8104,
  /** 0xD401: information function unavailable (unknown SZL id). */
  szlUnavailable: 0xd401,
  /** 0xD602: incorrect password entered. */
  wrongPassword: 0xd602,
  /** 0xD241: function not permitted in the current protection level. */
  protectionLevel: 0xd241,
  /** 0x8500: wrong frames (a PDU the server cannot parse). */
  wrongFrames: 0x8500,
} as const;

/** A TPKT packet around one COTP TPDU. */
export function encodeCotpFrame(tpdu: CotpTpdu): Uint8Array {
  return encodeTpkt(encodeCotp(tpdu));
}

/** TPKT + COTP DT (EOT, TPDU-NR 0) + S7 PDU: what goes on the wire for every S7 PDU. */
export function encodeS7Frame(pdu: S7PduInit): Uint8Array {
  const s7 = encodeS7Pdu(pdu);
  const tpdu = new Uint8Array(3 + s7.length);
  tpdu[0] = 0x02; // LI: code and TPDU-NR (ISO 8073, 13.7)
  tpdu[1] = 0xf0; // DT
  tpdu[2] = 0x80; // EOT, TPDU-NR 0
  tpdu.set(s7, 3);
  return encodeTpkt(tpdu);
}

/**
 * The CC for a CR: destination reference = the CR's source reference, class 0, TPDU size the
 * smaller of the request and `maxTpduSizeCode` (0x0A, 1024 bytes, by default), then the CR's
 * TSAPs, in the order an S7-300 answers (C0, C1, C2).
 */
export function connectionConfirm(
  request: CotpConnection,
  options: { sourceReference?: number; maxTpduSizeCode?: number } = {},
): CotpConnection {
  const parameters = [];
  const requested = cotpParameter(request.parameters, COTP_TPDU_SIZE)?.[0];
  const max = options.maxTpduSizeCode ?? 0x0a;
  parameters.push({ code: COTP_TPDU_SIZE, value: Uint8Array.of(Math.min(requested ?? max, max)) });
  const calling = cotpParameter(request.parameters, COTP_CALLING_TSAP);
  if (calling) parameters.push({ code: COTP_CALLING_TSAP, value: calling });
  const called = cotpParameter(request.parameters, COTP_CALLED_TSAP);
  if (called) parameters.push({ code: COTP_CALLED_TSAP, value: called });
  return {
    type: 'CC',
    credit: 0,
    destinationReference: request.sourceReference,
    sourceReference: options.sourceReference ?? 0x0001,
    classOption: 0x00,
    parameters,
  };
}

/** Setup communication ack-data: each value the smaller of the request's and the server's. */
export function setupCommunicationAck(
  pduReference: number,
  request: SetupCommunication,
  options: { pduLength?: number; maxAmqCalling?: number; maxAmqCalled?: number } = {},
): S7PduInit {
  return {
    header: { rosctr: ROSCTR_ACK_DATA, pduReference, errorClass: 0, errorCode: 0 },
    message: {
      kind: 'setup_communication',
      reserved: 0,
      maxAmqCalling: Math.min(request.maxAmqCalling, options.maxAmqCalling ?? 3),
      maxAmqCalled: Math.min(request.maxAmqCalled, options.maxAmqCalled ?? 3),
      pduLength: Math.min(request.pduLength, options.pduLength ?? 240),
    },
  };
}

/** Read var ack-data: one data item per requested item (dataItem(), errorDataItem()). */
export function readVarAck(pduReference: number, items: DataItem[]): S7PduInit {
  return {
    header: { rosctr: ROSCTR_ACK_DATA, pduReference, errorClass: 0, errorCode: 0 },
    message: { kind: 'read_var_response', itemCount: items.length, items },
  };
}

/** Write var ack-data: one return code per item (0xFF success). */
export function writeVarAck(pduReference: number, returnCodes: number[]): S7PduInit {
  return {
    header: { rosctr: ROSCTR_ACK_DATA, pduReference, errorClass: 0, errorCode: 0 },
    message: { kind: 'write_var_response', itemCount: returnCodes.length, returnCodes },
  };
}

/** PLC stop ack-data: the function code alone, as Snap7 and CPUs answer. */
export function plcStopAck(pduReference: number): S7PduInit {
  return {
    header: { rosctr: ROSCTR_ACK_DATA, pduReference, errorClass: 0, errorCode: 0 },
    message: { kind: 'plc_stop_response' },
  };
}

/** PI service ack-data (start, _INSE, _DELE, ...): the function code alone. */
export function piServiceAck(pduReference: number): S7PduInit {
  return {
    header: { rosctr: ROSCTR_ACK_DATA, pduReference, errorClass: 0, errorCode: 0 },
    message: { kind: 'pi_service_response' },
  };
}

/**
 * An error answer. Without a function code: an ack (ROSCTR 2) with no parameter, as a CPU
 * refuses an upload (class 0xD2 code 0x41). With one: ack-data whose parameter is that code.
 */
export function errorAck(
  pduReference: number,
  errorClass: number,
  errorCode: number,
  options: { functionCode?: number } = {},
): S7PduInit {
  if (options.functionCode === undefined) {
    return {
      header: { rosctr: ROSCTR_ACK, pduReference, errorClass, errorCode },
      message: { kind: 'raw', parameter: new Uint8Array(0), data: new Uint8Array(0) },
    };
  }
  return {
    header: { rosctr: ROSCTR_ACK_DATA, pduReference, errorClass, errorCode },
    message: {
      kind: 'raw',
      parameter: Uint8Array.of(options.functionCode),
      data: new Uint8Array(0),
    },
  };
}

/** A userdata answer with the 12-byte parameter block, echoing the request's group and subfunction. */
export function userdataResponse(
  pduReference: number,
  request: Pick<UserdataParameter, 'group' | 'subfunction' | 'sequenceNumber'>,
  body: UserdataBody,
  options: {
    errorCode?: number;
    sequenceNumber?: number;
    dataUnitReference?: number;
    lastDataUnit?: number;
  } = {},
): S7PduInit {
  const withData = body.kind !== 'none';
  return {
    header: { rosctr: ROSCTR_USERDATA, pduReference },
    message: {
      kind: 'userdata',
      parameter: userdataResponseParameter(request.group, request.subfunction, {
        sequenceNumber: options.sequenceNumber ?? request.sequenceNumber,
        dataUnitReference: options.dataUnitReference ?? 0,
        lastDataUnit: options.lastDataUnit ?? 0,
        errorCode: options.errorCode ?? 0,
      }),
      // ff 09 with data; 0a 00 and length 0 without (an error, or an acknowledgement).
      returnCode: withData ? DATA_RETURN_SUCCESS : DATA_RETURN_NO_DATA,
      transportSize: withData ? 0x09 : 0x00,
      body,
    },
  };
}

/**
 * The answer to an SZL read: `szlReadResponse(ref, 0x0011, 0x0001, moduleIdentificationRecords(...))`.
 * The record length comes from the first record, the count from the list.
 */
export function szlReadResponse(
  pduReference: number,
  szlId: number,
  szlIndex: number,
  records: SzlRecord[],
  options: { sequenceNumber?: number } = {},
): S7PduInit {
  return userdataResponse(
    pduReference,
    {
      group: GROUP_CPU,
      subfunction: SUBFUNCTION_READ_SZL,
      sequenceNumber: options.sequenceNumber ?? 0,
    },
    szlResponse(szlId, szlIndex, records),
  );
}

/** The refusal of an SZL read: error code 0xD401 (unknown SZL id) by default, no data. */
export function szlErrorResponse(
  pduReference: number,
  errorCode: number = S7_ERROR.szlUnavailable,
  options: { sequenceNumber?: number } = {},
): S7PduInit {
  return userdataResponse(
    pduReference,
    {
      group: GROUP_CPU,
      subfunction: SUBFUNCTION_READ_SZL,
      sequenceNumber: options.sequenceNumber ?? 0,
    },
    { kind: 'none' },
    { errorCode },
  );
}

/** The answer to read clock: the CPU time as a 10-byte BCD stamp (s7Timestamp(new Date())). */
export function readClockResponse(
  pduReference: number,
  time: S7Timestamp,
  options: { sequenceNumber?: number } = {},
): S7PduInit {
  return userdataResponse(
    pduReference,
    { group: GROUP_TIME, subfunction: 0x01, sequenceNumber: options.sequenceNumber ?? 0 },
    { kind: 'clock', time },
  );
}

/** The answer to set clock: no data (0A 00 0000), error code 0 or e.g. 0xDC01 invalid date. */
export function setClockResponse(
  pduReference: number,
  options: { errorCode?: number; sequenceNumber?: number } = {},
): S7PduInit {
  return userdataResponse(
    pduReference,
    { group: GROUP_TIME, subfunction: 0x02, sequenceNumber: options.sequenceNumber ?? 0 },
    { kind: 'none' },
    { errorCode: options.errorCode ?? 0 },
  );
}

/** The answer to a PLC password: accepted (error 0) or refused (0xD602 incorrect password). */
export function passwordResponse(
  pduReference: number,
  accepted: boolean,
  options: { sequenceNumber?: number } = {},
): S7PduInit {
  return userdataResponse(
    pduReference,
    {
      group: GROUP_SECURITY,
      subfunction: SUBFUNCTION_PLC_PASSWORD,
      sequenceNumber: options.sequenceNumber ?? 0,
    },
    { kind: 'none' },
    { errorCode: accepted ? 0 : S7_ERROR.wrongPassword },
  );
}
