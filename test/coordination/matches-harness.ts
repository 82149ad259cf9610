import { randomBytes } from 'node:crypto';
/**
 * A coordination API with only the matches slice, on a throwaway PostgreSQL or PGlite database,
 * with the read models projected in-process straight from the store (no relay, no bus: these
 * tests are about the API; test/projection covers the pipeline). Organisations, requests and
 * offers are given as events decided by the domain's own deciders, so these tests do not depend
 * on the other slices' endpoints.
 */
import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';

import { signDevelopmentToken, type Role } from '@multitrack/auth';
import { createTestDatabase, type Database } from '@multitrack/database';
import { isDomainError, parseMoney, type Money, type WireMoney } from '@multitrack/domain';
import {
  openEventStore,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@multitrack/event-store';
import {
  createHttpApp,
  httpAppConfig,
  IdempotencyModule,
  InfrastructureModule,
  type HttpApp,
} from '@multitrack/platform';
import { applyEvents, installReadModel, readModels } from '@multitrack/read-models';
import { toEnvelope, topicForStream } from '@multitrack/messaging';
import { CommandProblemsInterceptor } from '../../apps/coordination-api/src/http/command-problems.interceptor';
import { DisbursementPolicies } from '../../apps/coordination-api/src/matches/disbursement-policies';
import { MatchesModule } from '../../apps/coordination-api/src/matches/matches.module';
import { writeDirectly } from '../support/write-directly';
import { AUTH } from './support/tokens';

// The API engineer's test credentials, so their bad tokens (expired, wrong audience, alg none) fit.
export const SECRET = AUTH.secret;
export const ISSUER = AUTH.issuer;
export const AUDIENCE = AUTH.audience;

export type DbKind = 'postgres' | 'pglite';

// Replies are JSON of whatever shape the route has; tests read fields freely and assert them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply<Body = Json> {
  status: number;
  body: Body;
  headers: Headers;
}

export interface MatchesApi {
  db: Database;
  store: EventStore;
  url: string;
  call<Body = Json>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Reply<Body>>;
  token(
    sub: string,
    roles: Role[],
    org?: string,
    extra?: { ttlSeconds?: number; audience?: string },
  ): Promise<string>;
  /** Given: decided by the domain's deciders and appended, as the other slices' handlers would. */
  given: Givens;
  /** Every event of the store, in global order. */
  events(): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

export interface Givens {
  vettedOrganization(organizationId?: string): Promise<string>;
  suspend(organizationId: string): Promise<void>;
  request(budget: WireMoney): Promise<string>;
  offer(requestId: string, organizationId: string, amount: WireMoney): Promise<string>;
}

const money = (wire: WireMoney): Money => {
  const parsed = parseMoney(wire);
  if (isDomainError(parsed)) throw new Error(parsed.message);
  return parsed;
};

const given = (store: EventStore): Givens => {
  return {
    async vettedOrganization(organizationId = `GB-CHC-${randomUUID().slice(0, 8)}`) {
      const registration = {
        organizationId,
        name: 'Peace Works',
        country: 'GB',
        tracks: [2, 5],
        contactEmail: 'ciphertext',
      };
      await writeDirectly(store, 'organization', organizationId, {
        type: 'RegisterOrganization',
        data: registration,
      });
      await writeDirectly(store, 'organization', organizationId, {
        type: 'VetOrganization',
        data: { decision: 'approved', note: 'ok' },
      });
      return organizationId;
    },
    async suspend(organizationId) {
      await writeDirectly(store, 'organization', organizationId, {
        type: 'SuspendOrganization',
        data: { reason: 'audit' },
      });
    },
    async request(budget) {
      const requestId = randomUUID();
      const data = {
        requestId,
        title: 'Back-channel talks',
        description: 'Venue and facilitation',
        tracks: [2],
        country: 'CO',
        budget: money(budget),
        neededBy: '2030-01-31',
      };
      await writeDirectly(store, 'request', requestId, { type: 'PublishHelpRequest', data });
      return requestId;
    },
    async offer(requestId, organizationId, amount) {
      const offerId = randomUUID();
      const data = {
        offerId,
        requestId,
        organizationId,
        summary: 'We facilitate',
        amount: money(amount),
        startDate: '2029-01-01',
        endDate: '2029-06-30',
        request: { status: 'open' as const, currency: amount.currency },
        organization: { status: 'vetted' as const },
      };
      const ngo = { sub: `user-of-${organizationId}`, roles: ['ngo' as const], organizationId };
      await writeDirectly(store, 'request', requestId, {
        type: 'RecordOffer',
        data: { offerId, organizationId },
      });
      await writeDirectly(store, 'offer', offerId, { type: 'SubmitOffer', data }, ngo);
      return offerId;
    },
  };
};

/** Applies each new event to the read models that follow its topic, as the projector would. */
const projectInProcess = (db: Database, store: EventStore): Subscription =>
  store.subscribeToAll({
    onEvent: async (event) => {
      const envelope = toEnvelope(event);
      const models = readModels.filter((model) => model.topics.includes(topicForStream(event.streamId)));
      await db.transaction(async (tx) => {
        for (const model of models) await applyEvents(tx, model, model.schema, [envelope]);
      });
    },
    onError: (error) => console.error('in-process projection failed', error),
  });

export const openMatchesApi = async (
  kind: DbKind,
  policies = new DisbursementPolicies('100000.00', 30),
): Promise<MatchesApi> => {
  const { db, drop } = await createTestDatabase(kind);
  const store = await openEventStore({ kind, database: db, pollIntervalMs: 10 });
  for (const model of readModels) await installReadModel(db, model);
  const projection = projectInProcess(db, store);

  @Module({
    imports: [
      InfrastructureModule.forRoot({ db, store }),
      CqrsModule.forRoot(),
      IdempotencyModule.forRoot({ requestHashKey: randomBytes(32) }),
      MatchesModule.forRoot(policies),
    ],
    providers: [{ provide: APP_INTERCEPTOR, useClass: CommandProblemsInterceptor }],
  })
  class MatchesOnly {}

  const config = httpAppConfig.parse({
    AUTH_JWT_SECRET: SECRET,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const app: HttpApp = await createHttpApp(MatchesOnly, {
    config,
    openApi: { title: 'matches test' },
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  return {
    db,
    store,
    url,
    async call(method, path, { token, body, headers = {} } = {}) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(token && { authorization: `Bearer ${token}` }),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed as Json, headers: response.headers };
    },
    token: (sub, roles, org, extra = {}) =>
      signDevelopmentToken({
        secret: SECRET,
        sub,
        roles,
        ...(org && { org }),
        issuer: ISSUER,
        audience: extra.audience ?? AUDIENCE,
        ttlSeconds: extra.ttlSeconds,
      }),
    given: given(store),
    async events() {
      const all: RecordedEvent[] = [];
      for await (const event of store.readAll()) all.push(event);
      return all;
    },
    async close() {
      await app.close();
      await projection.stop();
      await store.close();
      await drop();
    },
  };
};
