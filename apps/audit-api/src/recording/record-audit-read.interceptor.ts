import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { from, Observable, switchMap } from 'rxjs';
import type { RequestWithActor } from '@multitrack/auth';
import type { EventStore } from '@multitrack/event-store';
import { EVENT_STORE } from '@multitrack/platform';
import { auditRecordRead, auditStreamOf } from './audit-read';

/**
 * The audit of the audit: every call is appended to the log before it is answered, so a read
 * that cannot be recorded is not served (the store's failure becomes a 503).
 */
@Injectable()
export class RecordAuditRead implements NestInterceptor {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & RequestWithActor & { id?: unknown }>();
    const actor = request.actor;
    if (!actor) return next.handle();
    const at = new Date();
    const event = auditRecordRead({
      method: request.method,
      path: request.path,
      query: { ...(request.query as Record<string, unknown>) },
      actor,
      requestId: typeof request.id === 'string' ? request.id : randomUUID(),
      at,
    });
    return from(this.store.appendToStream(auditStreamOf(at), [event], { expectedRevision: 'any' })).pipe(switchMap(() => next.handle()));
  }
}
