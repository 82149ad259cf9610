import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * XML 1.0 (§2.2, production `Char`): tab, newline, carriage return, U+0020–U+D7FF,
 * U+E000–U+FFFD and U+10000–U+10FFFF. Anything else — the other C0 controls, U+FFFE, U+FFFF and,
 * in a JavaScript string, an unpaired surrogate — no XML parser accepts, raw or as a character
 * reference, so text holding one cannot go into the IATI export. The `u` flag makes a lone
 * surrogate one code point of its own (refused) and a pair one code point above U+FFFF (allowed).
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NOT_XML_CHARS = new RegExp(NOT_XML_CHAR.source, 'gu');

/** U+FFFD REPLACEMENT CHARACTER: shows a reader that something unrepresentable stood there. */
export const XML_REPLACEMENT = '\uFFFD';

/** Whether every character of `text` is one XML 1.0 allows. */
export const isXmlText = (text: string): boolean => !NOT_XML_CHAR.test(text);

/** `text` with every character XML 1.0 forbids replaced (by U+FFFD unless told otherwise). */
export const xmlSafe = (text: string, replacement: string = XML_REPLACEMENT): string =>
  isXmlText(text) ? text : text.replace(NOT_XML_CHARS, replacement);

/**
 * The same rule for a DTO's text field: a 400 naming the field. Non-strings pass (their own type
 * check answers for them).
 */
export const IsXmlText = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isXmlText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || isXmlText(value),
        defaultMessage: () =>
          '$property must not contain control characters, U+FFFE, U+FFFF or unpaired surrogates',
      },
    },
    options,
  );
