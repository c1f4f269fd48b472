import { describe, expect, it } from 'vitest';
import { locales } from '@/lib/core/i18n/locales';
import { messagesFor } from '@/lib/core/i18n/messages';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

describe('translations', () => {
  it('every language has every message English has, and no extra', () => {
    const english = keys(messagesFor('en')).sort();
    for (const locale of locales) expect(keys(messagesFor(locale)).sort(), locale).toEqual(english);
  });

  it('merges the domains\' error messages into one errors namespace', () => {
    const errors = messagesFor('en').errors as Record<string, unknown>;
    expect(errors).toHaveProperty('checkFields');
    expect(errors).toHaveProperty('handle.taken');
  });
});
