import { Command } from '@nestjs/cqrs';
import type { DomainError } from '@multitrack/domain';
import type { HttpCommandContext } from '../http/command-context.decorator';
import type { WriteResult } from '../http/write-result';

/**
 * A change to an existing entity as its controller hands it over: which entity, the body, the
 * caller's context and `If-Match`. Each transition subclasses it so the command bus can tell
 * them apart by class.
 */
export abstract class EntityTransition<Body> extends Command<WriteResult | DomainError> {
  constructor(
    readonly id: string,
    readonly body: Body,
    readonly context: HttpCommandContext,
    readonly ifMatch?: number,
  ) {
    super();
  }
}
