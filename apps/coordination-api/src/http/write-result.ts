import { ApiProperty } from '@nestjs/swagger';
import type { Written } from '../command-handling/written';

/** API.md: every write answers `{ id, revision, position }` (the OpenAPI schema of `Written`). */
export class WriteResult implements Written {
  @ApiProperty({ description: 'The entity the command created or changed' }) id: string;
  @ApiProperty({ description: 'The entity stream’s revision after the write (send it back as If-Match)' })
  revision: number;
  @ApiProperty({ description: 'The global log position of the write (-1 when nothing new was recorded)' })
  position: number;
}
