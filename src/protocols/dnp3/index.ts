// The door of the DNP3 codec (IEEE 1815-2012): link frames with their CRCs, transport
// reassembly, the application layer and its object headers, over TCP and UDP.
export { DNP3_ERRORS, type Dnp3ErrorCode } from './errors.js';
export { dnp3Crc, dnp3CrcMatches } from './crc.js';
export {
  DNP3_PRIMARY_LINK_FUNCTIONS,
  DNP3_SECONDARY_LINK_FUNCTIONS,
  dnp3LinkFunctionName,
} from './link-functions.js';
export {
  DNP3_MAX_FRAME_SIZE,
  DNP3_MAX_USER_DATA,
  decodeDnp3LinkFrame,
  dnp3FrameSize,
  encodeDnp3LinkFrame,
  type Dnp3LinkFrame,
  type Dnp3LinkFrameInput,
} from './link-frame.js';
export {
  createDnp3LinkParser,
  decodeDnp3Datagram,
  type Dnp3Datagram,
  type Dnp3LinkParser,
} from './link-parser.js';
export {
  DNP3_MAX_SEGMENT_PAYLOAD,
  decodeDnp3TransportSegment,
  encodeDnp3TransportSegment,
  type Dnp3TransportSegment,
} from './transport-segment.js';
export {
  DNP3_DEFAULT_MAX_FRAGMENT_SIZE,
  DNP3_DEFAULT_MAX_LINKS,
  createDnp3TransportReassembler,
  type Dnp3Fragment,
  type Dnp3ReassemblyOptions,
  type Dnp3TransportReassembler,
} from './transport-reassembly.js';
export {
  DNP3_APP_FUNCTIONS,
  dnp3FunctionName,
  dnp3IsResponse,
  type Dnp3AppFunction,
} from './app-functions.js';
export {
  DNP3_IIN_BITS,
  decodeDnp3Iin,
  encodeDnp3Iin,
  type Dnp3Iin,
  type Dnp3IinBit,
} from './iin.js';
export { dnp3GroupName, dnp3ObjectName, dnp3ObjectSize, type Dnp3ObjectSize } from './objects.js';
export {
  decodeDnp3ObjectHeader,
  encodeDnp3ObjectHeader,
  type Dnp3ObjectHeader,
  type Dnp3ObjectHeaderInput,
  type Dnp3PrefixType,
  type Dnp3RangeType,
} from './object-header.js';
export {
  decodeDnp3ApplicationFragment,
  encodeDnp3ApplicationFragment,
  type Dnp3ApplicationFragment,
  type Dnp3ApplicationFragmentInput,
  type Dnp3Object,
  type Dnp3ObjectInput,
} from './application-fragment.js';
export { encodeDnp3Fragment, type Dnp3FrameOptions, type Dnp3Frames } from './fragment-frames.js';
export {
  createDnp3DatagramDecoder,
  createDnp3StreamDecoder,
  type Dnp3DatagramDecoder,
  type Dnp3DecoderOptions,
  type Dnp3Message,
  type Dnp3StreamDecoder,
} from './decoder.js';
export { summarizeDnp3, type Dnp3ObjectSummary, type Dnp3Summary } from './summary.js';
