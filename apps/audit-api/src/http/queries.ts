import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class LogPageQuery {
  @ApiPropertyOptional({ description: 'Start at the event with this global position (default: the start of the log)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  fromPosition?: number;

  @ApiPropertyOptional({ description: 'Same as fromPosition: the `nextCursor` of the previous page' })
  @IsOptional() @IsString() @Matches(/^\d{1,16}$/)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

export class StreamPageQuery {
  @ApiPropertyOptional({ description: 'First revision (default 0), or the `nextCursor` of the previous page' })
  @IsOptional() @IsString() @Matches(/^\d{1,16}$/)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

export class AsOfQuery {
  @ApiPropertyOptional({ description: 'ISO 8601 instant; default: now' })
  @IsOptional() @IsISO8601({ strict: true })
  asOf?: string;
}

export class LedgerQuery extends AsOfQuery {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD: only money that moved on or before this value date' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/)
  valueDate?: string;
}

export class ExportQuery {
  @ApiPropertyOptional({ description: 'Start at the event with this global position' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  fromPosition?: number;

  @ApiPropertyOptional({ description: 'Only streams of this category (organization, request, offer, match, audit)' })
  @IsOptional() @IsIn(['organization', 'request', 'offer', 'match', 'audit'])
  category?: string;

  @ApiPropertyOptional({ description: 'Recorded at or after this instant (ISO 8601)' })
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Recorded at or before this instant (ISO 8601)' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}

export class InclusionQuery {
  @Type(() => Number) @IsInt() @Min(0)
  position!: number;

  @Type(() => Number) @IsInt() @Min(1)
  treeSize!: number;
}

export class ConsistencyQuery {
  @Type(() => Number) @IsInt() @Min(0)
  from!: number;

  @Type(() => Number) @IsInt() @Min(0)
  to!: number;
}
