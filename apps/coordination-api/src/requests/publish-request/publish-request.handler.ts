import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { DomainError } from '@multitrack/domain';
import { newEntityId, type CommandContext } from '../../command-handling/command-context';
import { StreamWriter } from '../../command-handling/stream-writer';
import { writtenOf, type Written } from '../../command-handling/written';
import type { PublishRequestDto } from './publish-request.dto';

export class PublishRequestCommand extends Command<Written | DomainError> {
  constructor(
    readonly body: PublishRequestDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(PublishRequestCommand)
export class PublishRequestHandler implements ICommandHandler<PublishRequestCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ body, context }: PublishRequestCommand): Promise<Written | DomainError> {
    const requestId = newEntityId(context);
    const { title, description, tracks, country, neededBy } = body;
    const data = { requestId, title, description, tracks, country, budget: body.budget.toMoney(), neededBy };
    const outcome = await this.streams.decide(
      {
        category: 'request',
        id: requestId,
        creates: true,
        command: () => ({ type: 'PublishHelpRequest', data }),
      },
      context,
    );
    return writtenOf(requestId, outcome);
  }
}
