import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { IsCalendarDate } from './calendar-date';
import { MoneyDto } from './money.dto';

/** API.md: `title` at most 200 characters, other free text at most 10 000. */
export const TITLE_MAX = 200;
export const TEXT_MAX = 10_000;

type Doc = { description?: string; example?: unknown; optional?: boolean };
const doc = (extra: Record<string, unknown>, { optional, ...rest }: Doc) =>
  optional ? ApiPropertyOptional({ ...extra, ...rest }) : ApiProperty({ ...extra, ...rest });
const maybe = (optional?: boolean) => (optional ? [IsOptional()] : []);

export const TitleField = (d: Doc = {}) =>
  applyDecorators(
    doc({ maxLength: TITLE_MAX }, d),
    ...maybe(d.optional),
    IsString(),
    IsNotEmpty(),
    MaxLength(TITLE_MAX),
  );

export const TextField = (d: Doc = {}) =>
  applyDecorators(
    doc({ maxLength: TEXT_MAX }, d),
    ...maybe(d.optional),
    IsString(),
    IsNotEmpty(),
    MaxLength(TEXT_MAX),
  );

export const CountryField = (d: Doc = {}) =>
  applyDecorators(
    doc({ example: 'CO', description: 'ISO 3166-1 alpha-2', pattern: '^[A-Z]{2}$' }, d),
    ...maybe(d.optional),
    IsString(),
    Matches(/^[A-Z]{2}$/, { message: 'country must be two capital letters' }),
    IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as CO' }),
  );

/** Diamond & McDonald's tracks: 1..9 unique whole numbers. */
export const TracksField = (d: Doc = {}) =>
  applyDecorators(
    doc(
      {
        type: [Number],
        example: [2, 5],
        minItems: 1,
        maxItems: 9,
        uniqueItems: true,
        minimum: 1,
        maximum: 9,
      },
      d,
    ),
    ...maybe(d.optional),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(9),
    ArrayUnique(),
    IsInt({ each: true, message: 'each track must be a whole number from 1 to 9' }),
    Min(1, { each: true, message: 'each track must be a whole number from 1 to 9' }),
    Max(9, { each: true, message: 'each track must be a whole number from 1 to 9' }),
  );

export const DateField = (d: Doc = {}) =>
  applyDecorators(
    doc({ example: '2025-09-30', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, d),
    ...maybe(d.optional),
    IsString(),
    IsCalendarDate(),
  );

// ValidateNested passes a missing object, and an array by its elements (so `[]` passes): a
// required amount must say so itself, and that it is one object.
export const MoneyField = (d: Doc = {}) =>
  applyDecorators(
    doc({ type: MoneyDto }, d),
    ...(d.optional ? [IsOptional()] : [IsDefined()]),
    IsObject(),
    ValidateNested(),
    Type(() => MoneyDto),
  );
