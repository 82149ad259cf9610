import { PipeTransform } from '@nestjs/common';
import { isSystemStream } from '@multitrack/event-store';
import { validationProblem } from '@multitrack/platform';

/** `{category}-{id}`: a lower-case category, a dash, then printable ASCII — what the log's streams are named. */
const AUDITED_STREAM = /^[a-z][a-z0-9]*-[\x21-\x7e]{1,200}$/;

/**
 * A stream id in an audit path. System streams (`$…`: EventStoreDB's `$settings`, `$$match-…`
 * metadata, `$ce-…` projections, and anything an adapter names so) are the store's own, not part
 * of the audited record, and are never served whatever the adapter (decision 0175); an id of
 * another shape or length is no stream of the log either. Both are a 400 naming `streamId`, so
 * nothing of such a request is recorded.
 */
export class AuditedStreamId implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isSystemStream(value))
      throw validationProblem([
        { field: 'streamId', message: 'system streams ($…) are not part of the audited log' },
      ]);
    if (!AUDITED_STREAM.test(value))
      throw validationProblem([
        {
          field: 'streamId',
          message:
            'streamId must be {category}-{id}: a lower-case category, a dash, then at most 200 printable ASCII characters',
        },
      ]);
    return value;
  }
}
