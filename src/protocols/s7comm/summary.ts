// The compact, JSON-ready view of one S7 PDU that events carry in their `ics` group (issue 3,
// `otsafe decode`): ROSCTR, request/response/exception, function, userdata group and subfunction,
// SZL id, the first item's address, and the error class and code.
import { ROSCTR_ACK, ROSCTR_ACK_DATA, ROSCTR_JOB } from './header.js';
import type {
  AreaName,
  FunctionName,
  RosctrName,
  UserdataGroupName,
  UserdataSubfunctionName,
} from './names.js';
import {
  areaName,
  functionName,
  rosctrName,
  userdataGroupName,
  userdataSubfunctionName,
} from './names.js';
import type { S7Pdu } from './pdu.js';
import { USERDATA_TYPE_REQUEST } from './userdata/parameter.js';

export interface S7Summary {
  rosctr: number;
  rosctr_name: RosctrName;
  /** Job and userdata requests are requests; an answer with an error class or code is an exception. */
  pdu_type: 'request' | 'response' | 'exception';
  /** Job and ack-data: the parameter function code. */
  function_code?: number;
  function?: FunctionName;
  userdata?: {
    group: number;
    subfunction: number;
    group_name: UserdataGroupName;
    subfunction_name: UserdataSubfunctionName;
  };
  szl_id?: number;
  szl_index?: number;
  /** Read/write var: the area of the first item. */
  area?: AreaName;
  /** Read/write var: the DB number of the first item (data block areas only). */
  db?: number;
  /** Read/write var: the byte offset of the first item (the number, for timers and counters). */
  address?: number;
  /** Read/write var: the element count of the first item. */
  quantity?: number;
  /** Read/write var: how many items the PDU addresses. */
  item_count?: number;
  /** Present when non-zero: the header's error class, or the high byte of a userdata error code. */
  error_class?: number;
  error_code?: number;
}

export function summarizeS7Pdu(pdu: S7Pdu): S7Summary {
  const { header, message } = pdu;
  const summary: S7Summary = {
    rosctr: header.rosctr,
    rosctr_name: rosctrName(header.rosctr),
    pdu_type: 'response',
  };

  if (header.rosctr === ROSCTR_JOB) summary.pdu_type = 'request';
  if (header.rosctr === ROSCTR_ACK || header.rosctr === ROSCTR_ACK_DATA) {
    const errorClass = header.errorClass ?? 0;
    const errorCode = header.errorCode ?? 0;
    if (errorClass !== 0 || errorCode !== 0) {
      summary.error_class = errorClass;
      summary.error_code = errorCode;
      summary.pdu_type = 'exception';
    }
  }

  if (message.kind === 'userdata') {
    const p = message.parameter;
    summary.userdata = {
      group: p.group,
      subfunction: p.subfunction,
      group_name: userdataGroupName(p.group),
      subfunction_name: userdataSubfunctionName(p.group, p.subfunction),
    };
    // Push (type 0) comes unasked from the CPU, like an answer; only type 4 is a request.
    if (p.type === USERDATA_TYPE_REQUEST) summary.pdu_type = 'request';
    const code = p.errorCode ?? 0;
    if (code !== 0) {
      // The userdata error code is the same two bytes as a header's class and code (0xD209).
      summary.error_class = code >> 8;
      summary.error_code = code & 0xff;
      if (p.type !== USERDATA_TYPE_REQUEST) summary.pdu_type = 'exception';
    }
    if (message.body.kind === 'szl_request' || message.body.kind === 'szl_response') {
      summary.szl_id = message.body.szlId;
      summary.szl_index = message.body.szlIndex;
    }
    return summary;
  }

  if (header.rosctr === ROSCTR_JOB || header.rosctr === ROSCTR_ACK_DATA) {
    const code = message.kind === 'raw' ? message.parameter[0] : functionCodeOf(message.kind);
    if (code !== undefined) {
      summary.function_code = code;
      summary.function = functionName(code);
    }
  }

  if (message.kind === 'read_var_request' || message.kind === 'write_var_request') {
    summary.item_count = message.items.length;
    const first = message.items[0];
    if (first?.syntax === 'S7ANY') {
      summary.area = areaName(first.area);
      if (first.area === 0x84 || first.area === 0x85) summary.db = first.dbNumber;
      summary.address =
        first.area === 0x1c || first.area === 0x1d ? first.address : first.address >>> 3;
      summary.quantity = first.length;
    }
  } else if (message.kind === 'read_var_response' || message.kind === 'write_var_response') {
    summary.item_count = message.itemCount;
  }
  return summary;
}

const FUNCTION_OF_KIND: Readonly<Record<string, number>> = {
  setup_communication: 0xf0,
  read_var_request: 0x04,
  read_var_response: 0x04,
  write_var_request: 0x05,
  write_var_response: 0x05,
  pi_service_request: 0x28,
  pi_service_response: 0x28,
  plc_stop_request: 0x29,
  plc_stop_response: 0x29,
  request_download_request: 0x1a,
  request_download_response: 0x1a,
  download_block_request: 0x1b,
  download_block_response: 0x1b,
  download_ended_request: 0x1c,
  download_ended_response: 0x1c,
  start_upload_request: 0x1d,
  start_upload_response: 0x1d,
  upload_request: 0x1e,
  upload_response: 0x1e,
  end_upload_request: 0x1f,
  end_upload_response: 0x1f,
};

/** The function code a decoded message kind stands for. */
export function functionCodeOf(kind: string): number | undefined {
  return Object.hasOwn(FUNCTION_OF_KIND, kind) ? FUNCTION_OF_KIND[kind] : undefined;
}
