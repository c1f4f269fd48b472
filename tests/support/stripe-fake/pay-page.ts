import type Stripe from 'stripe';

/** The fake's stand-in for Stripe's hosted Checkout page: just enough for a browser test to click through. */

const zeroDecimal = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

export function formatAmount(amount: number, currency: string): string {
  const major = zeroDecimal.has(currency) ? amount : amount / 100;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(major);
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#111;background:#fff}button{font-size:1rem;padding:.75rem 1.5rem;margin:.5rem .5rem 0 0}</style>
</head><body><main>${body}</main></body></html>`;

export function payPage(session: Stripe.Checkout.Session): string {
  const amount = formatAmount(session.amount_total ?? 0, session.currency ?? 'usd');
  const title = `Pay ${amount} to Plaza`;
  const cancel = session.cancel_url
    ? `<form method="post" action="/pay/${session.id}/cancel"><button type="submit">Cancel</button></form>`
    : '';
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>Test mode: no card is charged.</p>
<form method="post" action="/pay/${session.id}/confirm"><button type="submit">Pay</button></form>
${cancel}`,
  );
}

export function unavailablePage(message: string): string {
  return page('Checkout', `<h1>Checkout</h1><p>${escapeHtml(message)}</p>`);
}
