import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { context as activeContext, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  routeTemplateOf,
  tracer,
  traceContextOf,
  type HttpReply,
  type HttpRequest,
} from '@multitrack/platform';
import { Observable } from 'rxjs';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * One server span per HTTP command (`POST /v1/requests`), continuing the caller's `traceparent`
 * and active while the handler runs, so every command span of a multi-stream command (an offer
 * writes the request and the offer stream) shares one trace even when the caller sent none.
 * Ended when the response is gone, so it carries the status the exception filter chose.
 */
@Injectable()
export class HttpCommandSpanInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() !== 'http') return next.handle();
    const request = execution.switchToHttp().getRequest<HttpRequest>();
    if (READS.has(request.method)) return next.handle();
    const response = execution.switchToHttp().getResponse<HttpReply>();
    const route = routeTemplateOf(request);
    const header = request.headers.traceparent;
    const parent = traceContextOf(typeof header === 'string' ? header : undefined);
    const span = tracer().startSpan(
      `${request.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route } },
      parent,
    );
    response.raw.once('close', () => {
      span.setAttribute('http.response.status_code', response.statusCode);
      // Server spans: a 4xx is the caller's mistake, only a 5xx is ours.
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    const traced = trace.setSpan(parent, span);
    return new Observable((subscriber) =>
      activeContext.with(traced, () => next.handle().subscribe(subscriber)),
    );
  }
}
