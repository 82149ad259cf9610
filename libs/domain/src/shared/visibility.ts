/** Whoever looks at an entity: the actor of a command, of a read, or the subscriber of a feed. */
export interface Viewer {
  roles: readonly string[];
  organizationId?: string;
}

/**
 * The organisation whose offers and matches the viewer sees, or `undefined` when it sees every
 * organisation's (officers and auditors). An NGO sees its own only: to another NGO they do not
 * exist (API.md: other NGOs get 404), and that holds for reads, writes and feeds alike. A viewer
 * with neither role nor organisation sees none (`''` matches no organisation).
 */
export const visibleOrganizationOf = (viewer: Viewer): string | undefined =>
  viewer.roles.includes('officer') || viewer.roles.includes('auditor')
    ? undefined
    : (viewer.organizationId ?? '');

/** Whether the viewer sees what belongs to `organizationId` (its offers, its matches). */
export const seesOrganization = (viewer: Viewer, organizationId: string): boolean => {
  const only = visibleOrganizationOf(viewer);
  return only === undefined || only === organizationId;
};
