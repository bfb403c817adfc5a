// OTsafe's configuration: the schema (zod), its defaults (which run with no file at all), YAML
// loading with errors that name the file, the line and the key, and the JSON Schema for editors.
import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { OVERFLOW_POLICIES } from '../bus/index.js';
import { LOG_LEVELS, OtsafeError, isDuration } from '../core/index.js';

const duration = z
  .string()
  .refine(isDuration, { message: 'expected a duration such as 500ms, 30s, 15m, 12h, 30d or 2w' });

const port = z.int().min(0).max(65_535);

const topicPolicy = (capacity: number, overflow: (typeof OVERFLOW_POLICIES)[number]) =>
  z
    .strictObject({
      capacity: z
        .int()
        .min(1)
        .max(10_000_000)
        .default(capacity)
        .describe('Messages a consumer group may hold.'),
      overflow: z
        .enum(OVERFLOW_POLICIES)
        .default(overflow)
        .describe(
          'What a full queue does: wait (backpressure), drop-newest or drop-oldest (counted).',
        ),
    })
    .prefault({});

export const ConfigSchema = z
  .strictObject({
    log: z
      .strictObject({
        level: z.enum(LOG_LEVELS).default('info'),
        destination: z
          .enum(['file', 'stdout', 'stderr'])
          .default('file')
          .describe('file writes JSON lines to <data dir>/logs/otsafe.log.'),
      })
      .prefault({}),
    api: z
      .strictObject({
        host: z
          .string()
          .min(1)
          .default('127.0.0.1')
          .describe('Listen address of the API and dashboard.'),
        port: port.default(8080),
      })
      .prefault({}),
    store: z
      .strictObject({
        engine: z.enum(['sqlite', 'postgres']).default('sqlite'),
        sqlite: z
          .strictObject({
            path: z
              .string()
              .min(1)
              .default('otsafe.db')
              .describe('Relative paths are inside the data directory.'),
          })
          .prefault({}),
        postgres: z
          .strictObject({
            url: z
              .string()
              .regex(/^postgres(ql)?:\/\//, {
                message: 'expected a URL such as postgres://user@host:5432/otsafe',
              })
              .optional(),
            poolSize: z.int().min(1).max(100).default(10),
          })
          .prefault({}),
        batch: z
          .strictObject({
            maxRows: z
              .int()
              .min(1)
              .max(100_000)
              .default(1_000)
              .describe('Rows written per transaction.'),
            maxDelay: duration
              .default('200ms')
              .describe('Longest an event waits before its batch is written.'),
            maxPending: z
              .int()
              .min(1)
              .max(10_000_000)
              .default(100_000)
              .describe('Events held in memory at most.'),
            overflow: z
              .enum(['wait', 'drop'])
              .default('wait')
              .describe('When maxPending is reached: wait (backpressure) or drop (counted).'),
          })
          .prefault({}),
        retention: z
          .strictObject({
            events: duration.default('30d'),
            alerts: duration.default('365d'),
            telemetry: duration.default('7d'),
            pruneEvery: duration.default('1h'),
          })
          .prefault({})
          .describe(
            'How long rows are kept. Incidents, playbook runs and the audit trail are never pruned.',
          ),
      })
      .prefault({})
      .superRefine((store, ctx) => {
        if (store.engine === 'postgres' && store.postgres.url === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['postgres', 'url'],
            message: 'store.engine is postgres, so store.postgres.url is required',
          });
        }
      }),
    bus: z
      .strictObject({
        engine: z
          .enum(['memory'])
          .default('memory')
          .describe('memory: in-process. NATS JetStream comes later.'),
        topics: z
          .strictObject({
            events: topicPolicy(10_000, 'wait'),
            alerts: topicPolicy(10_000, 'wait'),
            telemetry: topicPolicy(50_000, 'drop-oldest'),
          })
          .prefault({}),
      })
      .prefault({}),
  })
  .describe('OTsafe configuration');

export type Config = z.output<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

/** The configuration used when no file is given. */
export function defaultConfig(): Config {
  return ConfigSchema.parse({});
}

