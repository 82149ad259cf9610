import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EventMetadata } from '@multitrack/event-store';
import type { AuditEvent } from './read-log-from';

const sha256Hex = {
  pattern: '^[0-9a-f]{64}$',
  example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
};

/** OpenAPI-only: who caused an event, as the command's token said. */
export class EventActorResponse {
  @ApiProperty({ example: 'officer-1' }) sub: string;
  @ApiProperty({
    enum: ['officer', 'ngo', 'auditor', 'admin', 'witness'],
    isArray: true,
    example: ['officer'],
  })
  roles: string[];
  @ApiPropertyOptional({ example: 'US-EIN-123456789' }) organizationId?: string;
}

/** OpenAPI-only: the metadata the platform writes on every event. */
export class EventMetadataResponse implements EventMetadata {
  [extra: string]: unknown;
  @ApiProperty({ type: EventActorResponse }) actor: EventActorResponse;
  @ApiPropertyOptional({ description: 'The command that caused the event', example: 'PublishHelpRequest' })
  command?: string;
  @ApiPropertyOptional() commandId?: string;
  @ApiPropertyOptional() idempotencyKey?: string;
  @ApiProperty() correlationId: string;
  @ApiPropertyOptional() causationId?: string;
  @ApiProperty({ format: 'date-time', description: 'When the command was decided' }) occurredAt: string;
  @ApiProperty({ type: 'integer', example: 1 }) schemaVersion: number;
  @ApiPropertyOptional({ description: 'W3C trace context of the command' }) traceparent?: string;
}

/** OpenAPI-only: one event exactly as stored and hashed. */
export class AuditEventResponse implements AuditEvent {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Global log position' }) position: number;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({
    example: 'request-5d0c2c1e-3b0e-4a8e-9f3a-1f2d3c4b5a69',
    description: '`{category}-{entityId}`',
  })
  streamId: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: '0-based revision within the stream' })
  revision: number;
  @ApiProperty({ example: 'HelpRequestPublished' }) type: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'As stored: personal fields are ciphertext',
  })
  data: Record<string, unknown>;
  @ApiProperty({ type: EventMetadataResponse }) metadata: EventMetadataResponse;
  @ApiProperty({
    format: 'date-time',
    example: '2026-03-01T09:30:00.123Z',
    description: 'ISO 8601 UTC with milliseconds',
  })
  recordedAt: string;
  @ApiProperty({ ...sha256Hex, description: 'Lowercase hex SHA-256 chaining this event to `prevHash`' })
  hash: string;
  @ApiProperty({ ...sha256Hex, type: String, nullable: true, description: 'null for revision 0' }) prevHash:
    string | null;
}

export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse] }) items: AuditEventResponse[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The position the next page starts at; null at the current end of the log',
  })
  nextFromPosition: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null at the current end of the log',
  })
  nextCursor: string | null;
}

export class StreamEventPageResponse {
  @ApiProperty() streamId: string;
  @ApiProperty({ type: [AuditEventResponse], description: 'By revision' }) items: AuditEventResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null after the last event',
  })
  nextCursor: string | null;
}
