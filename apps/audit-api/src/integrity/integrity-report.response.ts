import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BrokenEvent } from './chain-checker';
import type { IntegrityReport } from './verify-integrity';

const base64 = { format: 'byte', example: 'fdAtQvdoHLIJ8Zx3I0xD8NAWxj9Xv4xdyDsBtQVaxvo=' };

/** OpenAPI-only: the first event, in log order, whose chain or place in the tree is wrong. */
export class BrokenEventResponse implements BrokenEvent {
  @ApiProperty({ type: 'integer', description: '-1 when the log ends before the signed tree does' })
  position: number;
  @ApiProperty() streamId: string;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({
    enum: ['hash-mismatch', 'prev-hash-mismatch', 'revision-gap', 'differs-from-transparency-log'],
  })
  reason: BrokenEvent['reason'];
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'For `differs-from-transparency-log`: the leaf that differs',
  })
  leafIndex?: number;
}

/** OpenAPI-only: the transparency log at the size it had when the check began. */
export class TransparencyLogCheckResponse {
  @ApiProperty({ type: 'integer', minimum: 0 }) treeSize: number;
  @ApiProperty({ ...base64, description: 'The signed RFC 9162 root at that size' }) rootHash: string;
  @ApiProperty({ description: 'Whether the events checked make the same root' }) matches: boolean;
}

export class IntegrityReportResponse implements IntegrityReport {
  @ApiProperty({ description: 'Every chain whole and the Merkle root equal to the signed one' })
  verified: boolean;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'May grow with each read: audit reads are recorded in the log',
  })
  eventsChecked: number;
  @ApiPropertyOptional({ type: BrokenEventResponse, description: 'Absent when verified' })
  firstBrokenAt?: BrokenEventResponse;
  @ApiProperty({ ...base64, description: 'base64 RFC 9162 root over the hashes of every event checked' })
  headDigest: string;
  @ApiProperty({ type: TransparencyLogCheckResponse }) transparencyLog: TransparencyLogCheckResponse;
}
