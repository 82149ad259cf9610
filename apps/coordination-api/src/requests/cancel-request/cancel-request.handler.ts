import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requestDecider, type DomainError } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import { writeToEntity } from '../../command-handling/write-to-entity';
import type { HttpCommandContext } from '../../http/command-context.decorator';
import type { WriteResult } from '../../http/write-result';
import type { CancelRequestDto } from './cancel-request.dto';

export class CancelRequestCommand extends Command<WriteResult | DomainError> {
  constructor(
    readonly requestId: string,
    readonly body: CancelRequestDto,
    readonly context: HttpCommandContext,
    readonly ifMatch?: number,
  ) {
    super();
  }
}

@CommandHandler(CancelRequestCommand)
export class CancelRequestHandler implements ICommandHandler<CancelRequestCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ requestId, body, context, ifMatch }: CancelRequestCommand): Promise<WriteResult | DomainError> {
    return writeToEntity(requestDecider, {
      store: this.store,
      category: 'request',
      id: requestId,
      context,
      ifMatch,
      command: () => ({ type: 'CancelHelpRequest', data: { reason: body.reason } }),
    });
  }
}
