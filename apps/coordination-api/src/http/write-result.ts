import { ApiProperty } from '@nestjs/swagger';
import type { Decision } from '../command-handling/decide-and-append';

/** API.md: every write answers `{ id, revision, position }`. */
export class WriteResult {
  @ApiProperty({ description: 'The entity the command created or changed' }) id: string;
  @ApiProperty({ description: 'The entity stream’s revision after the write (send it back as If-Match)' })
  revision: number;
  @ApiProperty({ description: 'The global log position of the write (-1 when nothing new was recorded)' })
  position: number;
}

export const writeResultOf = (id: string, decision: Pick<Decision<unknown, unknown>, 'revision' | 'position'>): WriteResult => ({
  id,
  revision: decision.revision,
  position: decision.position,
});
