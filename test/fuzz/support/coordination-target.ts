import {
  badTokens,
  clientOf,
  fundingScene,
  ORG,
  OTHER_ORG,
  tokens,
  type CoordinationApp,
} from '../../coordination/support';
import type { FuzzTarget } from './fuzz';

const expect2xx = (what: string, answer: { status: number; body: unknown }) => {
  if (answer.status >= 300)
    throw new Error(`seeding: ${what} answered ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { id: string };
};

/**
 * The coordination API with something to find: two vetted NGOs, a request with an offer, a match
 * with funds committed and a tranche disbursed. Every role's token and the bad ones.
 */
export const coordinationTarget = async (app: CoordinationApp): Promise<FuzzTarget> => {
  const api = clientOf(app.url);
  const t = await tokens();
  const scene = await fundingScene(api, t);
  const match = expect2xx(
    'match',
    await api.post(
      '/v1/matches',
      { requestId: scene.requestId, offerId: scene.offerId },
      { token: t.officer },
    ),
  );
  expect2xx(
    'commit',
    await api.post(
      `/v1/matches/${match.id}/commitments`,
      { amount: { amount: '50000.00', currency: 'USD' } },
      { token: t.officer },
    ),
  );
  const tranche = expect2xx(
    'disburse',
    await api.post(
      `/v1/matches/${match.id}/disbursements`,
      { amount: { amount: '1000.00', currency: 'USD' }, reference: 'PAY-1' },
      { token: t.officer },
    ),
  );
  const ids: Record<string, string[]> = {
    organizations: [ORG, OTHER_ORG],
    requests: [scene.requestId],
    offers: [scene.offerId],
    matches: [match.id],
  };
  return {
    url: app.url,
    doc: await (await fetch(`${app.url}/docs-json`)).json(),
    principals: {
      ...t,
      anonymous: null,
      expired: await badTokens.expired(),
      wrongAudience: await badTokens.wrongAudience(),
      algNone: await badTokens.algNone(),
      garbage: 'not.a.jwt',
    },
    known: (path, parameter) => {
      if (parameter === 'disbursementId') return [tranche.id];
      const collection = /^\/v1\/(\w+)\/\{id\}/.exec(path)?.[1];
      return parameter === 'id' && collection ? (ids[collection] ?? []) : [];
    },
  };
};
