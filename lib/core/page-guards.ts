import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from './errors';

/** For pages: a service's "not found" becomes the app's not-found page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
