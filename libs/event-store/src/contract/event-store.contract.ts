import { appendingContract } from './appending.contract';
import { gapRaceContract } from './gap-race.contract';
import { multiStreamContract } from './multi-stream.contract';
import { ContractHarness, useHarness } from './harness';
import { readingContract } from './reading.contract';

export interface ContractCapabilities {
  /** The adapter's storage can be rewritten behind its back (SQL), so tampering can be shown. */
  canTamper: boolean;
}

/** Every adapter passes this suite: see libs/event-store/src/contract/*.test.ts. */
export const describeEventStoreContract = (
  name: string,
  open: () => Promise<ContractHarness>,
  capabilities: ContractCapabilities,
) =>
  describe(`the ${name} event store`, () => {
    const harness = useHarness(open);
    appendingContract(harness, capabilities);
    multiStreamContract(harness);
    readingContract(harness);
    gapRaceContract(harness);
  });
