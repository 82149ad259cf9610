import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@multitrack/auth';
import type { EventStore } from '@multitrack/event-store';
import { ProblemException, statusProblem } from '@multitrack/platform';
import { HeavyWork, HeavyWorkRefused } from '../capacity/heavy-work';
import { auditRecordRead, auditStreamOf, recordedQuery } from './audit-read';

/** Where RecordAuditRead leaves this request's RecordedRead for the `@Recorded()` parameter. */
export const RECORDED_READ = Symbol('recorded audit read');

export interface ReadContext {
  method: string;
  path: string;
  actor: Actor;
  requestId: string;
  /** Aborted when the client goes away: work still waiting for a place leaves the queue. */
  signal: AbortSignal;
}

/**
 * One audit read, as its handler serves it: the handler runs after validation, so what it passes
 * here is the validated query (a refused 400 never gets this far and records nothing). The read is
 * appended to the log before any of the answer is produced; one that cannot be recorded is not
 * served (the store's failure becomes a 503).
 */
export class RecordedRead {
  recorded = false;

  constructor(
    private readonly store: EventStore,
    private readonly heavyWork: HeavyWork,
    private readonly context: ReadContext,
  ) {}

  /** A read of a page, a stream or an entity: recorded, then served. */
  async light<T>(query: object, work: () => Promise<T>): Promise<T> {
    await this.record(query);
    return work();
  }

  /** A read over the whole log: it waits for a place (or is refused 429/503 with Retry-After), is recorded, then served. */
  heavy<T>(query: object, work: () => Promise<T>): Promise<T> {
    return this.heavyWork
      .run(this.context.actor.sub, () => this.light(query, work), this.context.signal)
      .catch((error: unknown) => Promise.reject(error instanceof HeavyWorkRefused ? refusal(error) : error));
  }

  private async record(query: object): Promise<void> {
    const { method, path, actor, requestId } = this.context;
    const at = new Date();
    const event = auditRecordRead({ method, path, query: recordedQuery(query), actor, requestId, at });
    await this.store.appendToStream(auditStreamOf(at), [event], { expectedRevision: 'any' });
    this.recorded = true;
  }
}

const refusal = (error: HeavyWorkRefused) =>
  new ProblemException(statusProblem(error.status, error.message), {
    'Retry-After': String(error.retryAfterSeconds),
  });

/** The handler's RecordedRead (its route must be an `AuditRoute`). */
export const Recorded = createParamDecorator((_: unknown, context: ExecutionContext): RecordedRead => {
  const read = context.switchToHttp().getRequest()[RECORDED_READ] as RecordedRead | undefined;
  if (!read) throw new Error('@Recorded() on a route that is not an AuditRoute');
  return read;
});
