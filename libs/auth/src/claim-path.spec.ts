import { claimAt } from './claim-path';

describe('claimAt', () => {
  const payload = {
    roles: ['officer'],
    realm_access: { roles: ['auditor', 'offline_access'] },
    resource_access: { 'multitrack-api': { roles: ['ngo'] } },
    'https://multitrack.example/org': 'US-EIN-1',
    extn: 'not an object',
  };

  it('reads a top-level claim', () => expect(claimAt(payload, 'roles')).toEqual(['officer']));

  it('walks a dotted path into nested objects (Keycloak realm and client roles)', () => {
    expect(claimAt(payload, 'realm_access.roles')).toEqual(['auditor', 'offline_access']);
    expect(claimAt(payload, 'resource_access.multitrack-api.roles')).toEqual(['ngo']);
  });

  it('finds a namespaced claim under its whole name before splitting it', () =>
    expect(claimAt(payload, 'https://multitrack.example/org')).toBe('US-EIN-1'));

  it('answers undefined for a path that leads nowhere, through non-objects or inherited names', () => {
    expect(claimAt(payload, 'realm_access.groups')).toBeUndefined();
    expect(claimAt(payload, 'extn.org')).toBeUndefined();
    expect(claimAt(payload, 'roles.length')).toBeUndefined();
    expect(claimAt(payload, 'realm_access.constructor')).toBeUndefined();
  });
});
