// Names of the link-layer function codes, which differ for primary and secondary frames
// (IEEE 1815-2012, 9.2.4.1.3, Tables 9-1 and 9-2).

/** Primary-to-secondary (PRM = 1) link function codes. */
export const DNP3_PRIMARY_LINK_FUNCTIONS = {
  0: 'reset_link_states',
  1: 'reset_user_process', // obsolete since DNP3-2007, still named so old captures read well
  2: 'test_link_states',
  3: 'confirmed_user_data',
  4: 'unconfirmed_user_data',
  9: 'request_link_status',
} as const;

/** Secondary-to-primary (PRM = 0) link function codes. */
export const DNP3_SECONDARY_LINK_FUNCTIONS = {
  0: 'ack',
  1: 'nack',
  11: 'link_status',
  14: 'link_not_functioning', // obsolete
  15: 'not_supported',
} as const;

export type Dnp3PrimaryLinkFunction =
  (typeof DNP3_PRIMARY_LINK_FUNCTIONS)[keyof typeof DNP3_PRIMARY_LINK_FUNCTIONS];
export type Dnp3SecondaryLinkFunction =
  (typeof DNP3_SECONDARY_LINK_FUNCTIONS)[keyof typeof DNP3_SECONDARY_LINK_FUNCTIONS];

const PRIMARY: Readonly<Record<number, string>> = DNP3_PRIMARY_LINK_FUNCTIONS;
const SECONDARY: Readonly<Record<number, string>> = DNP3_SECONDARY_LINK_FUNCTIONS;

/** Name of a link function code as seen in a frame with the given PRM bit: 'unknown-N' if none. */
export function dnp3LinkFunctionName(
  prm: boolean,
  code: number,
): Dnp3PrimaryLinkFunction | Dnp3SecondaryLinkFunction | `unknown-${number}` {
  const name = (prm ? PRIMARY : SECONDARY)[code];
  return name === undefined
    ? `unknown-${code}`
    : (name as Dnp3PrimaryLinkFunction | Dnp3SecondaryLinkFunction);
}
