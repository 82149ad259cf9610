import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { attachmentPurposes, type AttachmentPurpose } from '@multitrack/domain';

export class AttachDocumentDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The id `POST /v1/documents` answered',
    example: '6f1c1a8e-2c7d-4a52-9d64-3a3b4f0a9e11',
  })
  @IsUUID('all', { message: 'documentId must be a document id (a UUID)' })
  documentId!: string;

  @ApiProperty({ enum: attachmentPurposes })
  @IsIn(attachmentPurposes, { message: `purpose must be one of ${attachmentPurposes.join(', ')}` })
  purpose!: AttachmentPurpose;
}
