/**
 * PostgreSQL's jsonb (the event store, read models, the audit of reads) refuses U+0000 and
 * unpaired UTF-16 surrogates. Text that cannot be stored is bad input, a 400 at the door, never a
 * failed append deep inside a command.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

/** A `JSON.parse` reviver for the body parser: its throw becomes the parser's 400. */
export const refuseUnstorableText = (key: string, value: unknown): unknown => {
  if (!isStorableText(key) || (typeof value === 'string' && !isStorableText(value))) {
    throw new SyntaxError('text contains U+0000 or an unpaired surrogate');
  }
  return value;
};
