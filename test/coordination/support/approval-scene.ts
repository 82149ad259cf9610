import type { Client } from './client';
import { ORG, usd, validOffer, validRequest, vettedOrganization, type Tokens } from './scenario';

/**
 * A fresh request, one offer by `ORG` on it, matched and committed: a match of `ORG` that takes
 * tranches. Several calls give several matches of the same organisation.
 */
export const committedMatch = async (api: Client, t: Tokens, committed = '300000.00'): Promise<string> => {
  await vettedOrganization(api, t, ORG);
  const request = await api.post('/v1/requests', validRequest(), { token: t.officer });
  const offer = await api.post(`/v1/requests/${request.body.id}/offers`, validOffer(), { token: t.ngo });
  const match = await api.post(
    '/v1/matches',
    { requestId: request.body.id, offerId: offer.body.id },
    { token: t.officer },
  );
  if (match.status !== 201) throw new Error(`match: ${match.status} ${JSON.stringify(match.body)}`);
  const commitment = await api.post(
    `/v1/matches/${match.body.id}/commitments`,
    { amount: usd(committed) },
    { token: t.officer },
  );
  if (commitment.status !== 201)
    throw new Error(`commit: ${commitment.status} ${JSON.stringify(commitment.body)}`);
  return match.body.id as string;
};

/** A tranche of `amount` asked for by `t.officer` (officer-1); its answer. */
export const tranche = (api: Client, t: Tokens, matchId: string, amount: string) =>
  api.post(
    `/v1/matches/${matchId}/disbursements`,
    { amount: usd(amount), reference: `PAY-${amount}` },
    { token: t.officer },
  );

export const approve = (api: Client, token: string, matchId: string, disbursementId: string) =>
  api.post(`/v1/matches/${matchId}/disbursements/${disbursementId}/approval`, {}, { token });

export const grantAuthority = (
  api: Client,
  t: Tokens,
  sub: string,
  body: { limit: { amount: string; currency: string }; validUntil?: string },
  headers: Record<string, string> = {},
) =>
  api.call('PUT', `/v1/approval-authorities/${encodeURIComponent(sub)}`, body, { token: t.admin, headers });
