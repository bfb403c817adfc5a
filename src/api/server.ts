// The HTTP API: Fastify on a loopback address by default. For now it serves the platform's health;
// the dashboard, the live feed and the resource routes join it in later issues.
import Fastify, { type FastifyInstance } from 'fastify';
import type { TopicStats } from '../bus/index.js';
import { OtsafeError, type Logger } from '../core/index.js';

/** Who may call a route. Every route declares one; the auth issue enforces them. */
export type Role = 'public' | 'viewer' | 'operator' | 'admin';

export interface ServiceStatus {
  name: string;
  state: 'running' | 'not-configured' | 'failed';
  detail?: string;
}

/** GET /api/health: what runs, and the counters an operator watches for loss. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  version: string;
  startedAt: string;
  uptimeSeconds: number;
  services: ServiceStatus[];
  bus: TopicStats[];
  store: Record<string, unknown>;
}

export interface ApiServerOptions {
  host: string;
  port: number;
  logger: Logger;
  health: () => HealthReport | Promise<HealthReport>;
}

export interface ApiServer {
  /** The base URL it listens on, such as http://127.0.0.1:8080. */
  readonly url: string;
  readonly fastify: FastifyInstance;
  close(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    role?: Role;
  }
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const fastify = Fastify({
    logger: false,
    // Shutdown must not wait for idle keep-alive connections (browsers, curl -K).
    forceCloseConnections: true,
    bodyLimit: 1_048_576,
  });
  const log = options.logger.child({ component: 'api' });

  fastify.addHook('onResponse', (request, reply, done) => {
    log.debug({ method: request.method, url: request.url, status: reply.statusCode }, 'request');
    done();
  });

  fastify.get('/api/health', { config: { role: 'public' } }, async () => options.health());

  try {
    await fastify.listen({ host: options.host, port: options.port });
  } catch (cause) {
    await fastify.close();
    const errno = cause instanceof Error && 'code' in cause ? String(cause.code) : '';
    if (errno === 'EADDRINUSE' || errno === 'EACCES' || errno === 'EADDRNOTAVAIL') {
      throw new OtsafeError(
        'OTS_PORT_IN_USE',
        `cannot listen on ${options.host}:${String(options.port)} (${errno}): stop the other process or set api.port`,
        { cause, details: { host: options.host, port: options.port, errno } },
      );
    }
    throw cause;
  }
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${String(port)}`,
    fastify,
    close: () => fastify.close(),
  };
}
