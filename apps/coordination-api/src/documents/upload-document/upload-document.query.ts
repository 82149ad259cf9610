import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class UploadDocumentQuery {
  @ApiPropertyOptional({
    maxLength: 255,
    description: 'The name the document is known by; no path separators or control characters',
    example: 'receipt-2025-06.pdf',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  @Matches(/^[^\p{Cc}/\\]+$/u, { message: 'filename must hold no path separator or control character' })
  filename?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: "Encrypt under the uploading organisation's key: unreadable (410) once it is erased",
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'personal must be true or false' })
  personal?: 'true' | 'false';
}
