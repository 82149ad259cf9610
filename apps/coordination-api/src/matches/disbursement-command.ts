import { Command } from '@nestjs/cqrs';
import { isDomainError, type DomainError } from '@multitrack/domain';
import type { CommandContext } from '../command-handling/command-context';
import type { Outcome } from '../command-handling/stream-writer';
import type { DisbursementWritten } from './disbursement-write-result';

/** A command on one tranche of a match, as its controller hands it over. */
export abstract class DisbursementCommand<Body> extends Command<DisbursementWritten | DomainError> {
  constructor(
    readonly matchId: string,
    readonly disbursementId: string,
    readonly body: Body,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** The answer to a command on a tranche; a refusal passes through as the value it is. */
export const disbursementWrittenOf = (
  { matchId, disbursementId }: { matchId: string; disbursementId: string },
  outcome: Outcome<'match'> | DomainError,
  status: DisbursementWritten['status'],
): DisbursementWritten | DomainError =>
  isDomainError(outcome)
    ? outcome
    : { id: disbursementId, matchId, status, revision: outcome.revision, position: outcome.position };
