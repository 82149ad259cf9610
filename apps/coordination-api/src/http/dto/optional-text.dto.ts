import { TextField } from './fields';

/** `{ reason? }`: a transition that may say why. */
export class OptionalReasonDto {
  @TextField({ optional: true, example: 'covered by another programme' })
  reason?: string;
}

/** `{ note? }`: a transition that may leave a note. */
export class OptionalNoteDto {
  @TextField({ optional: true, example: 'final report received' })
  note?: string;
}
