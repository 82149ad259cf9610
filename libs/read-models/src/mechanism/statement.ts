/** One SQL statement a projection wants run; parameters are positional (`$1`, …). */
export interface Statement {
  sql: string;
  params: unknown[];
}

export const sql = (text: string, ...params: unknown[]): Statement => ({ sql: text, params });
