/** Money inside the domain: integer minor units of one ISO 4217 currency. Never a float. */
export type Money = { readonly minor: bigint; readonly currency: string };

/** Money on the wire and in event data: a decimal string with exactly the currency's minor digits. */
export type WireMoney = { amount: string; currency: string };

export const money = (minor: bigint, currency: string): Money => ({ minor, currency });

export const zero = (currency: string): Money => money(0n, currency);
