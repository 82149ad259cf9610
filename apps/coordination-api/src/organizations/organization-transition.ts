import { TransitionHandler, type TransitionCommand } from '../command-handling/transition';

/** Organisations are seen by every role: an organisation's transitions judge no visibility. */
export abstract class OrganizationTransition<C extends TransitionCommand<unknown>> extends TransitionHandler<
  'organization',
  C
> {
  protected readonly category = 'organization';
}
