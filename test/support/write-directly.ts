import { randomUUID } from 'node:crypto';
import type { Actor } from '@multitrack/auth';
import { isDomainError, type Category } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import type { CommandContext } from '../../apps/coordination-api/src/command-handling/command-context';
import {
  StreamWriter,
  type CommandBody,
} from '../../apps/coordination-api/src/command-handling/stream-writer';

export const contextOf = (actor: Actor, extra: Partial<CommandContext> = {}): CommandContext => ({
  actor,
  correlationId: randomUUID(),
  now: new Date().toISOString(),
  ...extra,
});

/**
 * Given: a command decided by its stream's decider and appended through the API's own writer, as
 * a slice's handler would, without going through HTTP (setting a scene, racing the API). `context`
 * may move `now` into the past: what was decided then, as the API would have decided it.
 */
export const writeDirectly = async <K extends Category>(
  store: EventStore,
  category: K,
  id: string,
  command: CommandBody<K>,
  actor: Actor = { sub: 'seeding-officer', roles: ['officer'] },
  context: Partial<CommandContext> = {},
): Promise<void> => {
  const outcome = await new StreamWriter(store).decide(
    { category, id, creates: true, command: () => command },
    contextOf(actor, context),
  );
  if (isDomainError(outcome)) throw new Error(`given ${command.type}: ${outcome.message}`);
};
