import { expect } from 'vitest'
import { AppError } from '@shared/errors'

/** The AppError `promise` rejects with; fails the test if it resolves or rejects with anything else. */
export async function thrown(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}
