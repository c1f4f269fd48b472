import type { FormObject, FormValue } from './form';

/** A Stripe API error as the SDK expects it: HTTP status plus `{ error: { type, code, message, param } }`. */
export class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: 'invalid_request_error' | 'idempotency_error' | 'api_error' | 'card_error',
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }

  body(requestId: string) {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code ? { code: this.code, doc_url: `https://stripe.com/docs/error-codes/${this.code.replace(/_/g, '-')}` } : {}),
        ...(this.param ? { param: this.param } : {}),
        request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}`,
      },
    };
  }
}

export const invalid = (message: string, param?: string, code?: string) => new FakeStripeError(400, 'invalid_request_error', message, code, param);
export const missingParam = (param: string) => invalid(`Missing required param: ${param}.`, param, 'parameter_missing');
export const noSuch = (kind: string, id: string, param?: string) =>
  new FakeStripeError(param ? 400 : 404, 'invalid_request_error', `No such ${kind}: '${id}'`, 'resource_missing', param);

export function onlyKnown(value: FormObject, known: readonly string[], prefix = ''): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      const param = prefix ? `${prefix}[${key}]` : key;
      throw invalid(`Received unknown parameter: ${param}`, param, 'parameter_unknown');
    }
  }
}

export function asObject(value: FormValue | undefined, param: string): FormObject | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`Invalid object`, param, 'parameter_invalid_empty');
  return value;
}

export function asArray(value: FormValue | undefined, param: string): FormValue[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalid(`Invalid array`, param);
  return value;
}

export function asString(value: FormValue | undefined, param: string, { max = 5000 } = {}): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(`Invalid string: ${JSON.stringify(value)}`, param, 'parameter_invalid_string');
  if (value.length > max) throw invalid(`Invalid string: ${value.slice(0, 20)}...; must be at most ${max} characters`, param, 'parameter_invalid_string');
  return value;
}

export function required<T>(value: T | undefined, param: string): T {
  if (value === undefined || value === '') throw missingParam(param);
  return value;
}

export function positiveInteger(value: FormValue | undefined, param: string): number | undefined {
  const text = asString(value, param);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw invalid(`Invalid positive integer`, param, 'parameter_invalid_integer');
  const number = Number(text);
  if (number < 1) throw invalid('This value must be greater than or equal to 1.', param, 'parameter_invalid_integer');
  if (!Number.isSafeInteger(number) || number > 99_999_999) throw invalid('This value must be less than or equal to 99999999.', param, 'parameter_invalid_integer');
  return number;
}

export function currencyCode(value: FormValue | undefined, param: string): string {
  const text = required(asString(value, param), param);
  // Stripe's currency codes are lowercase ISO 4217; rejecting anything else catches a caller
  // that passes `USD` or a typo before real Stripe would.
  if (!/^[a-z]{3}$/.test(text)) throw invalid(`Invalid currency: ${text}. Stripe currently supports these currencies: usd, eur, gbp, cny, jpy, …`, param, 'parameter_invalid_string');
  return text;
}

export function url(value: FormValue | undefined, param: string): string | undefined {
  const text = asString(value, param);
  if (text === undefined) return undefined;
  try {
    const parsed = new URL(text);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw invalid('Not a valid URL', param, 'url_invalid');
  }
  return text;
}

export function metadata(value: FormValue | undefined, param = 'metadata'): Record<string, string> {
  const object = asObject(value, param);
  if (!object) return {};
  const entries = Object.entries(object);
  if (entries.length > 50) throw invalid('Metadata can have up to 50 keys.', param);
  const result: Record<string, string> = {};
  for (const [key, raw] of entries) {
    if (key.length > 40) throw invalid(`Metadata keys can have up to 40 characters.`, `${param}[${key}]`);
    const text = asString(raw, `${param}[${key}]`, { max: 500 });
    // An empty value unsets a key, as in Stripe.
    if (text) result[key] = text;
  }
  return result;
}

export function oneOf<const T extends string>(value: FormValue | undefined, param: string, allowed: readonly T[]): T | undefined {
  const text = asString(value, param);
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text)) throw invalid(`Invalid ${param}: must be one of ${allowed.join(', ')}`, param, 'parameter_invalid_string');
  return text as T;
}

export function expandList(value: FormValue | undefined): string[] {
  const list = asArray(value, 'expand') ?? [];
  return list.map((item, index) => required(asString(item, `expand[${index}]`), `expand[${index}]`));
}
