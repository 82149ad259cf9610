/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, tab or
 * carriage return as a formula — `=HYPERLINK(…)` opens a link, a DDE payload starts a program. The
 * full-width forms count too: some spreadsheets in East Asian locales read `＝` as `=`.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A plain decimal (`-10000.00`, `42`): what a spreadsheet reads as a number, never as a formula. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A text cell as OWASP prescribes: behind one apostrophe when it would run, which spreadsheets hide. */
export const textCell = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/**
 * A number cell: a plain decimal stays as it is, so a reversal (`-10000.00`) is still a negative
 * number that sums; anything else in a number column (the log is not trusted here) is text.
 */
export const numberCell = (value: string | number): string => {
  const text = String(value);
  return text === '' || DECIMAL.test(text) ? text : textCell(text);
};
