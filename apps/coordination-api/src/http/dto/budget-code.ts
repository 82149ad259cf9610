import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { budgetCodePattern } from '@multitrack/domain';
import {
  IsString,
  Matches,
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';

/** A budget line's code (API.md: 1–32 characters `[A-Za-z0-9._-]`). */
export const BudgetCodeField = () =>
  applyDecorators(
    ApiProperty({ example: 'STAFF-01', pattern: budgetCodePattern.source, minLength: 1, maxLength: 32 }),
    IsString(),
    Matches(budgetCodePattern, { message: 'code must be 1–32 characters of A–Z, a–z, 0–9, ".", "_" or "-"' }),
  );

/** Each line's `code` at most once in the list: the 400 names the list and the repeated code. */
export const UniqueCodes =
  (options?: ValidationOptions): PropertyDecorator =>
  (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'uniqueCodes',
      target: target.constructor,
      propertyName: String(property),
      options,
      validator: {
        validate: (lines: unknown) => repeatedCode(lines) === undefined,
        defaultMessage: ({ property, value }: ValidationArguments) =>
          `${property}: code ${repeatedCode(value)} appears twice`,
      },
    });

const repeatedCode = (lines: unknown): string | undefined => {
  if (!Array.isArray(lines)) return undefined;
  const codes = lines
    .map((line: { code?: unknown } | null) => line?.code)
    .filter((c) => typeof c === 'string');
  return codes.find((code, index) => codes.indexOf(code) !== index) as string | undefined;
};
