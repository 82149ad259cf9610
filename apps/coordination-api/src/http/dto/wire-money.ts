import { isDomainError, parseMoney, type DomainError, type Money } from '@multitrack/domain';
import type { MoneyDto } from './money.dto';

/** The DTO already passed `parseMoney`; this turns it into domain money (or the rule, defensively). */
export const moneyOf = (dto: MoneyDto): Money | DomainError => parseMoney({ amount: dto.amount, currency: dto.currency });

export { isDomainError };
