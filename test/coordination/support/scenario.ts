import type { Role } from '@multitrack/auth';
import type { Client } from './client';
import { tokenFor } from './tokens';

export const ORG = 'GB-CHC-202918';
export const OTHER_ORG = 'FR-RNA-W751234567';

/** An amount in US dollars, as the API takes and answers money. */
export const usd = (amount: string) => ({ amount, currency: 'USD' });

export const validRequest = () => ({
  title: 'Mediators for a ceasefire dialogue',
  description: 'Two experienced facilitators for three weeks',
  tracks: [2, 5],
  country: 'CO',
  budget: { amount: '300000.00', currency: 'USD' },
  neededBy: '2026-09-30',
});

export const validOffer = () => ({
  summary: 'Two facilitators, three weeks',
  amount: { amount: '120000.00', currency: 'USD' },
  startDate: '2026-07-01',
  endDate: '2026-07-21',
});

export const organization = (id: string, contactEmail = `contact@${id.toLowerCase()}.example`) => ({
  id,
  name: `Organisation ${id}`,
  country: 'GB',
  tracks: [2, 5],
  contactEmail,
});

export interface Tokens {
  officer: string;
  officer2: string;
  admin: string;
  auditor: string;
  witness: string;
  ngo: string;
  otherNgo: string;
}

export const tokens = async (): Promise<Tokens> => ({
  officer: await tokenFor('officer-1', ['officer']),
  officer2: await tokenFor('officer-2', ['officer']),
  admin: await tokenFor('admin-1', ['admin']),
  auditor: await tokenFor('auditor-1', ['auditor']),
  witness: await tokenFor('witness-1', ['witness' as Role]),
  ngo: await tokenFor(`user-of-${ORG}`, ['ngo'], ORG),
  otherNgo: await tokenFor(`user-of-${OTHER_ORG}`, ['ngo'], OTHER_ORG),
});

export const expectStatus = (
  answer: { status: number; body: { rule?: string } | undefined },
  status: number,
  what: string,
  orRule?: string,
) => {
  if (answer.status === status || (orRule && answer.status === 422 && answer.body?.rule === orRule)) return;
  throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
};

/** A vetted organisation, registered by an officer and approved (or already so: scenes share organisations). */
export const vettedOrganization = async (api: Client, t: Tokens, id: string) => {
  const registered = await api.post('/v1/organizations', organization(id), { token: t.officer });
  expectStatus(registered, 201, `register ${id}`, 'organization.already-registered');
  const vetted = await api.post(
    `/v1/organizations/${id}/vetting`,
    { decision: 'approved', note: 'checked' },
    { token: t.officer },
  );
  expectStatus(vetted, 200, `vet ${id}`, 'organization.not-awaiting-vetting');
};

/** Two vetted NGOs, an open request and one offer on it by ORG. */
export const fundingScene = async (api: Client, t: Tokens) => {
  await vettedOrganization(api, t, ORG);
  await vettedOrganization(api, t, OTHER_ORG);
  const request = await api.post('/v1/requests', validRequest(), { token: t.officer });
  expectStatus(request, 201, 'publish request');
  const offer = await api.post(`/v1/requests/${request.body.id}/offers`, validOffer(), { token: t.ngo });
  expectStatus(offer, 201, 'submit offer');
  return {
    requestId: request.body.id as string,
    offerId: offer.body.id as string,
    offerRevision: offer.body.revision as number,
  };
};

export type Scene = Awaited<ReturnType<typeof fundingScene>>;

/**
 * Match suggestions read three read models (the request, its offers, the organisations), each
 * following the log on its own: wait until each shows what the scene wrote before asking for them.
 */
export const suggestionsReadable = async (
  api: Client,
  t: Tokens,
  requestId: string,
  offerIds: string[],
  organizationIds = [ORG, OTHER_ORG],
) => {
  const reads = [
    `/v1/requests/${requestId}?minRevision=${offerIds.length}`,
    ...offerIds.map((id) => `/v1/offers/${id}?minRevision=0`),
    // registered, then vetted
    ...organizationIds.map((id) => `/v1/organizations/${id}?minRevision=1`),
  ];
  for (const path of reads) expectStatus(await api.get(path, { token: t.officer }), 200, `read ${path}`);
};
