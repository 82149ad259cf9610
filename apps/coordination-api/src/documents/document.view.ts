import { ApiProperty } from '@nestjs/swagger';

/** API.md: what `POST /v1/documents` answers. */
export class DocumentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'Lowercase hex SHA-256 of the bytes as uploaded' })
  sha256: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Bytes' }) size: number;
  @ApiProperty({ example: 'application/pdf' }) mediaType: string;
  @ApiProperty({ type: String, nullable: true, description: 'As given in `?filename=`' })
  filename: string | null;
}
