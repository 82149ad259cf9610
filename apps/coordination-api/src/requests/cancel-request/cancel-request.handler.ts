import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requestDecider, type DomainError } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import { EntityTransition } from '../../command-handling/entity-transition';
import { writeToEntity } from '../../command-handling/write-to-entity';
import type { WriteResult } from '../../http/write-result';
import type { CancelRequestDto } from './cancel-request.dto';

export class CancelRequestCommand extends EntityTransition<CancelRequestDto> {}

@CommandHandler(CancelRequestCommand)
export class CancelRequestHandler implements ICommandHandler<CancelRequestCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ id: requestId, body, context, ifMatch }: CancelRequestCommand): Promise<WriteResult | DomainError> {
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
