// EtherNet/IP: encapsulation messages on a TCP flow (an incremental parser per direction) or in a
// UDP datagram (44818), and implicit I/O datagrams (2222); one record each.
import { enip, type CodecError } from '../protocols/index.js';
import type { Emitter } from './emitter.js';
import type { CipIcs, EnipIcs, PduType, RecordEndpoint } from './record.js';
import type { StreamFlow } from './stream-flow.js';

const createEnipParser = enip.createEnipParser;
const summarizeEnip = enip.summarizeEnip;
const decodeEnipDatagram = enip.decodeEnipDatagram;
const decodeEnipIoDatagram = enip.decodeEnipIoDatagram;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The UDP port of implicit (class 0/1) I/O, which has no encapsulation header (CIP Vol 2, 2-2). */
export const ENIP_IO_PORT = 2222;

/** CPF item type of connected data (CIP Vol 2, 2-6.3.2). */
const CONNECTED_DATA_ITEM = 0x00b1;

export class EnipFlow implements StreamFlow {
  private readonly out: Emitter;
  private readonly client: RecordEndpoint;
  private readonly server: RecordEndpoint;
  private readonly fromClient: enip.EnipParser;
  private readonly fromServer: enip.EnipParser;

  constructor(out: Emitter, client: RecordEndpoint, server: RecordEndpoint) {
    this.out = out;
    this.client = client;
    this.server = server;
    this.fromClient = createEnipParser(
      (message) => {
        out.pdu(client, server, enipIcs(message, false));
      },
      (error) => {
        this.error(true, error);
      },
    );
    this.fromServer = createEnipParser(
      (message) => {
        out.pdu(server, client, enipIcs(message, true));
      },
      (error) => {
        this.error(false, error);
      },
    );
  }

  data(toServer: boolean, bytes: Uint8Array): void {
    (toServer ? this.fromClient : this.fromServer).push(bytes);
  }

  gap(toServer: boolean): void {
    // Encapsulation has no start marker: after a hole the next bytes are taken as a header.
    (toServer ? this.fromClient : this.fromServer).reset();
  }

  end(): void {
    this.fromClient.end();
    this.fromServer.end();
  }

  private error(toServer: boolean, error: CodecError): void {
    const ics = { protocol: 'enip', pdu_type: toServer ? 'request' : 'response' } as const;
    if (toServer) this.out.streamError(this.client, this.server, ics, error);
    else this.out.streamError(this.server, this.client, ics, error);
  }
}

/**
 * One UDP datagram: an encapsulation message on 44818 (ListIdentity and the like), implicit I/O
 * on 2222. `toServer` says the datagram went to the mapped port; I/O flows both ways between
 * producers, so an I/O datagram to port 2222 is a request, one from it to another port a response.
 */
export function enipDatagram(
  out: Emitter,
  datagram: Uint8Array,
  source: RecordEndpoint,
  destination: RecordEndpoint,
  serverPort: number,
  toServer: boolean,
): void {
  const pduType: PduType = toServer ? 'request' : 'response';
  if (serverPort === ENIP_IO_PORT) {
    const cpf = decodeEnipIoDatagram(datagram);
    if (!cpf.ok) {
      out.streamError(source, destination, { protocol: 'enip', pdu_type: pduType }, cpf.error);
      return;
    }
    let connectionId: number | undefined;
    let sequence: number | undefined;
    let dataLength = 0;
    for (const item of cpf.value.items) {
      if (item.connectionId !== undefined) connectionId = item.connectionId;
      if (item.sequence !== undefined) sequence = item.sequence;
      if (item.typeId === CONNECTED_DATA_ITEM) dataLength = item.data.length;
    }
    // Keys in the order of the datagram: the address item's, then the data item's.
    const io: NonNullable<EnipIcs['io']> =
      connectionId === undefined || sequence === undefined
        ? { data_length: dataLength }
        : { connection_id: connectionId, sequence, data_length: dataLength };
    out.pdu(source, destination, { protocol: 'enip', pdu_type: pduType, io });
    return;
  }
  const message = decodeEnipDatagram(datagram);
  if (!message.ok) {
    out.streamError(source, destination, { protocol: 'enip', pdu_type: pduType }, message.error);
    return;
  }
  out.pdu(source, destination, enipIcs(message.value, !toServer));
}

/** The ics fields of one encapsulation message; `fromTarget` when the server sent it. */
export function enipIcs(message: enip.EnipMessage, fromTarget: boolean): EnipIcs {
  const summary = summarizeEnip(message, { fromTarget });
  const ics: Mutable<EnipIcs> = {
    protocol: 'enip',
    pdu_type: summary.pdu_type,
    command: summary.command,
    command_name: summary.command_name,
    session: summary.session,
    status: summary.status,
  };
  if (summary.cip !== undefined) ics.cip = summary.cip satisfies CipIcs;
  if (summary.note !== undefined) ics.note = summary.note;
  return ics;
}
