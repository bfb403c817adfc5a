// The incremental capture reader: classic pcap or pcapng, told apart by the magic, fed in chunks
// of any size (a file read, or stdin of `tcpdump -w -`), pushing one packet at a time to a sink.
//
// Packet data is a view, never a copy. A view points either into a chunk given to push() or into
// a buffer the reader allocated to join a record split across chunks; the reader never writes to
// either afterwards, so a view stays valid as long as the caller does not reuse its own chunks.
import { CodecError } from '../errors.js';
import { PCAP_RECORD_HEADER_LENGTH, decodePcapGlobalHeader } from './pcap-header.js';
import type { PcapGlobalHeader } from './pcap-header.js';
import { PCAPNG_BLOCK_TYPES, PCAPNG_BLOCK_OVERHEAD } from './pcapng/block.js';
import { decodeEnhancedPacketBlock } from './pcapng/enhanced-packet.js';
import { decodeInterfaceDescriptionBlock } from './pcapng/interface-description.js';
import { decodeInterfaceStatisticsBlock } from './pcapng/interface-statistics.js';
import type { InterfaceStatistics } from './pcapng/interface-statistics.js';
import { decodeObsoletePacketBlock } from './pcapng/obsolete-packet.js';
import {
  SECTION_HEADER_MIN_LENGTH,
  decodeSectionHeaderBlock,
  sectionByteOrder,
} from './pcapng/section-header.js';
import type { SectionHeader } from './pcapng/section-header.js';
import { decodeSimplePacketBlock } from './pcapng/simple-packet.js';
import {
  MICROSECONDS,
  NANOSECONDS,
  splitPcapngTime,
  type SplitTime,
  type TimestampResolution,
} from './timestamp.js';

/** One captured packet, as the reader hands it to its sink. */
export interface CapturePacket {
  /** 1-based position among the packets of the capture, as tshark's frame.number. */
  readonly frame: number;
  /** Whole milliseconds since the epoch (see timestamp.ts for the split form). */
  readonly timestampMs: number;
  /** Nanoseconds within that millisecond, 0..999999. */
  readonly timestampNs: number;
  /**
   * Interface ID within its pcapng section (0 for pcap), as tshark 4.0 prints frame.interface_id;
   * `section` tells interfaces of different sections apart.
   */
  readonly interfaceId: number;
  /** 0-based pcapng section (0 for pcap). */
  readonly section: number;
  /** LINKTYPE_* of the interface (link-types.ts). */
  readonly linkType: number;
  readonly capturedLength: number;
  /** Length on the wire; larger than capturedLength when the snaplen cut the packet. */
  readonly originalLength: number;
  /** The captured bytes: a view, not a copy. */
  readonly data: Uint8Array;
}

export type CaptureFormat = 'pcap' | 'pcapng';

/** A capture interface: pcapng's Interface Description Block, or the pcap file header. */
export interface CaptureInterface {
  /** Interface ID within its section, as CapturePacket.interfaceId. */
  readonly id: number;
  /** 0-based index of the pcapng section (always 0 for pcap). */
  readonly section: number;
  readonly linkType: number;
  /** Largest captured length; 0 when unlimited. */
  readonly snaplen: number;
  readonly timestampResolution: TimestampResolution;
  readonly timestampOffsetSeconds: number;
  readonly name: string | undefined;
  readonly description: string | undefined;
  readonly fcsLength: number | undefined;
}

/** A pcapng Interface Statistics Block, with its time in split form. */
export interface CaptureStatistics extends InterfaceStatistics, SplitTime {
  readonly section: number;
}

export interface CaptureReaderOptions {
  /** Longest captured length accepted in a record; longer is OTS_PCAP_RECORD_TOO_LONG. */
  readonly maxRecordLength?: number;
  /** Longest pcapng block the reader buffers (SHB, IDB, packets, ISB); others are skipped. */
  readonly maxBlockLength?: number;
  readonly onFileHeader?: (header: PcapGlobalHeader) => void;
  readonly onSection?: (header: SectionHeader, section: number) => void;
  readonly onInterface?: (description: CaptureInterface) => void;
  readonly onStatistics?: (statistics: CaptureStatistics) => void;
}

