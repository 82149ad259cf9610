/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document is untyped JSON */
import { startCoordinationApp, type CoordinationApp } from '../coordination/support';
import {
  contractRoutes,
  documentedOperations,
  expectRouteDocumented,
  problemStatusesOf,
  readApiContract,
} from '../openapi/api-contract';
import { startWebhooksApp, type WebhooksApp } from './support/webhooks-app';

/** API.md says "the subscriber" for these: whoever may subscribe, and then only its own (404 otherwise). */
const SUBSCRIBERS = ['auditor', 'ngo', 'officer'];

describe("the webhooks app's OpenAPI document", () => {
  let coordination: CoordinationApp;
  let webhooks: WebhooksApp;
  let doc: any;
  const contract = contractRoutes(readApiContract()).filter((route) =>
    route.section.startsWith('Subscriptions'),
  );

  beforeAll(async () => {
    coordination = await startCoordinationApp('pglite');
    webhooks = await startWebhooksApp(coordination.db, coordination.store, { WEBHOOK_DISPATCH: 'false' });
    doc = await (await fetch(`${webhooks.url}/docs-json`)).json();
  });

  afterAll(async () => {
    await webhooks?.close();
    await coordination?.close();
  });

  it('lists every subscription and feed route of API.md with its roles, its success answer and its problems', () => {
    expect(contract.map((route) => route.key).sort()).toEqual([
      'DELETE /v1/subscriptions/{id}',
      'GET /v1/feed',
      'GET /v1/subscriptions',
      'GET /v1/subscriptions/{id}',
      'GET /v1/subscriptions/{id}/deliveries',
      'POST /v1/subscriptions',
      'POST /v1/subscriptions/{id}/replay',
    ]);
    for (const route of contract) {
      const roles = route.roles?.length ? route.roles : SUBSCRIBERS;
      if (!route.key.startsWith('DELETE')) {
        expectRouteDocumented(doc, { ...route, roles });
        continue;
      }
      // A deletion answers 204 with no body at all.
      const operation = documentedOperations(doc).get(route.key)!;
      expect([...operation.media.entries()].filter(([status]) => status.startsWith('2'))).toEqual([
        ['204', []],
      ]);
      expect([...(operation.roles ?? [])].sort()).toEqual(SUBSCRIBERS);
      expect(problemStatusesOf(doc, operation)).toEqual(expect.arrayContaining(['401', '403', '404', '429']));
    }
  });
});
