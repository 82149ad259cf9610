import { CommandHandler } from '@nestjs/cqrs';
import { TransitionCommand } from '../../command-handling/transition';
import type { ReasonDto } from '../../http/dto/reason.dto';
import { RequestTransition } from '../request-transition';

export class CancelRequestCommand extends TransitionCommand<ReasonDto> {}

@CommandHandler(CancelRequestCommand)
export class CancelRequestHandler extends RequestTransition<CancelRequestCommand> {
  protected command({ body }: CancelRequestCommand) {
    return { type: 'CancelHelpRequest', data: { reason: body.reason } } as const;
  }
}
