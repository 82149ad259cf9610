import {
  authorizationMatrix,
  clientOf,
  fundingScene,
  startCoordinationApp,
  tokens,
  type CoordinationApp,
  type MatrixTarget,
  type RouteCase,
} from '../coordination/support';
import { documentsClient, pdf } from './support';

interface Fixtures {
  requestId: string;
  offerId: string;
  matchId: string;
  /** The owning NGO's upload, attached to its offer. */
  documentId: string;
}

const attach = (f: Fixtures) => ({ documentId: f.documentId, purpose: 'other' });

/**
 * The authorization matrix rows of the evidence-document routes (API.md): every caller on every
 * route, refused ones 401/403/404, allowed ones never. The upload is sent without a body here, so
 * an allowed caller meets the 415 of a missing document, never a 401 or 403.
 */
const documentRoutes: RouteCase<Fixtures>[] = [
  { method: 'POST', path: () => '/v1/documents', allowed: ['officer', 'ngoOwner', 'ngoOther'] },
  {
    method: 'GET',
    path: (f) => `/v1/documents/${f.documentId}`,
    allowed: ['officer', 'auditor', 'ngoOwner'],
  },
  {
    method: 'POST',
    path: (f) => `/v1/requests/${f.requestId}/attachments`,
    body: attach,
    allowed: ['officer'],
  },
  {
    method: 'POST',
    path: (f) => `/v1/offers/${f.offerId}/attachments`,
    body: attach,
    allowed: ['officer', 'ngoOwner'],
  },
  {
    method: 'POST',
    path: (f) => `/v1/matches/${f.matchId}/attachments`,
    body: attach,
    allowed: ['officer', 'ngoOwner'],
  },
  {
    method: 'GET',
    path: (f) => `/v1/requests/${f.requestId}/attachments`,
    allowed: ['officer', 'admin', 'auditor', 'witness', 'ngoOwner', 'ngoOther'],
  },
  {
    method: 'GET',
    path: (f) => `/v1/offers/${f.offerId}/attachments`,
    allowed: ['officer', 'auditor', 'ngoOwner'],
  },
  {
    method: 'GET',
    path: (f) => `/v1/matches/${f.matchId}/attachments`,
    allowed: ['officer', 'auditor', 'ngoOwner'],
  },
];

describe('who may call the evidence-document routes (PGlite)', () => {
  let app: CoordinationApp;
  let target: MatrixTarget<Fixtures>;

  beforeAll(async () => {
    app = await startCoordinationApp('pglite');
    const api = clientOf(app.url);
    const t = await tokens();
    const scene = await fundingScene(api, t);
    const made = await api.post(
      '/v1/matches',
      { requestId: scene.requestId, offerId: scene.offerId },
      { token: t.officer },
    );
    const uploaded = await documentsClient(app.url).upload(t.ngo, pdf('evidence'));
    await api.post(
      `/v1/offers/${scene.offerId}/attachments`,
      { documentId: uploaded.body.id, purpose: 'report' },
      { token: t.ngo },
    );
    target = {
      api,
      tokens: t,
      fixtures: { ...scene, matchId: made.body.id, documentId: uploaded.body.id },
    };
  });
  afterAll(() => app?.close());

  authorizationMatrix(documentRoutes, () => target);
});
