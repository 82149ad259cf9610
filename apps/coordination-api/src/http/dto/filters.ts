import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** Query-string filters and limits: strings on the wire, typed here. */
export const IntFilter = (
  minimum: number,
  maximum: number,
  extra: { default?: number; description?: string } = {},
) =>
  applyDecorators(
    ApiPropertyOptional({ minimum, maximum, ...extra }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(minimum),
    Max(maximum),
  );

export const TrackFilter = () => IntFilter(1, 9, { description: 'Only those working on this track' });

export const CountryFilter = () =>
  applyDecorators(
    ApiPropertyOptional({ example: 'CO', description: 'ISO 3166-1 alpha-2' }),
    IsOptional(),
    Matches(/^[A-Z]{2}$/),
    IsISO31661Alpha2(),
  );

export const StatusFilter = (statuses: readonly string[]) =>
  applyDecorators(ApiPropertyOptional({ enum: statuses }), IsOptional(), IsIn(statuses));

/** API.md: `?limit=` defaults to 50 and may not exceed 500. */
export const LimitFilter = (description?: string) => IntFilter(1, 500, { default: 50, description });

/** An entity id to narrow a list to (a request, an organisation). */
export const IdFilter = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, maxLength: 200 }),
    IsOptional(),
    IsString(),
    IsNotEmpty(),
    MaxLength(200),
  );
