// Starting and stopping services in order: each service registers how to stop once it has
// started, and shutdown runs those in reverse, each with a deadline, so one stuck socket
// cannot hold the others (or the store's last batch) hostage.
import { OtsafeError, type Logger } from '../core/index.js';

interface Stoppable {
  name: string;
  stop: () => Promise<void> | void;
}

export interface LifecycleOptions {
  logger: Logger;
  /** How long one service may take to stop. */
  stopTimeoutMs?: number;
}

export class Lifecycle {
  private readonly services: Stoppable[] = [];
  private stopping: Promise<boolean> | undefined;
  private readonly logger: Logger;
  private readonly stopTimeoutMs: number;

  constructor(options: LifecycleOptions) {
    this.logger = options.logger;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  }

  /** Registers a started service; it will be stopped before every service registered earlier. */
  add(name: string, stop: () => Promise<void> | void): void {
    this.services.push({ name, stop });
  }

  get names(): string[] {
    return this.services.map((s) => s.name);
  }

  /** Stops everything once, in reverse order. Resolves true if every service stopped cleanly. */
  stop(reason: string): Promise<boolean> {
    this.stopping ??= this.stopAll(reason);
    return this.stopping;
  }

  private async stopAll(reason: string): Promise<boolean> {
    this.logger.info({ reason }, 'stopping');
    let clean = true;
    for (const service of [...this.services].reverse()) {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          Promise.resolve().then(service.stop),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              reject(
                new OtsafeError(
                  'OTS_SHUTDOWN_TIMEOUT',
                  `${service.name} did not stop within ${String(this.stopTimeoutMs)} ms`,
                  {
                    details: { service: service.name },
                  },
                ),
              );
            }, this.stopTimeoutMs);
          }),
        ]);
        this.logger.debug({ service: service.name }, 'stopped');
      } catch (error) {
        clean = false;
        this.logger.error({ service: service.name, err: error }, 'service failed to stop cleanly');
      } finally {
        clearTimeout(timer);
      }
    }
    this.services.length = 0;
    return clean;
  }
}

/**
 * Stops the lifecycle on SIGINT or SIGTERM, then calls `done` with the exit code: 0 when every
 * service stopped cleanly. A second signal a second or more after the first exits at once, for
 * the operator who means it; sooner, it is the same Ctrl-C delivered twice (the terminal signals
 * the whole process group, and npm forwards it to its child as well).
 */
export function stopOnSignals(lifecycle: Lifecycle, done: (exitCode: number) => void): () => void {
  let firstAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (firstAt !== undefined) {
      if (Date.now() - firstAt >= 1_000) done(130);
      return;
    }
    firstAt = Date.now();
    void lifecycle.stop(signal).then((clean) => {
      done(clean ? 0 : 1);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
