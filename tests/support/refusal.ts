import { expect } from 'vitest';
import { AppError } from '@/lib/core/errors';

/** Awaits a promise that must be refused with an AppError, and returns the error to inspect. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
