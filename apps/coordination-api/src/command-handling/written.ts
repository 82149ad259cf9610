import { isDomainError, type Category, type DomainError } from '@multitrack/domain';
import type { Outcome } from './stream-writer';

/** What a write answers (API.md): the entity, its stream's revision after the write, the log position. */
export interface Written {
  id: string;
  revision: number;
  position: number;
}

/** The answer to a command about entity `id`; a refusal passes through as the value it is. */
export const writtenOf = <K extends Category>(
  id: string,
  outcome: Outcome<K> | DomainError,
): Written | DomainError =>
  isDomainError(outcome) ? outcome : { id, revision: outcome.revision, position: outcome.position };
