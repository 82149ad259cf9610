import { seesEvent, streamOwnerOf } from './visibility';

const officer = { roles: ['officer'] };
const auditor = { roles: ['auditor'] };
const ngoA = { roles: ['ngo'], organizationId: 'FR-RNA-A' };
const ngoB = { roles: ['ngo'], organizationId: 'FR-RNA-B' };

const published = { streamId: 'request-r1', data: { requestId: 'r1', title: 'Mediators' } };
const received = {
  streamId: 'request-r1',
  data: { requestId: 'r1', offerId: 'o1', organizationId: 'FR-RNA-A' },
};
const submitted = { streamId: 'offer-o1', data: { offerId: 'o1', organizationId: 'FR-RNA-A' } };
const withdrawn = { streamId: 'offer-o1', data: { offerId: 'o1', reason: 'no staff' } };
const vetted = { streamId: 'organization-FR-RNA-A', data: { organizationId: 'FR-RNA-A', note: 'ok' } };
const auditRead = { streamId: 'audit-2026-12-04', data: { query: 'integrity' } };

describe('who sees an event of the log', () => {
  it('every NGO sees the events of a help request', () => {
    expect(seesEvent(ngoA, published, undefined)).toBe(true);
    expect(seesEvent(ngoB, published, undefined)).toBe(true);
  });

  it('a request event naming an organisation is seen only by those who see that organisation', () => {
    expect(seesEvent(ngoA, received, undefined)).toBe(true);
    expect(seesEvent(ngoB, received, undefined)).toBe(false);
    expect(seesEvent(officer, received, undefined)).toBe(true);
  });

  it("an NGO sees its own offer's events, never another organisation's", () => {
    const owner = streamOwnerOf(submitted);
    expect(owner).toBe('FR-RNA-A');
    expect(seesEvent(ngoA, withdrawn, owner)).toBe(true);
    expect(seesEvent(ngoB, withdrawn, owner)).toBe(false);
    expect(seesEvent(ngoB, submitted, owner)).toBe(false);
  });

  it('an offer or match whose owner is unknown is shown to officers and auditors only', () => {
    expect(seesEvent(officer, withdrawn, undefined)).toBe(true);
    expect(seesEvent(auditor, withdrawn, undefined)).toBe(true);
    expect(seesEvent(ngoA, withdrawn, undefined)).toBe(false);
  });

  it("an organisation's events are its own and the ministry's", () => {
    expect(seesEvent(ngoA, vetted, undefined)).toBe(true);
    expect(seesEvent(ngoB, vetted, undefined)).toBe(false);
    expect(seesEvent(officer, vetted, undefined)).toBe(true);
  });

  it('audit reads are shown to auditors only', () => {
    expect(seesEvent(auditor, auditRead, undefined)).toBe(true);
    expect(seesEvent(officer, auditRead, undefined)).toBe(false);
    expect(seesEvent(ngoA, auditRead, undefined)).toBe(false);
  });
});
