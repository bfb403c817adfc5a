// The whole DNP3 receive path for a capture, a sensor or a server: link frames from a TCP byte
// stream or UDP datagrams, transport reassembly per link, then the application fragment.
import type { CodecError } from '../errors.js';
import {
  decodeDnp3ApplicationFragment,
  type Dnp3ApplicationFragment,
} from './application-fragment.js';
import type { Dnp3LinkFrame } from './link-frame.js';
import { createDnp3LinkParser, decodeDnp3Datagram } from './link-parser.js';
import {
  createDnp3TransportReassembler,
  type Dnp3Fragment,
  type Dnp3ReassemblyOptions,
} from './transport-reassembly.js';

/** A reassembled application fragment, decoded, with the link it came over. */
export interface Dnp3Message extends Dnp3Fragment {
  readonly application: Dnp3ApplicationFragment;
}

export interface Dnp3DecoderOptions extends Dnp3ReassemblyOptions {
  /** Called for every valid link frame, link-only frames (resets, status, ACKs) included. */
  readonly onLinkFrame?: (frame: Dnp3LinkFrame) => void;
}

export interface Dnp3StreamDecoder {
  /** Feed the next bytes of one TCP direction (or both, when the link addresses differ). */
  push(chunk: Uint8Array): void;
  /** The stream ended: report what is held (partial frame, fragments in progress). */
  end(): void;
  reset(): void;
}

export interface Dnp3DatagramDecoder {
  /** Feed one UDP datagram; fragments may span datagrams of the same link. */
  push(datagram: Uint8Array): void;
  end(): void;
  reset(): void;
}

function pipeline(
  onMessage: (message: Dnp3Message) => void,
  onError: (error: CodecError) => void,
  options: Dnp3DecoderOptions,
): { onFrame: (frame: Dnp3LinkFrame) => void; end: () => void; reset: () => void } {
  const reassembler = createDnp3TransportReassembler(
    (fragment) => {
      const application = decodeDnp3ApplicationFragment(fragment.data);
      if (application.ok) {
        onMessage({
          source: fragment.source,
          destination: fragment.destination,
          dir: fragment.dir,
          data: fragment.data,
          segments: fragment.segments,
          application: application.value,
        });
      } else onError(application.error);
    },
    onError,
    options,
  );
  const onLinkFrame = options.onLinkFrame;
  return {
    onFrame: (frame) => {
      onLinkFrame?.(frame);
      reassembler.push(frame);
    },
    end: () => {
      reassembler.end();
    },
    reset: () => {
      reassembler.reset();
    },
  };
}

/** Decoder for DNP3 over TCP (port 20000): any slicing of the byte stream. */
export function createDnp3StreamDecoder(
  onMessage: (message: Dnp3Message) => void,
  onError: (error: CodecError) => void,
  options: Dnp3DecoderOptions = {},
): Dnp3StreamDecoder {
  const path = pipeline(onMessage, onError, options);
  const parser = createDnp3LinkParser(path.onFrame, onError);
  return {
    push: (chunk) => {
      parser.push(chunk);
    },
    end: () => {
      parser.end();
      path.end();
    },
    reset: () => {
      parser.reset();
      path.reset();
    },
  };
}

/** Decoder for DNP3 over UDP (port 20000): each datagram holds whole link frames. */
export function createDnp3DatagramDecoder(
  onMessage: (message: Dnp3Message) => void,
  onError: (error: CodecError) => void,
  options: Dnp3DecoderOptions = {},
): Dnp3DatagramDecoder {
  const path = pipeline(onMessage, onError, options);
  return {
    push: (datagram) => {
      const { frames, errors } = decodeDnp3Datagram(datagram);
      for (const error of errors) onError(error);
      for (const frame of frames) path.onFrame(frame);
    },
    end: path.end,
    reset: path.reset,
  };
}
