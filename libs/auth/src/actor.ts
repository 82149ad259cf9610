/** The roles a token may carry (API.md, "Auth"). */
export const ROLES = ['officer', 'ngo', 'auditor', 'admin', 'witness'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** Who is calling: the verified token's `sub`, `roles` and `org`. Same shape as the domain's command actor. */
export interface Actor {
  sub: string;
  roles: Role[];
  organizationId?: string;
}

/** What the auth guard leaves on the Express request. */
export interface RequestWithActor {
  actor?: Actor;
}

/** IATI organisation identifier, e.g. `US-EIN-123456789` (API.md, "Organisations"). */
export const ORGANIZATION_ID_PATTERN = /^[A-Z]{2}-[A-Z0-9]+-[A-Za-z0-9._-]+$/;
