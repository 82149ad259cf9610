import { CommandHandler } from '@nestjs/cqrs';
import { TransitionCommand } from '../../command-handling/transition';
import type { AmendRequestDto } from './amend-request.dto';
import { RequestTransition } from '../request-transition';

export class AmendRequestCommand extends TransitionCommand<AmendRequestDto> {}

@CommandHandler(AmendRequestCommand)
export class AmendRequestHandler extends RequestTransition<AmendRequestCommand> {
  protected command({ body: { title, description, budget, neededBy } }: AmendRequestCommand) {
    return {
      type: 'AmendHelpRequest',
      data: { title, description, budget: budget?.toMoney(), neededBy },
    } as const;
  }
}
