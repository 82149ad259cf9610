import type { CommandContext } from '../../command-handling/command-context';
import { entityIdFor } from '../../command-handling/entity-id';
import type { HttpCommandContext } from '../../http/command-context.decorator';

/** The context a matches handler decides with, and the id its command creates (a match, a tranche). */
export interface ScopedCommand {
  context: CommandContext;
  /** Derived from the (already caller- and route-scoped) Idempotency-Key; random without a key. */
  newId: string;
}

export const scopedCommand = ({ route, ...context }: HttpCommandContext): ScopedCommand => ({
  context,
  newId: entityIdFor({ sub: context.actor.sub, route, idempotencyKey: context.idempotencyKey }),
});
