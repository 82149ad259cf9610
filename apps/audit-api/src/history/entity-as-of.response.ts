import { ApiProperty } from '@nestjs/swagger';
import type { EntityAsOf } from './entity-as-of';

/** OpenAPI-only: an entity rebuilt from its events up to `asOf`. */
export class EntityAsOfResponse implements EntityAsOf {
  @ApiProperty({ example: 'match-2b1f0a9e-7c43-4d5e-8f6a-0b1c2d3e4f50' }) streamId: string;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'The revision of the last event taken into account',
  })
  revision: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The aggregate state as the domain folds it: money in wire form, personal fields shown as "[personal data]" (null once erased)',
  })
  state: Record<string, unknown>;
}
