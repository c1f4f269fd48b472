/**
 * Errors a person can understand. Services throw AppError with a message key (translated by the
 * action helper through next-intl) and, for form input, a key per field.
 */
export const errorCodes = ['NOT_FOUND', 'FORBIDDEN', 'INVALID', 'CONFLICT', 'RATE_LIMITED', 'PAYMENT_REQUIRED', 'REAUTH_REQUIRED'] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** A message key under `errors` in lib/core/i18n/messages/*.json, with optional values. */
export type MessageRef = string | { key: string; values: Record<string, string | number> };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageRef: MessageRef;
  readonly fieldErrors: Record<string, MessageRef>;

  constructor(code: ErrorCode, message: MessageRef, fieldErrors: Record<string, MessageRef> = {}) {
    super(typeof message === 'string' ? message : message.key);
    this.name = 'AppError';
    this.code = code;
    this.messageRef = message;
    this.fieldErrors = fieldErrors;
  }
}

export const notFound = () => new AppError('NOT_FOUND', 'notFound');
export const forbidden = () => new AppError('FORBIDDEN', 'forbidden');
export const invalidField = (field: string, message: MessageRef) => new AppError('INVALID', 'checkFields', { [field]: message });
