// The compact account of one encapsulation message that `otsafe decode`, the sensor and the
// detection rules read: the command, the session, and the CIP service and target it carries.
import type { CipMessage } from './cip/message.js';
import { cipEmbeddedMessages, decodeEnipBody } from './body.js';
import type { EnipMessage } from './encapsulation.js';

export interface CipSummary {
  /** Service code without the reply bit, as tshark's cip.sc shows it. */
  readonly service: number;
  readonly service_name: string;
  readonly class?: number;
  readonly class_name?: string;
  readonly instance?: number;
  readonly attribute?: number;
  readonly member?: number;
  /** Logix tag name from symbolic segments. */
  readonly symbol?: string;
  readonly general_status?: number;
  readonly general_status_name?: string;
  /** Requests or replies wrapped by Unconnected Send or Multiple Service Packet. */
  readonly embedded?: readonly CipSummary[];
}

export interface EnipSummary {
  readonly command: number;
  readonly command_name: string;
  /**
   * request or response; exception for a response whose encapsulation status or CIP general
   * status is not success.
   */
  readonly pdu_type: 'request' | 'response' | 'exception';
  readonly session: number;
  readonly status: number;
  readonly cip?: CipSummary;
  /** Set when the command data or the CIP message could not be read: the error code and text. */
  readonly note?: { readonly code: string; readonly message: string };
}

export interface EnipSummaryOptions {
  /** Direction when the caller knows it (from the port): true when the target sent it. */
  readonly fromTarget?: boolean;
}

export function summarizeCip(message: CipMessage, depth = 0): CipSummary {
  // Built by assignment rather than spread: this runs for every message.
  let summary: Mutable<CipSummary>;
  if (message.kind === 'request') {
    summary = { service: message.service, service_name: message.serviceName };
    if (message.classId !== undefined) summary.class = message.classId;
    if (message.className !== undefined) summary.class_name = message.className;
    if (message.instance !== undefined) summary.instance = message.instance;
    if (message.attribute !== undefined) summary.attribute = message.attribute;
    if (message.member !== undefined) summary.member = message.member;
    if (message.symbol !== undefined) summary.symbol = message.symbol;
  } else {
    summary = {
      service: message.service,
      service_name: message.serviceName,
      general_status: message.generalStatus,
      general_status_name: message.generalStatusName,
    };
  }
  // Unconnected Send may wrap a Multiple Service Packet, and so on; four levels are plenty.
  const embedded = depth < 4 ? cipEmbeddedMessages(message) : undefined;
  if (embedded?.ok === true)
    summary.embedded = embedded.value.map((m) => summarizeCip(m, depth + 1));
  return summary;
}

/** Summarise one encapsulation message. Never fails: unreadable data becomes a note. */
export function summarizeEnip(message: EnipMessage, options: EnipSummaryOptions = {}): EnipSummary {
  const body = decodeEnipBody(message);
  const cipMessage = body.ok && body.value.kind === 'send_data' ? body.value.cip : undefined;

  let response: boolean;
  if (options.fromTarget !== undefined) response = options.fromTarget;
  else if (cipMessage !== undefined) response = cipMessage.kind === 'response';
  else if (message.status !== 0) response = true;
  else if (body.ok && body.value.kind === 'items') response = true;
  else if (message.command === 0x0065) response = message.session !== 0;
  else response = false;
  const failed =
    message.status !== 0 || (cipMessage?.kind === 'response' && cipMessage.generalStatus !== 0);

  const summary: Mutable<EnipSummary> = {
    command: message.command,
    command_name: message.commandName,
    pdu_type: response ? (failed ? 'exception' : 'response') : 'request',
    session: message.session,
    status: message.status,
  };
  if (cipMessage !== undefined) summary.cip = summarizeCip(cipMessage);
  if (!body.ok) summary.note = { code: body.error.code, message: body.error.message };
  return summary;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
