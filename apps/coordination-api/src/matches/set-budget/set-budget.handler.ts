import { CommandHandler } from '@nestjs/cqrs';
import { TransitionCommand } from '../../command-handling/transition';
import { MatchTransition } from '../match-stream';
import type { SetBudgetDto } from './set-budget.dto';

export class SetBudgetCommand extends TransitionCommand<SetBudgetDto> {}

/** `budget ≤ committed` is judged on the match stream's revision it is appended at, like every money rule. */
@CommandHandler(SetBudgetCommand)
export class SetBudgetHandler extends MatchTransition<SetBudgetCommand> {
  protected command({ body: { lines } }: SetBudgetCommand) {
    const data = {
      lines: lines.map(({ code, description, amount }) => ({ code, description, amount: amount.toMoney() })),
    };
    return { type: 'SetBudget', data } as const;
  }
}
