import { checkCurrency, checkPositive, compare } from '../money/arithmetic';
import { formatMoney } from '../money/format-money';
import type { Money } from '../money/money';
import { rule, type DomainError } from '../shared/decider';
import { checkText, firstFailure } from '../shared/validation';
import type { SetBudget } from './match.commands';
import type { MatchEvent } from './match.events';
import { checkActive } from './match.rules';
import type { Match } from './match.state';
import { budgetTotal } from './reports.state';

/** A budget line's code: short, and safe in a path, a CSV cell and an XML attribute. */
export const budgetCodePattern = /^[A-Za-z0-9._-]{1,32}$/;

/**
 * The lines never add up to more than is committed (API.md), whichever moves: a new budget, or
 * committed money given back (`DecommitFunds`), so `budget ≤ committed` holds at every moment.
 */
export const checkBudgetCovered = (total: Money, committed: Money): DomainError | undefined =>
  compare(total, committed) > 0
    ? rule(
        'budget.over-committed',
        `the budget lines (${formatMoney(total).amount}) would exceed the committed ${formatMoney(committed).amount}`,
      )
    : undefined;

const checkCodes = (codes: string[]): DomainError | undefined => {
  const invalid = codes.find((code) => !budgetCodePattern.test(code));
  if (invalid !== undefined) return rule('budget.invalid-code', `${invalid} is not a budget line code`);
  const repeated = codes.find((code, index) => codes.indexOf(code) !== index);
  return repeated === undefined ? undefined : rule('budget.duplicate-code', `${repeated} appears twice`);
};

export const setBudget = ({ data, metadata }: SetBudget, match: Match): MatchEvent[] | DomainError => {
  const { lines } = data;
  const proposed = { currency: match.currency, budget: lines };
  const failure = firstFailure(
    () => checkActive(match),
    () => checkCodes(lines.map((line) => line.code)),
    ...lines.map(
      (line, i) => () =>
        checkText({ [`lines[${i}].description`]: line.description }) ??
        checkPositive(line.amount, `lines[${i}].amount`) ??
        checkCurrency(match.currency, line.amount),
    ),
    () => checkBudgetCovered(budgetTotal(proposed), match.committed),
  );
  if (failure) return failure;
  return [
    {
      type: 'BudgetSet',
      data: {
        matchId: match.matchId,
        lines: lines.map(({ code, description, amount }) => ({
          code,
          description,
          amount: formatMoney(amount),
        })),
        setBy: metadata.actor.sub,
      },
    },
  ];
};
