// Where the repository is, for the corpus files read at start-up (Modbus vectors, pcap fixtures).
// The fuzz worker runs from a bundle in a temporary folder, so paths cannot be relative to the
// module: the supervisor passes the root in, and source runs fall back to this file's folder.
import { readFileSync } from 'node:fs';

let root = new URL('../', import.meta.url);

export function setRepositoryRoot(url: string): void {
  root = new URL(url.endsWith('/') ? url : `${url}/`);
}

export function repositoryRoot(): URL {
  return root;
}

/** The bytes of a file of the repository, by its path from the root. */
export function repositoryFile(path: string): Uint8Array {
  const bytes = readFileSync(new URL(path, root));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

export function repositoryText(path: string): string {
  return readFileSync(new URL(path, root), 'utf8');
}
