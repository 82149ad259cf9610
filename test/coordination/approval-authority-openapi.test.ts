/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document and answers are untyped JSON */
import {
  bodyValidator,
  contractRoutes,
  expectRouteDocumented,
  problemStatusesOf,
  readApiContract,
} from '../openapi/api-contract';
import { clientOf, startCoordinationApp, tokens, usd, type CoordinationApp, type Tokens } from './support';

jest.setTimeout(120_000);

const section = 'Approval authority (who may release money)';

describe('the OpenAPI document of the approval authority routes (PGlite)', () => {
  let app: CoordinationApp;
  let doc: any;
  let t: Tokens;
  const contract = contractRoutes(readApiContract()).filter((route) => route.section === section);

  beforeAll(async () => {
    app = await startCoordinationApp('pglite');
    doc = await (await fetch(`${app.url}/docs-json`)).json();
    t = await tokens();
  });
  afterAll(() => app?.close());

  it('documents every route of the section with its roles, one success answer and its problems', () => {
    expect(contract.map((route) => route.key).sort()).toEqual([
      'DELETE /v1/approval-authorities/{sub}',
      'GET /v1/approval-authorities',
      'POST /v1/approval-authorities/{sub}/delegations',
      'PUT /v1/approval-authorities/{sub}',
    ]);
    for (const route of contract) {
      const { operation } = expectRouteDocumented(doc, route);
      if (!route.key.startsWith('GET'))
        expect({ route: route.key, problems: problemStatusesOf(doc, operation) }).toEqual({
          route: route.key,
          problems: expect.arrayContaining(['409', '422']),
        });
    }
  });

  it('answers each route with a body the document describes, every field named', async () => {
    const api = clientOf(app.url);
    const validate = bodyValidator(doc);
    const check = (key: string, answer: { status: number; body: unknown }, status: number) => {
      expect({ key, status: answer.status }).toEqual({ key, status });
      expect({ key, invalid: validate(key, answer.status, answer.body) }).toEqual({
        key,
        invalid: undefined,
      });
    };
    check(
      'PUT /v1/approval-authorities/{sub}',
      await api.call(
        'PUT',
        '/v1/approval-authorities/officer-1',
        { limit: usd('500.00'), validUntil: '2099-01-01' },
        { token: t.admin },
      ),
      200,
    );
    check(
      'POST /v1/approval-authorities/{sub}/delegations',
      await api.post(
        '/v1/approval-authorities/officer-1/delegations',
        { to: 'officer-2', until: '2099-01-01' },
        { token: t.officer },
      ),
      201,
    );
    let page: any;
    for (let attempt = 0; attempt < 200 && !page?.body.items.length; attempt++) {
      page = await api.get('/v1/approval-authorities', { token: t.auditor });
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    check('GET /v1/approval-authorities', page, 200);
    expect(page.body.items[0].delegations).toEqual([
      { to: 'officer-2', until: '2099-01-01', limit: usd('500.00') },
    ]);
    check(
      'DELETE /v1/approval-authorities/{sub}',
      await api.call('DELETE', '/v1/approval-authorities/officer-1?currency=USD', undefined, {
        token: t.admin,
      }),
      200,
    );
  });
});
