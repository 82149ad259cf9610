import type { Client } from './client';
import { expectStatus, fundingScene, usd, type Tokens } from './scenario';

/** A funding scene matched (with `match`'s extra fields) and `committed` USD committed to it. */
export const fundedMatch = async (api: Client, t: Tokens, committed: string, match: object = {}) => {
  const scene = await fundingScene(api, t);
  const made = await api.post(
    '/v1/matches',
    { requestId: scene.requestId, offerId: scene.offerId, ...match },
    { token: t.officer },
  );
  expectStatus(made, 201, 'make the match');
  const matchId = made.body.id as string;
  const commitment = await api.post(
    `/v1/matches/${matchId}/commitments`,
    { amount: usd(committed) },
    { token: t.officer },
  );
  expectStatus(commitment, 201, 'commit funds');
  return { ...scene, matchId };
};
