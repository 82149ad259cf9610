import { ApiProperty } from '@nestjs/swagger';
import { attachmentPurposes } from '@multitrack/domain';

export class AttachmentView {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) sha256: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) size: number;
  @ApiProperty({ example: 'application/pdf' }) mediaType: string;
  @ApiProperty({ type: String, nullable: true }) filename: string | null;
  @ApiProperty({ enum: attachmentPurposes }) purpose: string;
  @ApiProperty({ description: 'The `sub` of whoever attached it' }) attachedBy: string;
  @ApiProperty({ format: 'date-time' }) attachedAt: string;
}

export class AttachmentsView {
  @ApiProperty({ type: [AttachmentView], description: 'Oldest first' }) items: AttachmentView[];
}
