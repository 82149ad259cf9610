import { ApiProperty } from '@nestjs/swagger';
import { InclusionProofResponse } from '../transparency/transparency.response';

/** API.md: the inclusion proof of the event that attached a document. */
export class DocumentProofResponse extends InclusionProofResponse {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'As the attaching event records it' })
  sha256: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: "The attaching event's global log position" })
  position: number;
}