export interface CaptureReader {
  /** Feeds the next bytes of the capture; any slicing is accepted. */
  push(chunk: Uint8Array): void;
  /** Says the capture is over: a half-read header, record or block is reported as truncated. */
  end(): void;
  /** Known once the magic has been read. */
  readonly format: CaptureFormat | undefined;
  /** Frame numbers given so far: packets, plus blocks tshark counts as frames (custom blocks). */
  readonly frames: number;
  /** Packets delivered so far. */
  readonly packets: number;
  /** Bytes pushed so far. */
  readonly bytesRead: number;
  /** True after a fatal error: the reader then ignores further input, as tshark stops. */
  readonly failed: boolean;
}

/** 256 KiB: Wireshark's WTAP_MAX_PACKET_SIZE_STANDARD, the largest record it reads either. */
export const DEFAULT_MAX_RECORD_LENGTH = 262144;
/** Room for a full-size packet plus 64 KiB of block header and options. */
export const DEFAULT_MAX_BLOCK_LENGTH = DEFAULT_MAX_RECORD_LENGTH + 65536;

const enum Mode {
  Magic,
  PcapHeader,
  PcapRecord,
  Block,
  SkipBody,
  SkipTrailer,
  Failed,
}

// Module-local copies of hot imported values: some loaders (tsx, vitest) turn every use of an
// imported binding into a getter call, which the record loop would pay for each packet.
const PCAPNG_SHB = PCAPNG_BLOCK_TYPES.section_header;
const RECORD_HEADER_LENGTH = PCAP_RECORD_HEADER_LENGTH;
const BLOCK_OVERHEAD = PCAPNG_BLOCK_OVERHEAD;
const EMPTY = new Uint8Array(0);

interface SectionInterface {
  readonly linkType: number;
  readonly snaplen: number;
  readonly resolution: TimestampResolution;
  readonly offsetSeconds: number;
}

/**
 * Creates a reader that detects pcap or pcapng from the first four bytes. Fatal errors (a bad
 * magic, a record too long, a broken block) go to onError once and stop the reader.
 */
