import { INestApplication, Logger } from '@nestjs/common';
import type { Server } from 'node:http';

/** How long in-flight requests get to finish before their connections are cut. */
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * On SIGTERM/SIGINT: stop accepting connections and let in-flight requests finish, THEN close the
 * app (Nest's onModuleDestroy / onApplicationShutdown hooks close stores, bus and databases).
 * Nest's own enableShutdownHooks runs those hooks before the server stops, which would pull the
 * database from under requests still running.
 */
export const closeGracefullyOnSignals = (app: INestApplication, drainTimeoutMs = DRAIN_TIMEOUT_MS): void => {
  let closing = false;
  const close = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    const logger = new Logger('Shutdown');
    logger.log(`${signal}: draining in-flight requests`);
    const server = app.getHttpServer() as Server;
    const cut = setTimeout(() => server.closeAllConnections(), drainTimeoutMs).unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(cut);
    await app.close();
    logger.log('closed');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (s) => void close(s));
};
