// Configuration: defaults with no file, and errors that name the file, the line and the key.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  closest,
  configJsonSchema,
  defaultConfig,
  loadConfigFile,
  parseConfig,
} from '../../src/app/index.js';
import { OtsafeError, isOtsafeError, parseDuration } from '../../src/core/index.js';

function failure(text: string): OtsafeError {
  try {
    parseConfig(text, 'otsafe.yaml');
  } catch (error) {
    if (error instanceof OtsafeError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('runs on embedded defaults with no file at all', () => {
    const config = defaultConfig();
    expect(config.api).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(config.store.engine).toBe('sqlite');
    expect(config.bus.topics.events).toEqual({ capacity: 10_000, overflow: 'wait' });
    expect(parseDuration(config.store.retention.events)).toBe(30 * 86_400_000);
    expect(parseConfig('', 'empty.yaml')).toEqual(config);
    expect(parseConfig('# only a comment\n', 'c.yaml')).toEqual(config);
  });

  it('merges a file over the defaults', () => {
    const config = loadConfigFile('test/fixtures/config/valid.yaml');
    expect(config.log.level).toBe('warn');
    expect(config.api).toEqual({ host: '127.0.0.1', port: 18080 });
    expect(config.store.batch).toMatchObject({ maxRows: 500, maxDelay: '200ms' });
    expect(config.store.retention.events).toBe('14d');
  });

  it('names file, line, key path and a did-you-mean for an unknown key', () => {
    const err = failure('api:\n  host: 127.0.0.1\n  prot: 8080\n');
    expect(err.code).toBe('OTS_CONFIG_INVALID');
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe('otsafe.yaml:3:3: api.prot: unknown key "prot"; did you mean "port"?');
    expect(err.details).toMatchObject({
      file: 'otsafe.yaml',
      problems: [{ path: 'api.prot', line: 3, column: 3 }],
    });
  });

  it('lists every problem, each at its line, with the value it got', () => {
    const err = failure(
      'api:\n  port: 99999\nstore:\n  batch:\n    maxRows: 0\n  retention:\n    events: thirty days\n',
    );
    expect(err.message.split('\n')).toEqual([
      'otsafe.yaml:2:9: api.port: Too big: expected number to be <=65535, got 99999',
      'otsafe.yaml:5:14: store.batch.maxRows: Too small: expected number to be >=1, got 0',
      'otsafe.yaml:7:13: store.retention.events: expected a duration such as 500ms, 30s, 15m, 12h, 30d or 2w, got "thirty days"',
    ]);
  });

  it('lists the allowed keys when nothing is close', () => {
    expect(failure('bus:\n  wombat: 1\n').message).toBe(
      'otsafe.yaml:2:3: bus.wombat: unknown key "wombat"; expected one of engine, topics',
    );
    expect(failure('stroe: {}\n').message).toBe(
      'otsafe.yaml:1:1: stroe: unknown key "stroe"; did you mean "store"?',
    );
  });

  it('checks across keys: postgres needs a URL', () => {
    expect(failure('store:\n  engine: postgres\n').message).toBe(
      'otsafe.yaml:2:3: store.postgres.url: store.engine is postgres, so store.postgres.url is required',
    );
  });

  it('refuses wrong types and enum values, naming the choices', () => {
    expect(failure('api: 8080\n').message).toMatch(
      /^otsafe\.yaml:1:6: api: Invalid input: expected object/,
    );
    expect(failure('bus:\n  topics:\n    events:\n      overflow: dropp\n').message).toBe(
      'otsafe.yaml:4:17: bus.topics.events.overflow: Invalid option: expected one of "wait"|"drop-newest"|"drop-oldest", got "dropp"',
    );
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    const syntax = failure('api:\n  port: [1,\n');
    expect(syntax.code).toBe('OTS_CONFIG_YAML');
    expect(syntax.message).toMatch(/^otsafe\.yaml:\d+:\d+: /);
    const duplicate = failure('api:\n  port: 1\n  port: 2\n');
    expect(duplicate.code).toBe('OTS_CONFIG_YAML');
    expect(duplicate.message).toMatch(/^otsafe\.yaml:3:3: .*unique/i);
  });

  it('names a missing file', () => {
    try {
      loadConfigFile('no/such/otsafe.yaml');
      expect.unreachable();
    } catch (error) {
      expect(isOtsafeError(error, 'OTS_CONFIG_NOT_FOUND')).toBe(true);
      expect(String(error)).toContain('no/such/otsafe.yaml');
      expect(String(error)).toContain('ENOENT');
    }
  });

  it('exports a JSON Schema that accepts the defaults and the example, and refuses typos', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(configJsonSchema());
    expect(validate({})).toBe(true);
    expect(validate(defaultConfig())).toBe(true);
    expect(validate({ api: { port: 18080 }, store: { batch: { maxRows: 500 } } })).toBe(true);
    expect(validate({ api: { prot: 8080 } })).toBe(false);
    expect(validate({ api: { port: 70_000 } })).toBe(false);
  });

  it('suggests only plausible slips', () => {
    expect(closest('maxRow', ['maxRows', 'maxDelay'])).toBe('maxRows');
    expect(closest('retnetion', ['retention', 'batch'])).toBe('retention');
    expect(closest('zzz', ['engine', 'topics'])).toBeUndefined();
  });
});

describe('otsafe.example.yaml', () => {
  it('is valid and states exactly the defaults', () => {
    expect(loadConfigFile('otsafe.example.yaml')).toEqual(defaultConfig());
  });
});
