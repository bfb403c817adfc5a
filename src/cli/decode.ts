// `otsafe decode FILE|-`: one JSON object per decoded PDU, one per line, from a pcap or pcapng
// file or from standard input (`tcpdump -w - | otsafe decode -`). A summary goes to stderr.
import { createReadStream } from 'node:fs';
import { EXIT } from '../core/index.js';
import { createDecoder, formatRecord, type DecodeStats } from '../sensor/index.js';
import { renderTable } from './ui.js';

/** Codes after which the capture reader stops: the rest of the input is not a capture. */
const CAPTURE_STOPPERS = new Set([
  'OTS_PCAP_BAD_MAGIC',
  'OTS_PCAP_BAD_HEADER',
  'OTS_PCAP_RECORD_TOO_LONG',
  'OTS_PCAP_TRUNCATED',
  'OTS_PCAP_BAD_BLOCK_LENGTH',
  'OTS_PCAP_BAD_BLOCK',
]);

export interface DecodeIo {
  /** Writes text; false when the consumer is slow and the caller should wait for drain(). */
  write(text: string): boolean;
  drain(): Promise<void>;
  stderr(text: string): void;
  stdin(): AsyncIterable<Uint8Array>;
}

export interface DecodeCommandOptions {
  values: boolean;
  summary: boolean;
}

/** Decodes a capture to JSON lines; resolves with the exit code. */
export async function decodeCommand(
  source: string,
  options: DecodeCommandOptions,
  io: DecodeIo,
): Promise<number> {
  let pending: string[] = [];
  const decoder = createDecoder((record) => pending.push(formatRecord(record)), {
    values: options.values,
  });
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    if (!io.write(text)) await io.drain();
  };
  const input = source === '-' ? io.stdin() : createReadStream(source);
  try {
    for await (const chunk of input) {
      decoder.push(chunk as Uint8Array);
      await flush();
    }
  } catch (error) {
    const errno = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    io.stderr(`error OTS_CLI_USAGE: cannot read ${source} (${errno})\n`);
    return EXIT.usage;
  } finally {
    decoder.end();
  }
  await flush();
  const stats = decoder.stats;
  if (options.summary) io.stderr(`${summarize(source, stats)}\n`);
  const stopped = Object.keys(stats.errorsByCode).filter((code) => CAPTURE_STOPPERS.has(code));
  if (stopped.length > 0) {
    io.stderr(
      `error ${stopped[0] ?? ''}: ${source} is not a readable capture past byte ${String(stats.bytes)}; see the error record above\n`,
    );
    return EXIT.usage;
  }
  return EXIT.ok;
}

function summarize(source: string, stats: DecodeStats): string {
  const rows: (string | number)[][] = [
    ['packets', stats.packets],
    ['ICS packets', stats.icsPackets],
    ['TCP flows', stats.flows],
    ...Object.entries(stats.byProtocol)
      .filter(([, n]) => n > 0)
      .map(([protocol, n]) => [`${protocol} PDUs`, n]),
    ...Object.entries(stats.errorsByCode).map(([code, n]) => [code, n]),
  ];
  if (stats.ipFragments > 0) rows.push(['IP fragments (not decoded)', stats.ipFragments]);
  return `${source}:\n${renderTable(['', 'count'], rows, { borders: false })}`;
}
