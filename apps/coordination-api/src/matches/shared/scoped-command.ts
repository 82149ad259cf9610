import type { CommandContext } from '../../command-handling/command-context';
import { entityIdFor } from '../../command-handling/entity-id';
import type { HttpCommandContext } from '../../http/command-context.decorator';

/**
 * The context a matches handler decides with, and the id its command creates (a match, a tranche).
 *
 * The event store derives event ids from `idempotencyKey` and the stream alone, so two commands on
 * one match stream sent with the same client key to different routes (or by different officers)
 * would collide. API.md scopes keys to caller and route; so does the key handed to the store here.
 */
export interface ScopedCommand {
  context: CommandContext;
  /** UUID v5 of caller, route and Idempotency-Key; random without a key. */
  newId: string;
}

export const scopedCommand = ({ route, ...context }: HttpCommandContext): ScopedCommand => {
  const newId = entityIdFor({ sub: context.actor.sub, route, idempotencyKey: context.idempotencyKey });
  return {
    context: { ...context, ...(context.idempotencyKey !== undefined && { idempotencyKey: newId }) },
    newId,
  };
};
