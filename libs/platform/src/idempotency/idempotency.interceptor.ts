import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Readable } from 'node:stream';
import { Observable, of } from 'rxjs';
import { routeTemplateOf, type HttpReply, type HttpRequest } from '../http/http-request';
import { readIdempotencyKey } from './idempotency-key';
import { IdempotencyScope, requestHashOf, routeOf } from './idempotent-request';
import { defaultPrincipal, IDEMPOTENCY_OPTIONS, IdempotencyOptions } from './idempotency.options';
import { IdempotencyStore, StoredResponse } from './idempotency.store';
import { captureAnswer } from './response-capture';
import { takeTurn } from './take-turn';

/**
 * Answers that a retry should be allowed to change, so they are not kept: our own failures
 * (5xx) and the transient 4xx — a lost optimistic clash (409), a timeout (408), too early (425),
 * a rate limit (429). Every other 4xx is the client's request itself, so it is kept and replayed.
 */
const isKept = (status: number): boolean => status < 500 && ![408, 409, 425, 429].includes(status);

/** API.md, second wave: every POST, PATCH and PUT accepts Idempotency-Key, with the same rules. */
const COMMANDS = new Set(['POST', 'PATCH', 'PUT']);

/**
 * `Idempotency-Key` for every POST, PATCH and PUT (shared/API.md): the first request with a key runs the
 * handler and its answer is stored; any later one with the same caller, route, key and body gets
 * that answer back (`Idempotent-Replayed: true`) without running anything; the same key with
 * another body is a 422. Registered globally by `IdempotencyModule`.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: IdempotencyOptions,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const response = context.switchToHttp().getResponse<HttpReply>();
    if (!COMMANDS.has(request.method)) return next.handle();
    // A streamed body (a document upload) cannot be hashed before its handler reads it: such a
    // route honours no key, and says so in its OpenAPI description.
    if (request.body instanceof Readable) return next.handle();
    const key = readIdempotencyKey(request.headers['idempotency-key']);
    if (key === undefined) return next.handle();

    const route = routeOf(
      request.method,
      routeTemplateOf(request),
      request.params as Record<string, unknown>,
    );
    const principal = (this.options.principalOf ?? defaultPrincipal)(request) ?? 'anonymous';
    const scope: IdempotencyScope = { principal, route, key };
    const turn = await takeTurn(
      this.store,
      scope,
      requestHashOf(this.options.requestHashKey, request.method, route, request.body),
      {
        waitMs: this.options.waitMs ?? 5000,
        // A claim is stale once its holder is surely gone (a process killed mid-command): commands
        // finish in well under a second, and a re-run is safe (event ids derive from the key).
        staleAfterMs: this.options.staleAfterMs ?? 15_000,
      },
    );
    if (turn.kind === 'replay') return of(replay(response, turn.response));
    return this.execute(next, request, response, scope, turn.claimId);
  }

  private execute(
    next: CallHandler,
    request: HttpRequest,
    response: HttpReply,
    scope: IdempotencyScope,
    claimId: string,
  ) {
    captureAnswer(
      request,
      response,
      (answer) =>
        isKept(answer.status)
          ? this.store.complete(scope, claimId, answer)
          : this.store.release(scope, claimId),
      () => this.store.release(scope, claimId),
    );
    return next.handle();
  }
}

const replay = (response: HttpReply, stored: StoredResponse): unknown => {
  response.status(stored.status);
  for (const [name, value] of Object.entries(stored.headers)) response.header(name, value);
  response.header('Idempotent-Replayed', 'true');
  return stored.body;
};
