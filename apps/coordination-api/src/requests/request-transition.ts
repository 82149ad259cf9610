import { TransitionHandler, type TransitionCommand } from '../command-handling/transition';

/** Help requests are seen by every role: a request's transitions judge no visibility. */
export abstract class RequestTransition<C extends TransitionCommand<unknown>> extends TransitionHandler<
  'request',
  C
> {
  protected readonly category = 'request';
}
