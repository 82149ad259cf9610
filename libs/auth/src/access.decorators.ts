import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { Role } from './actor';

export const ROLES_KEY = 'multitrack:roles';
export const PUBLIC_KEY = 'multitrack:public';

/**
 * The roles allowed to call a route (any one of them suffices). Every route needs this or
 * `@Public()`: the guard refuses routes that declare neither.
 */
export const Roles = (...roles: [Role, ...Role[]]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiBearerAuth(), ApiExtension('x-roles', roles));

/** No token needed (health, metrics, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
