import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
} from '@eventstore/db-client';
import { StoreUnavailableError } from '../errors';

const transient = [UnavailableError, DeadlineExceededError, TimeoutError, NotLeaderError, CancelledError];

export const isEsdbUnavailable = (error: unknown): boolean =>
  transient.some((kind) => error instanceof kind) || (error as { code?: unknown })?.code === 14;

export const guardEsdb = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (isEsdbUnavailable(error))
      throw new StoreUnavailableError(`EventStoreDB unavailable: ${(error as Error).message}`, error);
    throw error;
  }
};