export function createCaptureReader(
  onPacket: (packet: CapturePacket) => void,
  onError: (error: CodecError) => void,
  options: CaptureReaderOptions = {},
): CaptureReader {
  const maxRecordLength = options.maxRecordLength ?? DEFAULT_MAX_RECORD_LENGTH;
  const maxBlockLength = Math.max(
    options.maxBlockLength ?? DEFAULT_MAX_BLOCK_LENGTH,
    maxRecordLength + 32,
  );

  let mode = Mode.Magic;
  let format: CaptureFormat | undefined;
  let frames = 0;
  let packets = 0;
  let bytesRead = 0;
  let ended = false;
  /** Absolute position of the byte `run` looks at, for error offsets. */
  let position = 0;

  // Bytes of a unit split across chunks, in a buffer of its own (never reused: views escape).
  let pending: Uint8Array = EMPTY;
  let pendingLength = 0;
  /** Bytes the unit at the current position needs in all, when `run` stops short. */
  let need = 0;

  // Classic pcap state.
  let littleEndian = true;
  let nanoseconds = false;
  let pcapLinkType = 0;

  // The current section (pcapng's count from 0 at the first SHB; pcap has one) and its interfaces.
  let section = -1;
  let interfaces: SectionInterface[] = [];
  let skipRemaining = 0;
  let skipTotal = 0;

  let currentBuffer: Uint8Array = EMPTY;
  let currentView: DataView = new DataView(EMPTY.buffer);

  function failWith(code: `OTS_${string}`, message: string, protocol = format ?? 'pcap'): void {
    mode = Mode.Failed;
    onError(new CodecError(protocol, code, message, position));
  }

  function emit(
    timestampMs: number,
    timestampNs: number,
    interfaceId: number,
    linkType: number,
    originalLength: number,
    data: Uint8Array,
  ): void {
    frames++;
    packets++;
    onPacket({
      frame: frames,
      timestampMs,
      timestampNs,
      interfaceId,
      section,
      linkType,
      capturedLength: data.length,
      originalLength,
      data,
    });
  }

  /** Reads the magic at `offset` and picks the format, or fails. */
  function detect(view: DataView, offset: number): void {
    const big = view.getUint32(offset, false);
    if (big === PCAPNG_SHB) {
      format = 'pcapng';
      mode = Mode.Block;
      return;
    }
    const little = view.getUint32(offset, true);
    const isPcap = (magic: number): boolean => magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
    if (isPcap(big) || isPcap(little)) {
      format = 'pcap';
      mode = Mode.PcapHeader;
      return;
    }
    failWith(
      'OTS_PCAP_BAD_MAGIC',
      `capture magic 0x${big.toString(16).padStart(8, '0')} is neither pcap (A1B2C3D4, A1B23C4D) nor pcapng (0A0D0D0A)`,
      'pcap',
    );
  }

  /** Handles a whole pcapng block at `offset` of `buffer`; returns false on a fatal error. */
  function block(buffer: Uint8Array, offset: number, type: number, total: number): boolean {
    const view = new DataView(buffer.buffer, buffer.byteOffset + offset, total);
    switch (type) {
      case PCAPNG_SHB: {
        const decoded = decodeSectionHeaderBlock(view);
        if (!decoded.ok) return reject(decoded.error);
        littleEndian = decoded.value.littleEndian;
        section++;
        interfaces = [];
        options.onSection?.(decoded.value, section);
        return true;
      }
      case PCAPNG_BLOCK_TYPES.interface_description: {
        const decoded = decodeInterfaceDescriptionBlock(view, littleEndian);
        if (!decoded.ok) return reject(decoded.error);
        const idb = decoded.value;
        const id = interfaces.length;
        interfaces.push({
          linkType: idb.linkType,
          snaplen: idb.snaplen,
          resolution: idb.timestampResolution,
          offsetSeconds: idb.timestampOffsetSeconds,
        });
        options.onInterface?.({
          id,
          section,
          linkType: idb.linkType,
          snaplen: idb.snaplen,
          timestampResolution: idb.timestampResolution,
          timestampOffsetSeconds: idb.timestampOffsetSeconds,
          name: idb.name,
          description: idb.description,
          fcsLength: idb.fcsLength,
        });
        return true;
      }
      case PCAPNG_BLOCK_TYPES.enhanced_packet: {
        const decoded = decodeEnhancedPacketBlock(view, littleEndian);
        if (!decoded.ok) return reject(decoded.error);
        const epb = decoded.value;
        return packet(epb.interfaceId, epb.timestampHigh, epb.timestampLow, epb);
      }
      case PCAPNG_BLOCK_TYPES.obsolete_packet: {
        const decoded = decodeObsoletePacketBlock(view, littleEndian);
        if (!decoded.ok) return reject(decoded.error);
        const opb = decoded.value;
        return packet(opb.interfaceId, opb.timestampHigh, opb.timestampLow, opb);
      }
      case PCAPNG_BLOCK_TYPES.simple_packet: {
        // An SPB belongs to the section's first interface and carries no timestamp (4.4).
        const first = interfaces[0];
        if (first === undefined) return noInterface(0);
        const decoded = decodeSimplePacketBlock(view, littleEndian, first.snaplen);
        if (!decoded.ok) return reject(decoded.error);
        if (tooLong(decoded.value.data.length)) return false;
        emit(0, 0, 0, first.linkType, decoded.value.originalLength, decoded.value.data);
        return true;
      }
      case PCAPNG_BLOCK_TYPES.interface_statistics: {
        const decoded = decodeInterfaceStatisticsBlock(view, littleEndian);
        if (!decoded.ok) return reject(decoded.error);
        const isb = decoded.value;
        const iface = interfaces[isb.interfaceId];
        const time = splitPcapngTime(
          isb.timestampHigh,
          isb.timestampLow,
          iface?.resolution ?? MICROSECONDS,
          iface?.offsetSeconds ?? 0,
        );
        options.onStatistics?.({
          ...isb,
          ...time,
          section,
        });
        return true;
      }
      default:
        return true;
    }
  }

  function packet(
    interfaceId: number,
    high: number,
    low: number,
    body: { readonly originalLength: number; readonly data: Uint8Array },
  ): boolean {
    const iface = interfaces[interfaceId];
    if (iface === undefined) return noInterface(interfaceId);
    if (tooLong(body.data.length)) return false;
    const time = splitPcapngTime(high, low, iface.resolution, iface.offsetSeconds);
    emit(
      time.timestampMs,
      time.timestampNs,
      interfaceId,
      iface.linkType,
      body.originalLength,
      body.data,
    );
    return true;
  }

  /** Every packet block, EPB, OPB and SPB alike, answers to maxRecordLength. */
  function tooLong(captured: number): boolean {
    if (captured <= maxRecordLength) return false;
    failWith(
      'OTS_PCAP_RECORD_TOO_LONG',
      `packet of ${captured} captured bytes exceeds the limit of ${maxRecordLength}`,
    );
    return true;
  }

  function noInterface(interfaceId: number): boolean {
    failWith(
      'OTS_PCAP_UNKNOWN_INTERFACE',
      `packet names interface ${interfaceId} but section ${section} described ${interfaces.length}`,
    );
    return false;
  }

  function reject(error: CodecError): boolean {
    mode = Mode.Failed;
    const offset = error.offset === undefined ? position : position + error.offset;
    onError(new CodecError(error.protocol, error.code, error.message, offset));
    return false;
  }

  /**
   * Reads as many whole units (header, record, block) as `buffer[start, end)` holds. Returns where
   * it stopped; when that is before `end`, `need` says how many bytes the next unit wants.
   */
  function run(buffer: Uint8Array, start: number, end: number): number {
    if (buffer !== currentBuffer) {
      currentBuffer = buffer;
      currentView = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
    const view = currentView;
    let offset = start;
    // Every pass consumes bytes, changes mode, or returns: the loop ends.
    while (offset < end) {
      const available = end - offset;
      switch (mode) {
        case Mode.Magic:
          if (available < 4) return stopAt(offset, 4);
          detect(view, offset);
          break;
        case Mode.PcapHeader: {
          if (available < 24) return stopAt(offset, 24);
          const decoded = decodePcapGlobalHeader(buffer, offset);
          if (!decoded.ok) {
            reject(decoded.error);
            return offset;
          }
          const header = decoded.value;
          littleEndian = header.littleEndian;
          nanoseconds = header.precision === 'nanoseconds';
          pcapLinkType = header.linkType;
          section = 0;
          options.onFileHeader?.(header);
          options.onInterface?.({
            id: 0,
            section: 0,
            linkType: header.linkType,
            snaplen: header.snaplen,
            timestampResolution: nanoseconds ? NANOSECONDS : MICROSECONDS,
            timestampOffsetSeconds: 0,
            name: undefined,
            description: undefined,
            fcsLength: header.fcsLength,
          });
          offset += 24;
          position += 24;
          mode = Mode.PcapRecord;
          break;
        }
        case Mode.PcapRecord: {
          // The hot path: a 16-byte record header, then the captured bytes (draft-ietf-opsawg-pcap, 5).
          if (available < RECORD_HEADER_LENGTH) return stopAt(offset, RECORD_HEADER_LENGTH);
          const capturedLength = view.getUint32(offset + 8, littleEndian);
          if (capturedLength > maxRecordLength) {
            failWith(
              'OTS_PCAP_RECORD_TOO_LONG',
              `record ${frames + 1} claims ${capturedLength} captured bytes, over the limit of ${maxRecordLength}`,
            );
            return offset;
          }
          const total = RECORD_HEADER_LENGTH + capturedLength;
          if (available < total) return stopAt(offset, total);
          const seconds = view.getUint32(offset, littleEndian);
          const fraction = view.getUint32(offset + 4, littleEndian);
          let ms: number;
          let ns: number;
          if (nanoseconds) {
            ms = seconds * 1000 + Math.floor(fraction / 1e6);
            ns = fraction % 1e6;
          } else {
            ms = seconds * 1000 + Math.floor(fraction / 1000);
            ns = (fraction % 1000) * 1000;
          }
          const data = new Uint8Array(
            buffer.buffer,
            buffer.byteOffset + offset + RECORD_HEADER_LENGTH,
            capturedLength,
          );
          const originalLength = view.getUint32(offset + 12, littleEndian);
          offset += total;
          position += total;
          emit(ms, ns, 0, pcapLinkType, originalLength, data);
          break;
        }
        case Mode.Block: {
          if (available < BLOCK_OVERHEAD) return stopAt(offset, BLOCK_OVERHEAD);
          const type = view.getUint32(offset, littleEndian);
          let blockLittleEndian = littleEndian;
          if (type === PCAPNG_SHB) {
            // A new section may switch byte order: its Byte-Order Magic decides (4.1).
            const order = sectionByteOrder(view, offset);
            if (order === undefined) {
              failWith(
                'OTS_PCAP_BAD_HEADER',
                `section header byte-order magic 0x${view.getUint32(offset + 8, false).toString(16)} is not 1A2B3C4D`,
              );
              return offset;
            }
            blockLittleEndian = order;
          }
          const total = view.getUint32(offset + 4, blockLittleEndian);
          const minimum = type === PCAPNG_SHB ? SECTION_HEADER_MIN_LENGTH : BLOCK_OVERHEAD;
          if (total < minimum || total % 4 !== 0) {
            failWith(
              'OTS_PCAP_BAD_BLOCK_LENGTH',
              `block of type 0x${type.toString(16)} has total length ${total}, not a multiple of 4 of at least ${minimum}`,
            );
            return offset;
          }
          if (!isDecodedBlock(type)) {
            // Skipped by its length without buffering; the trailing length is still checked.
            // tshark shows custom and systemd journal blocks as frames of their own, so they
            // take a frame number here too, to keep frame numbers the same as tshark's.
            if (takesFrameNumber(type)) frames++;
            skipTotal = total;
            skipRemaining = total - BLOCK_OVERHEAD;
            offset += 8;
            position += 8;
            mode = skipRemaining === 0 ? Mode.SkipTrailer : Mode.SkipBody;
            break;
          }
          if (total > maxBlockLength) {
            failWith(
              'OTS_PCAP_RECORD_TOO_LONG',
              `block of type 0x${type.toString(16)} claims ${total} bytes, over the limit of ${maxBlockLength}`,
            );
            return offset;
          }
          if (available < total) return stopAt(offset, total);
          if (!block(buffer, offset, type, total)) return offset;
          offset += total;
          position += total;
          break;
        }
        case Mode.SkipBody: {
          const skipped = Math.min(available, skipRemaining);
          skipRemaining -= skipped;
          offset += skipped;
          position += skipped;
          if (skipRemaining === 0) mode = Mode.SkipTrailer;
          break;
        }
        case Mode.SkipTrailer: {
          if (available < 4) return stopAt(offset, 4);
          const trailer = view.getUint32(offset, littleEndian);
          if (trailer !== skipTotal) {
            failWith(
              'OTS_PCAP_BAD_BLOCK_LENGTH',
              `skipped block's total length is ${skipTotal} at the start and ${trailer} at the end`,
            );
            return offset;
          }
          offset += 4;
          position += 4;
          mode = Mode.Block;
          break;
        }
        case Mode.Failed:
          return end;
      }
    }
    return offset;
  }

  /** Read through a call: TypeScript would keep `mode` narrowed across run(). */
  function isFailed(): boolean {
    return mode === Mode.Failed;
  }

  function stopAt(offset: number, needed: number): number {
    need = needed;
    return offset;
  }

  function push(chunk: Uint8Array): void {
    if (ended || mode === Mode.Failed) return;
    bytesRead += chunk.length;
    let offset = 0;
    // First complete the unit that the previous chunks left unfinished.
    while (pendingLength > 0 && offset < chunk.length) {
      const take = Math.min(need - pendingLength, chunk.length - offset);
      pending.set(chunk.subarray(offset, offset + take), pendingLength);
      pendingLength += take;
      offset += take;
      if (pendingLength < need) return;
      const stop = run(pending, 0, pendingLength);
      if (isFailed()) return;
      if (stop >= pendingLength) {
        pending = EMPTY;
        pendingLength = 0;
      } else {
        keep(pending, stop, pendingLength);
      }
    }
    if (offset < chunk.length) {
      const stop = run(chunk, offset, chunk.length);
      if (isFailed()) return;
      if (stop < chunk.length) keep(chunk, stop, chunk.length);
    }
  }

  /** Copies an unfinished unit into a fresh buffer sized for what it needs. */
  function keep(buffer: Uint8Array, start: number, end: number): void {
    const next = new Uint8Array(Math.max(need, end - start));
    next.set(buffer.subarray(start, end));
    pending = next;
    pendingLength = end - start;
  }

  function end(): void {
    if (ended) return;
    ended = true;
    if (mode === Mode.Failed) return;
    if (mode === Mode.Magic) {
      failWith(
        'OTS_PCAP_TRUNCATED',
        `capture ends after ${bytesRead} bytes, before its magic number`,
      );
    } else if (pendingLength > 0 || mode === Mode.SkipBody || mode === Mode.SkipTrailer) {
      const what =
        mode === Mode.PcapHeader
          ? 'the pcap global header'
          : mode === Mode.PcapRecord
            ? `record ${frames + 1}`
            : 'a pcapng block';
      failWith('OTS_PCAP_TRUNCATED', `capture is cut short in the middle of ${what}`);
    } else if (mode === Mode.PcapHeader) {
      failWith('OTS_PCAP_TRUNCATED', 'capture ends before the end of its pcap global header');
    }
    pending = EMPTY;
    pendingLength = 0;
  }

  return {
    push,
    end,
    get format() {
      return format;
    },
    get frames() {
      return frames;
    },
    get packets() {
      return packets;
    },
    get bytesRead() {
      return bytesRead;
    },
    get failed() {
      return mode === Mode.Failed;
    },
  };
}

/** The block types the reader buffers and decodes; every other type is skipped by length. */
function isDecodedBlock(type: number): boolean {
  return (
    type === PCAPNG_SHB ||
    type === PCAPNG_BLOCK_TYPES.interface_description ||
    type === PCAPNG_BLOCK_TYPES.enhanced_packet ||
    type === PCAPNG_BLOCK_TYPES.simple_packet ||
    type === PCAPNG_BLOCK_TYPES.obsolete_packet ||
    type === PCAPNG_BLOCK_TYPES.interface_statistics
  );
}

/** Blocks Wireshark 4.0 returns as records (frames) without a packet in them. */
function takesFrameNumber(type: number): boolean {
  return (
    type === PCAPNG_BLOCK_TYPES.custom_copyable ||
    type === PCAPNG_BLOCK_TYPES.custom ||
    type === PCAPNG_BLOCK_TYPES.systemd_journal_export
  );
}

/** Everything a whole capture held, for callers that have it in memory. */
export interface CaptureContents {
  readonly format: CaptureFormat | undefined;
  readonly packets: CapturePacket[];
  readonly interfaces: CaptureInterface[];
  readonly statistics: CaptureStatistics[];
  /** At most one: the reader stops at the first error, keeping the packets before it. */
  readonly errors: CodecError[];
}

/** Reads a whole capture held in memory; packet data are views into `bytes`. */
export function readCapture(
  bytes: Uint8Array,
  options: Omit<CaptureReaderOptions, 'onInterface' | 'onStatistics'> = {},
): CaptureContents {
  const packets: CapturePacket[] = [];
  const interfaces: CaptureInterface[] = [];
  const statistics: CaptureStatistics[] = [];
  const errors: CodecError[] = [];
  const reader = createCaptureReader(
    (packet) => packets.push(packet),
    (error) => errors.push(error),
    {
      ...options,
      onInterface: (description) => interfaces.push(description),
      onStatistics: (stats) => statistics.push(stats),
    },
  );
  reader.push(bytes);
  reader.end();
  return { format: reader.format, packets, interfaces, statistics, errors };
}
