import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Observable, tap } from 'rxjs';
import type { RequestWithActor } from '@multitrack/auth';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE, pathOf, routeTemplateOf, type HttpReply, type HttpRequest } from '@multitrack/platform';
import { HeavyWork } from '../capacity/heavy-work';
import { RECORDED_READ, RecordedRead } from './recorded-read';

/**
 * The audit of the audit (decision 0101): every call of an AuditRoute is appended to the log before
 * it is answered. This only prepares the RecordedRead; the handler records it, after validation,
 * with the validated query (decision 0171). A handler that answered without recording is a bug,
 * and fails loudly rather than serve an unrecorded read.
 */
@Injectable()
export class RecordAuditRead implements NestInterceptor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly heavyWork: HeavyWork,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest & RequestWithActor & { [RECORDED_READ]?: RecordedRead }>();
    const response = http.getResponse<HttpReply>();
    const actor = request.actor;
    if (!actor) return next.handle();
    const gone = new AbortController();
    response.raw.once('close', () => gone.abort());
    const read = new RecordedRead(this.store, this.heavyWork, {
      method: request.method,
      path: pathOf(request),
      actor,
      requestId: request.id || randomUUID(),
      signal: gone.signal,
    });
    request[RECORDED_READ] = read;
    return next.handle().pipe(
      tap(() => {
        if (!read.recorded)
          throw new Error(
            `${request.method} ${routeTemplateOf(request)} answered without recording the read`,
          );
      }),
    );
  }
}
