import type { EventStore } from '@multitrack/event-store';
import { FundingDirectory } from './funding-directory';
import { FundingTransaction, fundingTransactionOf, newFlowMemory } from './funding-transaction';

const batchSize = 2000;

/** Every funding transaction of the log, in log order, in one streamed pass. */
export async function* fundingFlows(store: EventStore): AsyncGenerator<FundingTransaction> {
  const directory = new FundingDirectory();
  const memory = newFlowMemory();
  for await (const event of store.readAll({ batchSize })) {
    directory.learn(event);
    const transaction = fundingTransactionOf(directory, memory, event);
    if (transaction) yield transaction;
  }
}

/** The parties of every match, without the transactions: the first of the IATI export's two passes. */
export const readDirectory = async (store: EventStore): Promise<FundingDirectory> => {
  const directory = new FundingDirectory();
  for await (const event of store.readAll({ batchSize })) directory.learn(event);
  return directory;
};

/** One match's transactions, from its own stream. */
export async function* matchFlows(
  store: EventStore,
  directory: FundingDirectory,
  matchId: string,
): AsyncGenerator<FundingTransaction> {
  const memory = newFlowMemory();
  for (const event of await store.readStream(`match-${matchId}`)) {
    const transaction = fundingTransactionOf(directory, memory, event);
    if (transaction) yield transaction;
  }
}
