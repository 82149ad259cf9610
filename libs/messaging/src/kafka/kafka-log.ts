import { type logCreator, logLevel } from 'kafkajs';
import type { BusLogger } from '../bus-logger';

/**
 * kafkajs logs through our JSON logger, errors only: at info it narrates every connection and
 * rebalance. `KAFKAJS_LOG_LEVEL=warn|info|debug` turns it up when chasing a problem.
 */
export const kafkaLogLevel = (): logLevel => {
  const wanted = process.env.KAFKAJS_LOG_LEVEL?.toUpperCase();
  return wanted && wanted in logLevel ? logLevel[wanted as keyof typeof logLevel] : logLevel.ERROR;
};

/**
 * kafkajs logs every error response at ERROR, even those it retries (a coordinator still
 * loading, a topic that already exists). Whatever it cannot recover from rejects the caller's
 * promise, so at the default level these are noise.
 */
const isRetriedResponse = (namespace: string, message: string) =>
  namespace === 'Connection' && message.startsWith('Response ');

export const kafkaLogCreator =
  (logger: BusLogger): logCreator =>
  (configured) =>
  ({ namespace, level, log }) => {
    const { message, ...details } = log;
    if (configured === logLevel.ERROR && isRetriedResponse(namespace, message)) return;
    const entry = { kafkajs: namespace, ...details };
    if (level === logLevel.ERROR) logger.error(entry, message);
    else logger.warn(entry, message);
  };
