// DNP3 over TCP (a link parser per direction) and over UDP (datagrams of a flow), with transport
// reassembly per link: one record per application fragment.
import { dnp3, type CodecError } from '../protocols/index.js';
import type { Emitter } from './emitter.js';
import type { Dnp3Ics, RecordEndpoint } from './record.js';
import type { StreamFlow } from './stream-flow.js';

const createDnp3StreamDecoder = dnp3.createDnp3StreamDecoder;
const createDnp3DatagramDecoder = dnp3.createDnp3DatagramDecoder;
const summarizeDnp3 = dnp3.summarizeDnp3;
const IIN_BITS = dnp3.DNP3_IIN_BITS;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface Dnp3FlowOptions {
  /** Largest application fragment reassembled (the codec's default is 2048 octets). */
  readonly maxFragmentSize?: number;
}

function decoderOptions(options: Dnp3FlowOptions): dnp3.Dnp3DecoderOptions {
  return options.maxFragmentSize === undefined ? {} : { maxFragmentSize: options.maxFragmentSize };
}

export class Dnp3Flow implements StreamFlow {
  private readonly out: Emitter;
  private readonly client: RecordEndpoint;
  private readonly server: RecordEndpoint;
  private readonly fromClient: dnp3.Dnp3StreamDecoder;
  private readonly fromServer: dnp3.Dnp3StreamDecoder;

  constructor(
    out: Emitter,
    client: RecordEndpoint,
    server: RecordEndpoint,
    options: Dnp3FlowOptions,
  ) {
    this.out = out;
    this.client = client;
    this.server = server;
    const decoder = decoderOptions(options);
    this.fromClient = createDnp3StreamDecoder(
      (message) => {
        out.pdu(client, server, dnp3Ics(message));
      },
      (error) => {
        this.error(true, error);
      },
      decoder,
    );
    this.fromServer = createDnp3StreamDecoder(
      (message) => {
        out.pdu(server, client, dnp3Ics(message));
      },
      (error) => {
        this.error(false, error);
      },
      decoder,
    );
  }

  data(toServer: boolean, bytes: Uint8Array): void {
    (toServer ? this.fromClient : this.fromServer).push(bytes);
  }

  gap(toServer: boolean): void {
    // The link parser finds the next 0x05 0x64 on its own; fragments in progress lost a segment.
    (toServer ? this.fromClient : this.fromServer).reset();
  }

  end(): void {
    this.fromClient.end();
    this.fromServer.end();
  }

  private error(toServer: boolean, error: CodecError): void {
    const ics = { protocol: 'dnp3', pdu_type: toServer ? 'request' : 'response' } as const;
    if (toServer) this.out.streamError(this.client, this.server, ics, error);
    else this.out.streamError(this.server, this.client, ics, error);
  }
}

/**
 * DNP3 over UDP between two endpoints: one datagram decoder for both directions, since transport
 * reassembly is per link (source and destination addresses) and a fragment may span datagrams.
 */
export class Dnp3DatagramFlow {
  private readonly out: Emitter;
  private readonly decoder: dnp3.Dnp3DatagramDecoder;
  private source: RecordEndpoint;
  private destination: RecordEndpoint;
  /** Whether the datagram being decoded goes to the mapped (server) port. */
  private toServer = true;

  constructor(
    out: Emitter,
    source: RecordEndpoint,
    destination: RecordEndpoint,
    options: Dnp3FlowOptions,
  ) {
    this.out = out;
    this.source = source;
    this.destination = destination;
    this.decoder = createDnp3DatagramDecoder(
      (message) => {
        out.pdu(this.source, this.destination, dnp3Ics(message));
      },
      (error) => {
        out.streamError(
          this.source,
          this.destination,
          { protocol: 'dnp3', pdu_type: this.toServer ? 'request' : 'response' },
          error,
        );
      },
      decoderOptions(options),
    );
  }

  push(
    datagram: Uint8Array,
    source: RecordEndpoint,
    destination: RecordEndpoint,
    toServer: boolean,
  ): void {
    this.source = source;
    this.destination = destination;
    this.toServer = toServer;
    this.decoder.push(datagram);
  }

  end(): void {
    this.decoder.end();
  }
}

/** The ics fields of one application fragment. */
export function dnp3Ics(message: dnp3.Dnp3Message): Dnp3Ics {
  const summary = summarizeDnp3(message);
  const objects = summary.objects.map((object) => {
    const entry: Mutable<Dnp3Ics['objects'][number]> = {
      group: object.group,
      variation: object.variation,
      qualifier: object.qualifier,
      name: object.name,
      count: object.count,
    };
    if (object.start !== undefined) entry.start = object.start;
    if (object.stop !== undefined) entry.stop = object.stop;
    return entry;
  });
  const ics: Mutable<Dnp3Ics> = {
    protocol: 'dnp3',
    pdu_type: summary.pdu_type,
    function_code: summary.function_code,
    function: summary.function,
    source_address: summary.source,
    destination_address: summary.destination,
    objects,
  };
  const iin = summary.iin;
  if (iin !== undefined) {
    const set: string[] = [];
    for (const bit of IIN_BITS) if (iin[bit]) set.push(bit);
    ics.iin = set;
  }
  if (summary.note !== undefined) ics.note = summary.note;
  return ics;
}
