import { StoreUnavailableError } from '../errors';

// Node socket errors and the SQLSTATE classes that mean "the server is not there right now":
// 08 connection exception, 57P01-57P03 shutdown / cannot connect now, 53300 too many connections.
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
]);
const sqlStates = /^(08...|57P0[123]|53300)$/;
const messages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i;

// Duck-typed, not `instanceof`: socket errors may come from another realm (Node's, under Jest).
export const isConnectionFailure = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (socketCodes.has(code) || sqlStates.test(code))) return true;
  if (Array.isArray(errors) && errors.some(isConnectionFailure)) return true;
  return typeof message === 'string' && messages.test(message);
};

/** Runs `work`, turning a lost or refused connection into `StoreUnavailableError`. */
export const guardConnection = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (isConnectionFailure(error))
      throw new StoreUnavailableError(`event store unavailable: ${(error as Error).message}`, error);
    throw error;
  }
};
