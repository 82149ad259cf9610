import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import { ProblemException } from '../errors/problem';
import { StrictValidationPipe } from './validation-pipe';

class PeriodDto {
  @IsString() from: string;
}

class ReportDto {
  @ArrayNotEmpty() @IsInt({ each: true }) @Min(1, { each: true }) @Max(9, { each: true }) tracks: number[];
  @ValidateNested({ each: true }) @Type(() => PeriodDto) periods: PeriodDto[];
}

const failureOf = async (value: unknown, type: 'body' | 'query' = 'body') => {
  const error = await new StrictValidationPipe().transform(value, { type, metatype: ReportDto }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemException);
  return (error as ProblemException).problem;
};

describe('StrictValidationPipe', () => {
  it('names array items with [i] and nested fields with dots', async () => {
    const problem = await failureOf({
      tracks: [1, 12],
      periods: [{ from: '2025-01-01' }, { from: 5, to: 'x' }],
    });
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'tracks', message: 'each value in tracks must not be greater than 9' },
        { field: 'periods[1].to', message: 'property to should not exist' },
        { field: 'periods[1].from', message: 'from must be a string' },
      ]),
    );
  });

  it('refuses __proto__ in a query string too', async () => {
    const query = JSON.parse('{"__proto__":{"x":1}}');
    expect((await failureOf(query, 'query')).errors).toEqual([
      { field: '__proto__', message: 'property __proto__ should not exist' },
    ]);
  });

  it('refuses a top-level array where an object is expected', async () => {
    expect((await failureOf([])).status).toBe(400);
  });
});
