/**
 * The keys of a record that must name every member of a union, no more and no less: the
 * compiler then keeps runtime lists (event types, commands) in step with the types.
 */
export const listOf = <T extends string>(all: Record<T, true>): T[] => Object.keys(all) as T[];
