import { Injectable } from '@nestjs/common';
import { Command } from '@nestjs/cqrs';
import type { Actor } from '@multitrack/auth';
import type { Category, DomainError, StateOf } from '@multitrack/domain';
import type { CommandContext } from './command-context';
import { StreamWriter, type CommandBody } from './stream-writer';
import { writtenOf, type Written } from './written';

/**
 * A change to an existing entity as its controller hands it over: which entity, the body, the
 * caller's context. Each transition subclasses it so the command bus tells them apart by class.
 */
export abstract class TransitionCommand<Body> extends Command<Written | DomainError> {
  constructor(
    readonly id: string,
    readonly body: Body,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * A transition that needs nothing but its own stream. Each aggregate subclasses it once to name
 * its stream category and who may see its entities (default: everyone the route admits); each
 * transition then says only which domain command it sends. The writer does the rest.
 */
@Injectable()
export abstract class TransitionHandler<K extends Category, C extends TransitionCommand<unknown>> {
  protected abstract readonly category: K;
  protected readonly visibleTo?: (state: Exclude<StateOf<K>, { status: 'none' }>, actor: Actor) => boolean;
  protected abstract command(
    command: C,
    state: Exclude<StateOf<K>, { status: 'none' }>,
  ): CommandBody<K> | DomainError | Promise<CommandBody<K> | DomainError>;

  constructor(protected readonly streams: StreamWriter) {}

  async execute(transition: C): Promise<Written | DomainError> {
    const outcome = await this.streams.decide(
      {
        category: this.category,
        id: transition.id,
        visibleTo: this.visibleTo,
        command: (state) => this.command(transition, state),
      },
      transition.context,
    );
    return writtenOf(transition.id, outcome);
  }
}
