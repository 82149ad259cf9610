import { CommandHandler } from '@nestjs/cqrs';
import { TransitionCommand } from '../../command-handling/transition';
import type { OptionalReasonDto } from '../../http/dto/optional-text.dto';
import { RequestTransition } from '../request-transition';

export class CloseRequestCommand extends TransitionCommand<OptionalReasonDto> {}

@CommandHandler(CloseRequestCommand)
export class CloseRequestHandler extends RequestTransition<CloseRequestCommand> {
  protected command({ body }: CloseRequestCommand) {
    return { type: 'CloseHelpRequest', data: { reason: body.reason } } as const;
  }
}
