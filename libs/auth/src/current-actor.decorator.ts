import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor, RequestWithActor } from './actor';

/** The verified caller; `undefined` only on `@Public()` routes. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor | undefined =>
    context.switchToHttp().getRequest<RequestWithActor>().actor,
);
