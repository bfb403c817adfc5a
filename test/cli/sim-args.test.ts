import { describe, expect, it } from 'vitest';
import { checkDistinct, parseHostPort, parseListen } from '../../src/cli/sim-args.js';
import { isOtsafeError } from '../../src/core/index.js';

const PLCS = ['boiler-plc', 'feed-plc'];

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isOtsafeError(error, 'OTS_CLI_USAGE')) return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('otsafe sim flags', () => {
  it('parses the issue example', () => {
    expect(
      [
        'boiler-plc:s7=127.0.0.11:102',
        'boiler-plc:modbus=127.0.0.11:502',
        'feed-plc:modbus=127.0.0.12:502',
      ].map((text) => parseListen(text, PLCS)),
    ).toEqual([
      { plc: 'boiler-plc', protocol: 's7', host: '127.0.0.11', port: 102 },
      { plc: 'boiler-plc', protocol: 'modbus', host: '127.0.0.11', port: 502 },
      { plc: 'feed-plc', protocol: 'modbus', host: '127.0.0.12', port: 502 },
    ]);
    expect(parseHostPort('[::1]:4840', '--opcua', 'x')).toEqual({ host: '::1', port: 4840 });
  });

  it('names what is wrong', () => {
    expect(usageMessage(() => parseListen('boiler-plc=127.0.0.1:102', PLCS))).toMatch(
      /not PLC:PROTOCOL=HOST:PORT; for example --listen boiler-plc:s7=/,
    );
    expect(usageMessage(() => parseListen('mixer-plc:s7=127.0.0.1:102', PLCS))).toMatch(
      /no PLC "mixer-plc"; it has boiler-plc, feed-plc/,
    );
    expect(usageMessage(() => parseListen('feed-plc:dnp3=127.0.0.1:20000', PLCS))).toMatch(
      /protocol "dnp3" is not modbus or s7/,
    );
    expect(usageMessage(() => parseListen('feed-plc:modbus=127.0.0.1:70000', PLCS))).toMatch(
      /"127.0.0.1:70000" is not HOST:PORT/,
    );
    expect(
      usageMessage(() => {
        checkDistinct([
          parseListen('feed-plc:modbus=127.0.0.1:502', PLCS),
          parseListen('boiler-plc:modbus=127.0.0.1:502', PLCS),
        ]);
      }),
    ).toMatch(/boiler-plc:modbus and feed-plc:modbus both ask for 127.0.0.1:502/);
  });
});