/** The configuration schema as JSON Schema (draft 2020-12), for editors and `otsafe config schema`. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ConfigSchema, { io: 'input' }),
    $id: 'https://otsafe.dev/schemas/config.json',
    title: 'OTsafe configuration',
  };
}

/** One thing wrong with a configuration, located in its file. */
export interface ConfigProblem {
  /** The key path, dotted: store.batch.maxRows. */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

/** Reads, parses and validates a configuration file. Throws OTS_CONFIG_* errors that locate the fault. */
export function loadConfigFile(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new OtsafeError(
      'OTS_CONFIG_NOT_FOUND',
      `${file}: cannot read the configuration file (${errnoOf(cause)})`,
      {
        cause,
        details: { file },
      },
    );
  }
  return parseConfig(text, file);
}

/** Parses and validates configuration text; `file` names it in messages. */
export function parseConfig(text: string, file: string): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const pos = lineCounter.linePos(yamlError.pos[0]);
    throw new OtsafeError(
      'OTS_CONFIG_YAML',
      `${file}:${String(pos.line)}:${String(pos.col)}: ${firstLine(yamlError.message)}`,
      {
        details: { file, line: pos.line, column: pos.col },
      },
    );
  }
  const raw: unknown = doc.toJS() ?? {};
  const result = ConfigSchema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;

  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, doc, lineCounter));
  const lines = problems.map(
    (p) =>
      `${file}${p.line === undefined ? '' : `:${String(p.line)}:${String(p.column)}`}: ${p.path || '(top level)'}: ${p.message}`,
  );
  throw new OtsafeError('OTS_CONFIG_INVALID', lines.join('\n'), { details: { file, problems } });
}

function describeIssue(
  issue: z.core.$ZodIssue,
  doc: Document,
  lines: LineCounter,
): ConfigProblem[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? p.toString() : p));
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(path);
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      const hint = suggestion
        ? `; did you mean "${suggestion}"?`
        : known.length > 0
          ? `; expected one of ${known.join(', ')}`
          : '';
      return locate(
        { path: [...path, key].join('.'), message: `unknown key "${key}"${hint}` },
        keyOffset(doc, path, key),
        lines,
      );
    });
  }
  const got = issue.input;
  const message =
    issue.code === 'invalid_type' && got === undefined
      ? 'required'
      : got === null || ['string', 'number', 'boolean'].includes(typeof got)
        ? `${issue.message}, got ${JSON.stringify(got)}`
        : issue.message;
  return [locate({ path: path.join('.'), message }, valueOffset(doc, path), lines)];
}

function locate(
  problem: ConfigProblem,
  offset: number | undefined,
  lines: LineCounter,
): ConfigProblem {
  if (offset === undefined) return problem;
  const pos = lines.linePos(offset);
  return { ...problem, line: pos.line, column: pos.col };
}

/** Where a value sits in the file; for a missing key, its nearest existing parent. */
function valueOffset(doc: Document, path: readonly (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as
      { range?: [number, number, number] } | undefined;
    if (node?.range) return node.range[0];
  }
  return undefined;
}

function keyOffset(
  doc: Document,
  path: readonly (string | number)[],
  key: string,
): number | undefined {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
  }
  return valueOffset(doc, path);
}

/** The keys the schema allows at a path, for "did you mean". */
function knownKeys(path: readonly (string | number)[]): string[] {
  let schema: z.core.$ZodType | undefined = ConfigSchema;
  for (const segment of [...path, null]) {
    // Unwrap defaults, prefaults, optionals and refinements to reach the object.
    while (schema && 'innerType' in schema._zod.def)
      schema = schema._zod.def.innerType as z.core.$ZodType;
    if (segment === null) break;
    schema =
      schema instanceof z.ZodObject
        ? (schema.shape as Record<string, z.core.$ZodType>)[String(segment)]
        : undefined;
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** The known key nearest to a misspelt one, if it is near enough to be a plausible slip. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3))
    ? best
    : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function errnoOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}
