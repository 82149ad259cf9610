import { IntFilter } from './filters';

/** `?minRevision=N`: read-your-writes for a single entity (wait up to 5 s, else 503). */
export class MinRevisionQuery {
  @IntFilter(0, Number.MAX_SAFE_INTEGER, {
    description: 'Wait until the read model reflects this stream revision',
  })
  minRevision?: number;
}
