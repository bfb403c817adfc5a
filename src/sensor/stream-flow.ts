// What the pipeline asks of a protocol on one TCP flow: bytes in each direction, holes, the end.

export interface StreamFlow {
  /** In-order bytes; `toServer` is true for the client's (requests), false for the server's. */
  data(toServer: boolean, bytes: Uint8Array): void;
  /** Bytes of that direction were lost: drop what was held for an unfinished PDU. */
  gap(toServer: boolean): void;
  /** The flow is over: report PDUs left unfinished. */
  end(): void;
}
