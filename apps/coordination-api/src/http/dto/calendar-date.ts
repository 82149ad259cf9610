import { isCalendarDate } from '@multitrack/domain';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** `YYYY-MM-DD` that exists on the calendar (no 2025-02-30). */
export const IsCalendarDate =
  (options?: ValidationOptions): PropertyDecorator =>
  (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(property),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: () => `${String(property)} must be a calendar date YYYY-MM-DD`,
      },
    });
