import { CommandHandler } from '@nestjs/cqrs';
import { TransitionCommand } from '../../command-handling/transition';
import type { ReasonDto } from '../../http/dto/reason.dto';
import { MatchTransition } from '../match-stream';

export class CancelMatchCommand extends TransitionCommand<ReasonDto> {}

@CommandHandler(CancelMatchCommand)
export class CancelMatchHandler extends MatchTransition<CancelMatchCommand> {
  protected command({ body }: CancelMatchCommand) {
    return { type: 'CancelMatch', data: { reason: body.reason } } as const;
  }
}
