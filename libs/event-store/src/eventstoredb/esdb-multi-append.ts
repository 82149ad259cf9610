import {
  jsonEvent,
  KurrentDBClient,
  NO_STREAM,
  WrongExpectedVersionError,
  type AppendStreamRequest,
} from '@kurrent/kurrentdb-client';
import {
  ChainedNewEvent,
  chainEvents,
  checkCommit,
  checkExpectedRevision,
  earlierAppend,
} from '../append-plan';
import { eventIdFor } from '../event-ids';
import { AppendResult, StreamAppend } from '../event-store.port';
import { ConcurrencyError, DuplicateEventError } from '../errors';
import { EventStoreDBClient, FORWARDS } from '@eventstore/db-client';
import { readEvents, readHead } from './esdb-append';
import { ENCODED_METADATA } from './esdb-events';

/**
 * KurrentDB's append session (25.1 and later) takes event properties as strings only, so the
 * metadata, hash chain included, travels as one JSON string; `fromEsdb` reads either form.
 */
const toRecord = (event: ChainedNewEvent) =>
  jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data,
    metadata: {
      [ENCODED_METADATA]: JSON.stringify({ ...event.metadata, hash: event.hash, prevHash: event.prevHash }),
    },
  });

/** The connection string as the KurrentDB client spells it (it still reads `esdb://`, with a warning). */
export const kurrentConnectionString = (connectionString: string): string =>
  connectionString.replace(/^esdb(\+discover)?:\/\//, (_, discover = '') => `kurrentdb${discover}://`);

interface Planned {
  append: StreamAppend;
  chained: ChainedNewEvent[];
  /** Set when every id of this append is stored already: the first attempt went through. */
  earlier?: AppendResult;
}

/** An earlier attempt that went through sits right after the revision it expected. */
const plan = async (client: EventStoreDBClient, append: StreamAppend): Promise<Planned> => {
  const { streamId, expectedRevision, events } = append;
  const head = await readHead(client, streamId);
  if (head && head.revision !== expectedRevision) {
    const ids = events.map((event, index) => eventIdFor(event, streamId, index));
    const after = expectedRevision === 'no_stream' ? 0 : expectedRevision + 1;
    const candidates = await readEvents(client, streamId, {
      direction: FORWARDS,
      fromRevision: BigInt(after),
      maxCount: ids.length,
    });
    const stored = candidates.filter((event) => ids.includes(event.eventId));
    if (stored.length > 0) return { append, chained: [], earlier: earlierAppend(streamId, ids, stored) };
  }
  checkExpectedRevision(streamId, expectedRevision, head);
  return { append, chained: chainEvents(streamId, events, head) };
};

/**
 * All or none on KurrentDB 25.1+: the heads are read for the hash chains (and to recognise a
 * retry), then one append session carries every stream with its exact expected revision; the
 * server commits all of it or refuses all of it. EventStoreDB before 25.1 has no such operation:
 * the session fails and the caller sees the server's error (docs/decisions/0025).
 */
export const appendToEsdbStreams = async (
  reader: EventStoreDBClient,
  writer: () => KurrentDBClient,
  appends: StreamAppend[],
): Promise<AppendResult[]> => {
  checkCommit(appends);
  const planned = await Promise.all(appends.map((append) => plan(reader, append)));
  const retried = planned.filter((entry) => entry.earlier);
  if (retried.length === planned.length) return planned.map((entry) => entry.earlier as AppendResult);
  if (retried.length > 0) {
    const clash = retried[0].append;
    throw new DuplicateEventError(clash.streamId, eventIdFor(clash.events[0], clash.streamId, 0));
  }
  const requests: AppendStreamRequest[] = planned.map(({ append, chained }) => ({
    streamName: append.streamId,
    expectedState: append.expectedRevision === 'no_stream' ? NO_STREAM : BigInt(append.expectedRevision),
    events: chained.map(toRecord),
  }));
  try {
    const { position, responses } = await writer().multiStreamAppend(requests);
    return appends.map((append) => {
      const response = responses.find((candidate) => candidate.streamName === append.streamId);
      return { nextRevision: Number(response?.revision ?? -1n), position: Number(position) };
    });
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    const append = appends.find((candidate) => candidate.streamId === error.streamName) ?? appends[0];
    const actual = typeof error.actualState === 'bigint' ? Number(error.actualState) : 'no_stream';
    throw new ConcurrencyError(append.streamId, append.expectedRevision, actual);
  }
};
