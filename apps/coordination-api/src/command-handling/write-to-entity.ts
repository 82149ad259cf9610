import { streamIdOf, type Category, type Command, type Decider, type DomainError, type Event } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import type { HttpCommandContext } from '../http/command-context.decorator';
import { writeResultOf, type WriteResult } from '../http/write-result';
import { commandMetadataOf } from './command-context';
import { decideAndAppend } from './decide-and-append';

export interface EntityWrite<C extends Command, S> {
  store: EventStore;
  category: Category;
  id: string;
  context: HttpCommandContext;
  ifMatch?: number;
  /**
   * For a command that creates the entity: when its stream already starts with this very command
   * (same caller and Idempotency-Key, i.e. a retry after a crash lost the first answer), answer
   * with what it recorded instead of refusing the entity as existing.
   */
  creates?: boolean;
  /** The command's type and data, built from the freshly folded state (re-run on every retry). */
  command: (state: S) => Promise<Pick<C, 'type' | 'data'> | DomainError> | Pick<C, 'type' | 'data'> | DomainError;
}

/** One command against one entity's stream, answered the way API.md wants: `{ id, revision, position }`. */
export const writeToEntity = async <C extends Command, E extends Event, S>(
  decider: Decider<C, E, S>,
  write: EntityWrite<C, S>,
): Promise<WriteResult | DomainError> => {
  const { store, category, id, context, ifMatch } = write;
  if (write.creates) {
    const earlier = await earlierAnswer(store, streamIdOf(category, id), context);
    if (earlier) return writeResultOf(id, earlier);
  }
  const decision = await decideAndAppend({
    store,
    streamId: streamIdOf(category, id),
    decider,
    context,
    ifMatch,
    command: async (state) => {
      const built = await write.command(state);
      return 'kind' in built ? built : ({ ...built, metadata: commandMetadataOf(context) } as C);
    },
  });
  return 'kind' in decision ? decision : writeResultOf(id, decision);
};

const earlierAnswer = async (store: EventStore, streamId: string, context: HttpCommandContext) => {
  if (context.idempotencyKey === undefined) return undefined;
  const history = await store.readStream(streamId);
  const ours = history.filter(
    (event) => event.metadata.idempotencyKey === context.idempotencyKey && event.metadata.actor?.sub === context.actor.sub,
  );
  const last = ours[ours.length - 1];
  return history.length > 0 && history[0] === ours[0] && last ? { revision: last.revision, position: last.position } : undefined;
};
