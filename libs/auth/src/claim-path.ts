/**
 * The value at a dotted claim path: `realm_access.roles` is `payload.realm_access.roles`. A claim
 * whose own name holds dots (namespaced claims such as `https://multitrack.example/roles`) is
 * found first under its whole name.
 */
export const claimAt = (payload: Record<string, unknown>, path: string): unknown => {
  if (Object.hasOwn(payload, path)) return payload[path];
  let value: unknown = payload;
  for (const step of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, step))
      return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
};
