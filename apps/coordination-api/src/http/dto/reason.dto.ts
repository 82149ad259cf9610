import { TextField } from './fields';

/** `{ reason }`: the body of every transition that only needs to say why. */
export class ReasonDto {
  @TextField({ example: 'audit findings under review' })
  reason: string;
}
