/** Stream categories: a stream is named `{category}-{id}` (EventStoreDB convention). */
export const categories = ['organization', 'request', 'offer', 'match', 'authority', 'window'] as const;

export type Category = (typeof categories)[number];

export const isCategory = (value: string): value is Category =>
  (categories as readonly string[]).includes(value);

export const streamIdOf = (category: Category, id: string): string => `${category}-${id}`;

/** Splits at the first dash only: organisation ids (`US-EIN-123`) contain dashes themselves. */
export const parseStreamId = (streamId: string): { category: Category; id: string } | undefined => {
  const dash = streamId.indexOf('-');
  if (dash <= 0 || dash === streamId.length - 1) return undefined;
  const category = streamId.slice(0, dash);
  return isCategory(category) ? { category, id: streamId.slice(dash + 1) } : undefined;
};
