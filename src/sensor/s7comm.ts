// S7comm on one TCP flow (ISO-TSAP, port 102): TPKT, COTP and S7 PDUs per direction, one record
// per S7 PDU and per COTP connection TPDU.
import { s7comm, type CodecError } from '../protocols/index.js';
import type { Emitter } from './emitter.js';
import type { PduType, RecordEndpoint, S7commIcs } from './record.js';
import type { StreamFlow } from './stream-flow.js';

const createS7commParser = s7comm.createS7commParser;
const summarizeS7Pdu = s7comm.summarizeS7Pdu;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** COTP TPDU types as requests and answers (ISO 8073, 13.3 to 13.6 and 13.12). */
const COTP_PDU_TYPE: Readonly<Record<string, PduType>> = {
  CR: 'request',
  CC: 'response',
  DR: 'request',
  DC: 'response',
  ER: 'exception',
};

export class S7commFlow implements StreamFlow {
  private readonly out: Emitter;
  private readonly client: RecordEndpoint;
  private readonly server: RecordEndpoint;
  private readonly requests: s7comm.S7commParser;
  private readonly responses: s7comm.S7commParser;

  constructor(out: Emitter, client: RecordEndpoint, server: RecordEndpoint) {
    this.out = out;
    this.client = client;
    this.server = server;
    this.requests = createS7commParser(
      (message) => {
        this.message(true, message);
      },
      (error) => {
        this.error(true, error);
      },
    );
    this.responses = createS7commParser(
      (message) => {
        this.message(false, message);
      },
      (error) => {
        this.error(false, error);
      },
    );
  }

  data(toServer: boolean, bytes: Uint8Array): void {
    (toServer ? this.requests : this.responses).push(bytes);
  }

  gap(toServer: boolean): void {
    // TPKT resynchronises on its own (it skips to the next plausible header); a PDU half
    // reassembled from COTP segments lost bytes and is dropped.
    (toServer ? this.requests : this.responses).reset();
  }

  end(): void {
    this.requests.end();
    this.responses.end();
  }

  private message(toServer: boolean, message: s7comm.S7commMessage): void {
    const source = toServer ? this.client : this.server;
    const destination = toServer ? this.server : this.client;
    switch (message.kind) {
      case 's7':
        this.out.pdu(source, destination, s7commIcs(message.pdu));
        return;
      case 'cotp': {
        const tpdu = message.tpdu;
        // An empty DT is a keep-alive some stations send, not a PDU.
        if (tpdu.type === 'DT') return;
        const cotp: Mutable<NonNullable<S7commIcs['cotp']>> = { type: tpdu.type };
        if (tpdu.type === 'CR' || tpdu.type === 'CC') {
          if (tpdu.sourceTsap !== undefined) cotp.source_tsap = hex(tpdu.sourceTsap);
          if (tpdu.destinationTsap !== undefined) cotp.destination_tsap = hex(tpdu.destinationTsap);
        }
        this.out.pdu(source, destination, {
          protocol: 's7comm',
          pdu_type: COTP_PDU_TYPE[tpdu.type] ?? (toServer ? 'request' : 'response'),
          cotp,
        });
        return;
      }
      case 'other':
        this.out.pdu(source, destination, {
          protocol: 's7comm',
          pdu_type: toServer ? 'request' : 'response',
          protocol_id: message.protocolId,
        });
        return;
    }
  }

  private error(toServer: boolean, error: CodecError): void {
    const ics = { protocol: 's7comm', pdu_type: toServer ? 'request' : 'response' } as const;
    if (toServer) this.out.streamError(this.client, this.server, ics, error);
    else this.out.streamError(this.server, this.client, ics, error);
  }
}

/** A TSAP as hex, as tshark shows cotp.tsap: '0100' (PG, rack 0 slot 0), or the bytes of a name. */
function hex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}

/** The ics fields of one S7 PDU, from the codec's summary plus the PDU reference. */
export function s7commIcs(pdu: s7comm.S7Pdu): S7commIcs {
  const summary = summarizeS7Pdu(pdu);
  const ics: Mutable<S7commIcs> = {
    protocol: 's7comm',
    pdu_type: summary.pdu_type,
    rosctr: summary.rosctr,
    rosctr_name: summary.rosctr_name,
    pdu_reference: pdu.header.pduReference,
  };
  if (summary.function_code !== undefined) ics.function_code = summary.function_code;
  if (summary.function !== undefined) ics.function = summary.function;
  if (summary.userdata !== undefined) ics.userdata = summary.userdata;
  if (summary.szl_id !== undefined) ics.szl_id = summary.szl_id;
  if (summary.szl_index !== undefined) ics.szl_index = summary.szl_index;
  if (summary.area !== undefined) ics.area = summary.area;
  if (summary.db !== undefined) ics.db = summary.db;
  if (summary.address !== undefined) ics.address = summary.address;
  if (summary.quantity !== undefined) ics.quantity = summary.quantity;
  if (summary.item_count !== undefined) ics.item_count = summary.item_count;
  if (summary.error_class !== undefined) ics.error_class = summary.error_class;
  if (summary.error_code !== undefined) ics.error_code = summary.error_code;
  return ics;
}
