import { CommandHandler } from '@nestjs/cqrs';
import { TransitionCommand } from '../../command-handling/transition';
import { MatchTransition } from '../match-stream';
import type { DecommitFundsDto } from './decommit-funds.dto';

export class DecommitFundsCommand extends TransitionCommand<DecommitFundsDto> {}

/**
 * Gives committed money back, on an active match or a completed or cancelled one (decision 0180).
 * The floor (disbursed + pending approval) is the match stream's own, so no other fact is read.
 */
@CommandHandler(DecommitFundsCommand)
export class DecommitFundsHandler extends MatchTransition<DecommitFundsCommand> {
  protected command({ body }: DecommitFundsCommand) {
    return { type: 'DecommitFunds', data: { amount: body.amount.toMoney(), reason: body.reason } } as const;
  }
}
