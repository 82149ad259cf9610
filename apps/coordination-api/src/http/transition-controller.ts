import { Body, Controller, Param, type Type } from '@nestjs/common';
import type { CommandContext } from '../command-handling/command-context';
import type { TransitionCommand } from '../command-handling/transition';
import { CommandController } from './command-controller';
import { Context } from './command-context.decorator';
import { TransitionEndpoint, type CommandEndpointOptions } from './command-endpoints';

export interface TransitionRoute extends CommandEndpointOptions {
  /** Method and path with the entity as `:id`, e.g. `POST v1/organizations/:id/suspension`. */
  route: `${'POST' | 'PATCH' | 'PUT'} ${string}`;
  status?: 200 | 201;
}

/**
 * The controller of a transition, which only ever translates `(:id, body, caller)` into its
 * command: a slice's controller extends what this returns and states its route, roles and
 * summary, nothing else. The body's class is the DTO the strict validation pipe checks.
 */
export const TransitionController = <Body>(
  command: new (id: string, body: Body, context: CommandContext) => TransitionCommand<Body>,
  body: Type<Body>,
  { route, ...endpoint }: TransitionRoute,
) => {
  const [method, path] = route.split(' ') as ['POST' | 'PATCH' | 'PUT', string];

  @Controller()
  class Transition extends CommandController {
    @TransitionEndpoint(method, path, endpoint)
    transition(@Param('id') id: string, @Body() payload: Body, @Context() context: CommandContext) {
      return this.commands.execute(new command(id, payload, context));
    }
  }
  // The parameter types the compiler recorded are the generic ones; validation and OpenAPI read these.
  Reflect.defineMetadata('design:paramtypes', [String, body, Object], Transition.prototype, 'transition');
  return Transition;
};
