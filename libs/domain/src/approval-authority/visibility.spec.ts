import { seesEvent, streamOwnerOf } from '../shared/visibility';

const officer = { roles: ['officer'] };
const auditor = { roles: ['auditor'] };
const ngoA = { roles: ['ngo'], organizationId: 'FR-RNA-A' };
const ngoB = { roles: ['ngo'], organizationId: 'FR-RNA-B' };

const granted = {
  streamId: 'authority-alice',
  data: { officer: 'alice', limit: { amount: '1.00', currency: 'USD' }, grantedBy: 'root' },
};
const release = {
  streamId: 'window-FR-RNA-A',
  data: { organizationId: 'FR-RNA-A', matchId: 'm', disbursementId: 'd', releasedAt: '2026-12-04T00:00:00Z' },
};

// The feed and the webhooks judge the new streams by the rule of every other stream (decision 0210).
describe('who sees the events of authorities and of an organisation’s four-eyes window', () => {
  it('an officer’s authority is the ministry’s business: officers and auditors, no NGO', () => {
    const owner = streamOwnerOf(granted);
    expect([officer, auditor, ngoA].map((viewer) => seesEvent(viewer, granted, owner))).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('an organisation’s window is seen by that organisation, never by another', () => {
    const owner = streamOwnerOf(release);
    expect([officer, auditor, ngoA, ngoB].map((viewer) => seesEvent(viewer, release, owner))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
