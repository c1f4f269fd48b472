/**
 * Stripe's form encoding: `a[b][0][c]=x` nests objects, numeric (or empty `[]`) segments make
 * arrays, as the SDK's `stringifyRequestData` writes them and as the query of a GET carries
 * `expand[0]=…`.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

function segments(key: string): string[] {
  const first = key.indexOf('[');
  if (first === -1) return [key];
  const parts = [key.slice(0, first)];
  for (const match of key.slice(first).matchAll(/\[([^\]]*)\]/g)) parts.push(match[1] ?? '');
  return parts;
}

export function parseStripeForm(encoded: string | URLSearchParams): FormObject {
  const params = typeof encoded === 'string' ? new URLSearchParams(encoded) : encoded;
  const root: FormObject = {};
  for (const [key, value] of params) {
    const path = segments(key);
    let node: FormObject | FormValue[] = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      const nextIsArray = !last && /^\d*$/.test(path[index + 1] ?? '');
      const container = node as Record<string, FormValue> & FormValue[];
      const slot: string | number = Array.isArray(node) ? (segment === '' ? node.length : Number(segment)) : segment;
      if (last) {
        container[slot as number] = value;
        return;
      }
      container[slot as number] ??= nextIsArray ? [] : {};
      node = container[slot as number] as FormObject | FormValue[];
    });
  }
  return root;
}
