import { getTranslations } from 'next-intl/server';
import { describeLine, minorToDecimal } from '@/components/pay/describe-line';
import { now } from '@/lib/core/clock';
import { getViewer } from '@/lib/core/session';
import { getHistory } from '@/lib/pay';
import { historyQuerySchema } from '@/lib/pay/client';

/** Quotes a CSV field; text a spreadsheet would run as a formula is defused with a leading quote. */
function cell(value: string, text = true): string {
  const safe = text && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The viewer's wallet history as CSV, with the same filters as /wallet, streamed page by page. */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return new Response('Sign in to download your statement.\n', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const parsed = historyQuerySchema.omit({ before: true }).strict().safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return new Response('Unknown statement filter.\n', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const filter = parsed.data;
  const t = await getTranslations('wallet');
  const encoder = new TextEncoder();
  let before: string | undefined;
  let started = false;

  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // A byte-order mark, so spreadsheet programs read names in any script as UTF-8.
        const header = ['date', 'description', 'counterparty', 'context', 'amount', 'currency'].map((key) => cell(t(`csv.${key}`))).join(',');
        controller.enqueue(encoder.encode(`\uFEFF${header}\r\n`));
      }
      const page = await getHistory(viewer, filter, before, 200);
      const rows = page.lines.map((line) =>
        [line.createdAt.toISOString(), cell(describeLine(t, line)), cell(line.counterparty?.handle ?? ''), cell(line.context), minorToDecimal(line.amount), line.currency].join(','),
      );
      if (rows.length > 0) controller.enqueue(encoder.encode(`${rows.join('\r\n')}\r\n`));
      if (page.next) before = page.next;
      else controller.close();
    },
  });

  const day = now().toISOString().slice(0, 10);
  const filename = `${t('csv.filename')}-${viewer.handle}-${day}.csv`.replace(/[^\w.-]/g, '_');
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
