import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { InvariantBreach } from './money-invariants';
import type { MissingReadModel, Reconciliation, ReadModelDifference } from './reconcile';

const rows = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;

/** OpenAPI-only: a table whose rebuilt rows differ from the live ones (a sample of each side). */
export class ReadModelDifferenceResponse implements ReadModelDifference {
  @ApiProperty({ enum: ['read-model'] }) kind: 'read-model';
  @ApiProperty() readModel: string;
  @ApiProperty() table: string;
  @ApiProperty({ ...rows, description: 'Rows the log implies and the live read model lacks' })
  missing: Record<string, unknown>[];
  @ApiProperty({ ...rows, description: 'Rows the live read model has and the log does not imply' })
  unexpected: Record<string, unknown>[];
}

export class MissingReadModelResponse implements MissingReadModel {
  @ApiProperty({ enum: ['read-model-missing'] }) kind: 'read-model-missing';
  @ApiProperty() readModel: string;
  @ApiProperty({ description: 'The PostgreSQL schema that does not exist' }) schema: string;
}

export class InvariantBreachResponse implements InvariantBreach {
  @ApiProperty({ enum: ['invariant'] }) kind: 'invariant';
  @ApiProperty({
    enum: [
      'match.over-disbursed',
      'match.over-committed',
      'request.over-committed',
      'budget.over-committed',
      'match.currency-mismatch',
    ],
  })
  rule: InvariantBreach['rule'];
  @ApiProperty() streamId: string;
  @ApiProperty({ type: 'integer', description: 'The event after which the invariant first failed' })
  position: number;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty() detail: string;
}

const differenceKinds = [ReadModelDifferenceResponse, MissingReadModelResponse, InvariantBreachResponse];

@ApiExtraModels(...differenceKinds)
export class ReconciliationResponse implements Reconciliation {
  @ApiProperty({ description: 'No difference and no broken invariant' }) consistent: boolean;
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: differenceKinds.map((kind) => ({ $ref: getSchemaPath(kind) })),
      discriminator: {
        propertyName: 'kind',
        mapping: {
          'read-model': getSchemaPath(ReadModelDifferenceResponse),
          'read-model-missing': getSchemaPath(MissingReadModelResponse),
          invariant: getSchemaPath(InvariantBreachResponse),
        },
      },
    },
  })
  differences: (ReadModelDifferenceResponse | MissingReadModelResponse | InvariantBreachResponse)[];
  @ApiProperty({ type: [String], description: 'The read models rebuilt and compared' }) readModels: string[];
  @ApiProperty({ type: 'integer', minimum: 0 }) eventsReplayed: number;
}
