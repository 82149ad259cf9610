/* eslint-disable @typescript-eslint/no-explicit-any -- answers are untyped JSON */
import type { Database } from '@multitrack/database';
import type { EventStore, RecordedEvent } from '@multitrack/event-store';
import { diffReadModel, dropSchema, readModels, rebuildIntoSchema } from '@multitrack/read-models';
import { TRANCHE, type CommandOutcome, type StoryOutcome } from './load';

export interface Verdict {
  events: number;
  /** 2xx commands whose events are not in the store. */
  lost: number;
  /** Events a command appended more than once (same command id, stream and type). */
  duplicated: number;
  /** Commands whose events are in the store though their caller never saw a 2xx… */
  orphaned: number;
  /** …which is allowed only for commands still being retried when the load stopped. */
  interrupted: number;
  streams: number;
  nonContiguousStreams: string[];
  readModelDifferences: Record<string, unknown[]>;
  matchesChecked: number;
  /** Matches whose requested tranches exceed the commitment, or whose disbursed total is not the sum of its 201s. */
  badMatches: string[];
}

const minor = (money: { amount: string }) => BigInt(money.amount.replace('.', ''));

/** Everything that must hold after the faults, checked against the store itself. */
export const verify = async (
  store: EventStore,
  db: Database,
  events: RecordedEvent[],
  outcomes: CommandOutcome[],
  stories: StoryOutcome[],
): Promise<Verdict> => {
  const byPosition = new Map(events.map((event) => [event.position, event]));
  const acknowledged = new Set<string>();
  let lost = 0;
  for (const outcome of outcomes) {
    if (typeof outcome.status !== 'number' || outcome.status >= 300 || !(outcome.body?.position >= 0))
      continue;
    const event = byPosition.get(outcome.body.position);
    if (!event) lost += 1;
    else acknowledged.add(String(event.metadata.commandId));
  }

  const perCommand = new Map<string, Map<string, number>>();
  for (const event of events) {
    if (!event.metadata.idempotencyKey) continue;
    const id = String(event.metadata.commandId);
    const seen = perCommand.get(id) ?? new Map<string, number>();
    const what = `${event.streamId} ${event.type}`;
    seen.set(what, (seen.get(what) ?? 0) + 1);
    perCommand.set(id, seen);
  }
  const duplicated = [...perCommand.values()]
    .flatMap((seen) => [...seen.values()])
    .reduce((sum, count) => sum + count - 1, 0);
  const orphaned = [...perCommand.keys()].filter((id) => !acknowledged.has(id)).length;

  const next = new Map<string, number>();
  const nonContiguousStreams = new Set<string>();
  for (const event of events) {
    if ((next.get(event.streamId) ?? 0) !== event.revision) nonContiguousStreams.add(event.streamId);
    next.set(event.streamId, event.revision + 1);
  }

  const readModelDifferences: Record<string, unknown[]> = {};
  for (const model of readModels) {
    const scratch = `chaos_check_${model.schema}`;
    await rebuildIntoSchema(store, db, model, scratch);
    const differences = await diffReadModel(db, model, scratch, model.schema);
    if (differences.length) readModelDifferences[model.name] = differences;
    await dropSchema(db, scratch);
  }

  // Money from the store itself (the read models are checked above against a rebuild).
  const sum = (streamId: string, type: string) =>
    events
      .filter((event) => event.streamId === streamId && event.type === type)
      .reduce((total, event) => total + minor((event.data as any).amount), 0n);
  const badMatches: string[] = [];
  const matches = stories.filter(
    (story): story is StoryOutcome & { matchId: string } => story.matchId !== undefined,
  );
  for (const story of matches) {
    const streamId = `match-${story.matchId}`;
    const [committed, requested, disbursed] = [
      'FundsCommitted',
      'DisbursementRequested',
      'FundsDisbursed',
    ].map((type) => sum(streamId, type));
    // A tranche cut off by the end of the load may or may not be in the store; every 201 must be.
    const acknowledged = minor(TRANCHE) * BigInt(story.disbursed);
    const possible = minor(TRANCHE) * BigInt(story.disbursed + (story.interrupted ?? 0));
    if (requested > committed || disbursed < acknowledged || disbursed > possible) {
      badMatches.push(
        `${story.matchId}: committed ${committed}, requested ${requested}, disbursed ${disbursed} (minor units), 201s ${story.disbursed}`,
      );
    }
  }

  return {
    events: events.length,
    interrupted: outcomes.filter((outcome) => outcome.status === 'interrupted').length,
    lost,
    duplicated,
    orphaned,
    streams: next.size,
    nonContiguousStreams: [...nonContiguousStreams],
    readModelDifferences,
    matchesChecked: matches.length,
    badMatches,
  };
};
