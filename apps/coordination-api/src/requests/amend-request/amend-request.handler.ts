import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requestDecider, type DomainError } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import { EntityTransition } from '../../command-handling/entity-transition';
import { writeToEntity } from '../../command-handling/write-to-entity';
import { isDomainError, moneyOf } from '../../http/dto/wire-money';
import type { WriteResult } from '../../http/write-result';
import type { AmendRequestDto } from './amend-request.dto';

export class AmendRequestCommand extends EntityTransition<AmendRequestDto> {}

@CommandHandler(AmendRequestCommand)
export class AmendRequestHandler implements ICommandHandler<AmendRequestCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ id: requestId, body, context, ifMatch }: AmendRequestCommand): Promise<WriteResult | DomainError> {
    const budget = body.budget === undefined ? undefined : moneyOf(body.budget);
    if (isDomainError(budget)) return Promise.resolve(budget);
    const { title, description, neededBy } = body;
    return writeToEntity(requestDecider, {
      store: this.store,
      category: 'request',
      id: requestId,
      context,
      ifMatch,
      command: () => ({ type: 'AmendHelpRequest', data: { title, description, budget, neededBy } }),
    });
  }
}
