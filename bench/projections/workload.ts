import type { EventMetadata, EventStore, NewEvent } from '@multitrack/event-store';
import { fundingStory, type StoryEvent } from '@multitrack/read-models';
import { parseStreamId } from '@multitrack/domain';

/**
 * The commands of the projection benchmark: the events of `fundingStory` (registration, vetting,
 * a request, three offers, a match, commitment, tranches, receipt, expenditure: 17 events over 6
 * streams), story after story, each story numbered so that its ids are new.
 */
const metadata = (n: number): EventMetadata => ({
  actor: { sub: 'officer-1', roles: ['officer'] },
  command: 'Bench',
  correlationId: `bench-${n}`,
  occurredAt: new Date().toISOString(),
  schemaVersion: 1,
});

export const toNew = (event: StoryEvent, n: number): NewEvent => ({
  type: event.type,
  data: event.data,
  metadata: metadata(n),
});

/** Where an event becomes visible: the entity row of its stream, in the read model of its category. */
const rowOf: Record<string, string> = {
  organization: 'rm_organizations.organizations',
  request: 'rm_requests.requests',
  offer: 'rm_offers.offers',
  match: 'rm_matches.matches',
};

export const visibleRow = (streamId: string): { table: string; id: string } => {
  const { category, id } = parseStreamId(streamId)!;
  return { table: rowOf[category], id };
};

/** One story's events grouped per stream, in order: one append each. */
const appendsOf = (story: StoryEvent[]) => {
  const byStream = new Map<string, StoryEvent[]>();
  for (const event of story) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
  return [...byStream];
};

export const eventsPerStory = fundingStory(0).length;

/**
 * Fills the store with `stories` stories from `first` on: each stream of a story in one append
 * (batched appends), `writers` stories at a time. Returns the number of events appended.
 */
export const seed = async (
  store: EventStore,
  first: number,
  stories: number,
  writers = 32,
): Promise<number> => {
  let next = first;
  let appended = 0;
  const end = first + stories;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < end) {
        const n = next++;
        for (const [streamId, events] of appendsOf(fundingStory(n))) {
          await store.appendToStream(
            streamId,
            events.map((event) => toNew(event, n)),
            { expectedRevision: 'no_stream' },
          );
          appended += events.length;
        }
      }
    }),
  );
  return appended;
};
