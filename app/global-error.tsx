'use client';

/** Last resort when the root layout itself fails: no translations are available here. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem', textAlign: 'center' }}>
        <h1>Something went wrong · 出错了</h1>
        <p>Plaza could not load this page. · Plaza 无法加载此页面。</p>
        <button type="button" onClick={reset} style={{ padding: '0.75rem 1.25rem', marginTop: '1rem' }}>
          Try again · 重试
        </button>
      </body>
    </html>
  );
}
