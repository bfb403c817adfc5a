// Feeds a decoder from a Node stream (a file's read stream, process.stdin) until it ends.
import { createDecoder, type DecoderOptions } from './decode.js';
import type { DecodeStats } from './emitter.js';
import type { DecodeRecord } from './record.js';

/**
 * Decodes a whole capture from an async iterable of chunks (`fs.createReadStream(file)`,
 * `process.stdin`, with no text encoding set) and resolves with the counters once it ended. A
 * stream error rejects, after the records of what had been read and the end of every flow.
 */
export async function decodeReadable(
  chunks: AsyncIterable<Uint8Array>,
  onRecord: (record: DecodeRecord) => void,
  options: DecoderOptions = {},
): Promise<DecodeStats> {
  const decoder = createDecoder(onRecord, options);
  try {
    for await (const chunk of chunks) {
      decoder.push(chunk);
    }
  } finally {
    decoder.end();
  }
  return decoder.stats;
}
