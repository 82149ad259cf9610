import isISO31661Alpha2 from 'validator/lib/isISO31661Alpha2';
import { rule, type DomainError } from './decider';

/** Diamond & McDonald's nine tracks of multi-track diplomacy. */
export const tracks = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type Track = (typeof tracks)[number];

export const checkTracks = (value: readonly number[]): DomainError | undefined =>
  value.length > 0 && value.every((t) => Number.isInteger(t) && t >= 1 && t <= 9)
    ? undefined
    : rule('track.invalid', 'tracks must be a non-empty list of numbers from 1 to 9');

export const checkCountry = (value: string): DomainError | undefined =>
  /^[A-Z]{2}$/.test(value) && isISO31661Alpha2(value)
    ? undefined
    : rule('country.invalid', `${value} is not an ISO 3166-1 alpha-2 country code`);

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export const isCalendarDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

export const checkDates = (fields: Record<string, string | undefined>): DomainError | undefined => {
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined && !isCalendarDate(value)) {
      return rule('date.invalid', `${field} must be a calendar date YYYY-MM-DD`);
    }
  }
  return undefined;
};

export const checkText = (fields: Record<string, string | undefined>): DomainError | undefined => {
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined && value.trim() === '')
      return rule('text.required', `${field} must not be empty`);
  }
  return undefined;
};

/** The first failed check, if any: lets a decide function list its checks in order. */
export const firstFailure = (...checks: (() => DomainError | undefined)[]): DomainError | undefined => {
  for (const check of checks) {
    const failure = check();
    if (failure) return failure;
  }
  return undefined;
};
