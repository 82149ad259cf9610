import type { Actor } from '@multitrack/auth';
import { seesOrganization, type Match } from '@multitrack/domain';
import { TransitionHandler, type TransitionCommand } from '../command-handling/transition';

/** Officers and auditors see every match, an NGO only its own: to other NGOs it does not exist (404). */
export const matchVisibleTo = (match: Match, actor: Actor): boolean =>
  seesOrganization(actor, match.organizationId);

/** The stream a command on match `id` is about, and who may know it exists. */
export const onMatch = (id: string) => ({ category: 'match' as const, id, visibleTo: matchVisibleTo });

export abstract class MatchTransition<C extends TransitionCommand<unknown>> extends TransitionHandler<
  'match',
  C
> {
  protected readonly category = 'match';
  protected override readonly visibleTo = matchVisibleTo;
}
