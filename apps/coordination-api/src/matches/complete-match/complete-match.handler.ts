import { CommandHandler } from '@nestjs/cqrs';
import { TransitionCommand } from '../../command-handling/transition';
import type { OptionalNoteDto } from '../../http/dto/optional-text.dto';
import { MatchTransition } from '../match-stream';

export class CompleteMatchCommand extends TransitionCommand<OptionalNoteDto> {}

@CommandHandler(CompleteMatchCommand)
export class CompleteMatchHandler extends MatchTransition<CompleteMatchCommand> {
  protected command({ body }: CompleteMatchCommand) {
    return { type: 'CompleteMatch', data: { ...(body.note !== undefined && { note: body.note }) } } as const;
  }
}
