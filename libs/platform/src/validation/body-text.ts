import { isXmlText } from './xml-text';

/**
 * Text that no part of the product can take: PostgreSQL's jsonb (the event store, read models,
 * the audit of reads) refuses U+0000 and unpaired surrogates, and the IATI export (XML 1.0) every
 * other C0 control, U+FFFE and U+FFFF as well. One rule for every body, at the door: the JSON
 * parser's reviver refuses such a value (or key) with a 400 naming it, never a failed append deep
 * inside a command or an export no parser accepts.
 */
export class UnacceptableText extends SyntaxError {
  constructor(readonly field: string) {
    super(`${field} must not contain control characters, U+FFFE, U+FFFF or unpaired surrogates`);
  }
}

/** A `JSON.parse` reviver: throws {@link UnacceptableText} for the first such value or key. */
export const refuseUnacceptableText = (key: string, value: unknown): unknown => {
  if (!isXmlText(key)) throw new UnacceptableText('a property name');
  if (typeof value === 'string' && !isXmlText(value)) throw new UnacceptableText(key || 'the body');
  return value;
};
