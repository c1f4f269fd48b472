import { handleStripeWebhook } from '@/lib/pay';

/** Stripe's webhook endpoint: the raw body is verified against its signature before anything else. */
export async function POST(request: Request): Promise<Response> {
  return handleStripeWebhook(await request.text(), request.headers.get('stripe-signature'));
}
