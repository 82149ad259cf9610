import { ApiProperty } from '@nestjs/swagger';
import { isCurrency, isDomainError, parseMoney, type Money } from '@multitrack/domain';
import {
  IsString,
  MaxLength,
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';

/** The amount is judged by the domain's `parseMoney`, against the currency beside it. */
const IsAmountOfItsCurrency =
  (options?: ValidationOptions): PropertyDecorator =>
  (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isAmountOfItsCurrency',
      target: target.constructor,
      propertyName: String(property),
      options,
      validator: {
        validate: (amount: unknown, args: ValidationArguments) => {
          const { currency } = args.object as { currency?: unknown };
          // An unknown currency is reported on `currency`; do not blame the amount for it.
          if (typeof currency !== 'string' || !isCurrency(currency)) return typeof amount === 'string';
          return !isDomainError(parseMoney({ amount, currency }));
        },
        defaultMessage: (args: ValidationArguments) => {
          const { currency } = args.object as { currency?: unknown };
          const error = parseMoney({ amount: args.value, currency });
          return isDomainError(error) ? `${args.property}: ${error.message}` : `${args.property} is invalid`;
        },
      },
    });

export const IsPaymentCurrency =
  (options?: ValidationOptions): PropertyDecorator =>
  (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isPaymentCurrency',
      target: target.constructor,
      propertyName: String(property),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCurrency(value),
        defaultMessage: () => 'currency must be an ISO 4217 payment currency code such as USD',
      },
    });

/** `{ amount: "1234.56", currency: "USD" }`: a decimal string with at most the currency's minor digits. */
export class MoneyDto {
  @ApiProperty({
    example: '250000.00',
    pattern: '^\\d+(\\.\\d+)?$',
    description: 'Decimal string, at most the currency’s minor digits; never a number',
  })
  @IsString({ message: 'amount must be a decimal string such as "1234.56"' })
  @MaxLength(40)
  @IsAmountOfItsCurrency()
  amount: string;

  @ApiProperty({ example: 'USD', description: 'ISO 4217' })
  @IsString()
  @IsPaymentCurrency()
  currency: string;

  /** The domain's money; validation has judged the amount with `parseMoney` already. */
  toMoney(): Money {
    const money = parseMoney({ amount: this.amount, currency: this.currency });
    if (isDomainError(money)) throw new Error(`unvalidated money reached a handler: ${money.message}`);
    return money;
  }
}
