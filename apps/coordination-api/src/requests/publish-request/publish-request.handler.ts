import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requestDecider, type DomainError } from '@multitrack/domain';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import { entityIdFor } from '../../command-handling/entity-id';
import { writeToEntity } from '../../command-handling/write-to-entity';
import type { HttpCommandContext } from '../../http/command-context.decorator';
import { isDomainError, moneyOf } from '../../http/dto/wire-money';
import type { WriteResult } from '../../http/write-result';
import type { PublishRequestDto } from './publish-request.dto';

export class PublishRequestCommand extends Command<WriteResult | DomainError> {
  constructor(
    readonly body: PublishRequestDto,
    readonly context: HttpCommandContext,
  ) {
    super();
  }
}

@CommandHandler(PublishRequestCommand)
export class PublishRequestHandler implements ICommandHandler<PublishRequestCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ body, context }: PublishRequestCommand): Promise<WriteResult | DomainError> {
    const requestId = entityIdFor({ sub: context.actor.sub, route: context.route, idempotencyKey: context.idempotencyKey });
    const budget = moneyOf(body.budget);
    if (isDomainError(budget)) return Promise.resolve(budget);
    const { title, description, tracks, country, neededBy } = body;
    return writeToEntity(requestDecider, {
      store: this.store,
      category: 'request',
      id: requestId,
      context,
      creates: true,
      command: () => ({
        type: 'PublishHelpRequest',
        data: { requestId, title, description, tracks, country, budget, neededBy },
      }),
    });
  }
}
