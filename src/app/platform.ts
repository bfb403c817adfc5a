// The composition root of `otsafe up`: it opens the store, starts the bus and the API, wires
// events into the store, and registers each part with the lifecycle so shutdown runs in reverse
// (API first, then the bus drains into the store, then the store writes its last batch).
import { join, isAbsolute } from 'node:path';
import {
  startApiServer,
  type ApiServer,
  type HealthReport,
  type ServiceStatus,
} from '../api/index.js';
import { MemoryBus, type OtsafeTopics } from '../bus/index.js';
import {
  DATASETS,
  SystemClock,
  VERSION,
  createIdFactory,
  createLogger,
  parseDuration,
  type Clock,
  type Logger,
  type OtsafeEvent,
} from '../core/index.js';
import { openStore, type Store, type StoreOptions } from '../store/index.js';
import type { Config } from './config.js';
import { ensureHome } from './home.js';
import { Lifecycle } from './lifecycle.js';

export interface PlatformOptions {
  config: Config;
  home: string;
  /** Run the demo plant (it arrives with the Plant issue; until then only the platform runs). */
  demo: boolean;
  /** Overrides config.log (tests pass a silent logger). */
  logger?: Logger;
  clock?: Clock;
}

export interface Platform {
  readonly home: string;
  readonly config: Config;
  readonly apiUrl: string;
  readonly bus: MemoryBus<OtsafeTopics>;
  readonly store: Store;
  readonly lifecycle: Lifecycle;
  readonly services: ServiceStatus[];
  health(): HealthReport;
  /** Stops everything (also what SIGINT and SIGTERM do). Resolves true when all stopped cleanly. */
  stop(reason?: string): Promise<boolean>;
}

export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const { config, demo } = options;
  const home = ensureHome(options.home);
  const clock = options.clock ?? new SystemClock();
  const logger =
    options.logger ??
    createLogger({
      level: config.log.level,
      ...(config.log.destination === 'file'
        ? { file: join(home, 'logs', 'otsafe.log') }
        : { destination: config.log.destination === 'stdout' ? 1 : 2 }),
    });
  const lifecycle = new Lifecycle({ logger });
  const nextId = createIdFactory(clock);
  const startedAt = clock.now();

  try {
    const store = await openStore(storeOptions(config, home), {
      logger: logger.child({ component: 'store' }),
      clock,
    });
    lifecycle.add('store', () => store.close());

    const writer = store.eventWriter({
      maxRows: config.store.batch.maxRows,
      maxDelayMs: parseDuration(config.store.batch.maxDelay),
      maxPending: config.store.batch.maxPending,
      overflow: config.store.batch.overflow,
    });
    lifecycle.add('store writer', () => writer.close());

    const retention = {
      events: config.store.retention.events,
      alerts: config.store.retention.alerts,
      telemetry: config.store.retention.telemetry,
    };
    const prune = (): void => {
      store.prune(retention).catch((err: unknown) => {
        logger.error({ err }, 'retention prune failed');
      });
    };
    const pruneTimer = clock.setInterval(prune, parseDuration(config.store.retention.pruneEvery));
    lifecycle.add('retention', () => {
      clock.clearInterval(pruneTimer);
    });

    const busLog = logger.child({ component: 'bus' });
    const bus = new MemoryBus<OtsafeTopics>({
      policies: config.bus.topics,
      onHandlerError: (err, where) => {
        busLog.error({ err, ...where }, 'subscriber failed');
      },
    });
    bus.subscribe('events', (event) => writer.write(event), { group: 'store' });
    lifecycle.add('bus', () => bus.close());

    const services: ServiceStatus[] = [
      { name: 'store', state: 'running', detail: describeStore(config, home) },
      {
        name: 'bus',
        state: 'running',
        detail: `in-process (${Object.keys(config.bus.topics).join(', ')})`,
      },
      {
        name: 'plant',
        state: 'not-configured',
        detail: demo
          ? 'the demo plant arrives with the Plant issue'
          : 'run with --demo for the demo plant',
      },
    ];

    const health = (): HealthReport => ({
      status: writer.stats().dropped > 0 || writer.stats().failed > 0 ? 'degraded' : 'ok',
      version: VERSION,
      startedAt: new Date(startedAt).toISOString(),
      uptimeSeconds: Math.round((clock.now() - startedAt) / 1000),
      services,
      bus: bus.stats(),
      store: { engine: store.engine, writer: writer.stats() },
    });

    const api: ApiServer = await startApiServer({
      host: config.api.host,
      port: config.api.port,
      logger,
      health,
    });
    lifecycle.add('api', () => api.close());
    services.push({ name: 'api', state: 'running', detail: `${api.url}/api/health` });

    const platformEvent = (action: string, message: string): OtsafeEvent => ({
      '@timestamp': new Date(clock.now()).toISOString(),
      event: { id: nextId(), kind: 'event', dataset: DATASETS.platform, module: 'app', action },
      message,
      labels: { version: VERSION, mode: demo ? 'demo' : 'default' },
    });
    await bus.publish('events', platformEvent('platform.start', `OTsafe ${VERSION} started`));
    // Recorded before the bus drains, so the stop is in the store like every other event.
    lifecycle.add('announce stop', async () => {
      await bus.publish('events', platformEvent('platform.stop', `OTsafe ${VERSION} stopping`));
    });

    logger.info({ home, api: api.url, store: store.engine, demo }, 'platform up');
    return {
      home,
      config,
      apiUrl: api.url,
      bus,
      store,
      lifecycle,
      services,
      health,
      stop: (reason = 'requested') => lifecycle.stop(reason),
    };
  } catch (error) {
    // A part failed to start: stop what did start, so no socket or file is left open.
    await lifecycle.stop('start failed');
    throw error;
  }
}

/** The rows `otsafe up` prints: what runs, and where. */
export function describePlatform(platform: Platform): string[][] {
  return [['data', platform.home], ...platform.services.map((s) => [s.name, s.detail ?? s.state])];
}

function storeOptions(config: Config, home: string): StoreOptions {
  if (config.store.engine === 'postgres') {
    return {
      engine: 'postgres',
      url: config.store.postgres.url ?? '',
      poolSize: config.store.postgres.poolSize,
    };
  }
  return { engine: 'sqlite', path: sqlitePath(config, home) };
}

function sqlitePath(config: Config, home: string): string {
  const path = config.store.sqlite.path;
  return path === ':memory:' || isAbsolute(path) ? path : join(home, path);
}

function describeStore(config: Config, home: string): string {
  if (config.store.engine === 'postgres') {
    const url = new URL(config.store.postgres.url ?? 'postgres://');
    return `postgres ${url.host}${url.pathname}`;
  }
  return `sqlite ${sqlitePath(config, home)}`;
}
