/** Line icons drawn inline so they follow the text colour and need no icon font. */
const paths = {
  chats: 'M4 5h16v11H8l-4 4V5z',
  feed: 'M4 4h16v16H4zM4 9h16M9 9v11',
  discover: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm3.5 5.5-2 5-5 2 2-5 5-2z',
  market: 'M4 7h16l-1.5 12h-13L4 7zm4 0a4 4 0 0 1 8 0',
  me: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 8a7 7 0 0 1 14 0',
  wallet: 'M3 7h18v12H3zM3 7l3-3h12l3 3M16 13h2',
  watch: 'M3 5h18v12H3zM10 9v4l4-2-4-2zM8 21h8',
  book: 'M4 5h16v15H4zM4 10h16M9 3v4M15 3v4',
  pages: 'M5 3h14v18l-7-4-7 4V3z',
  events: 'M12 3l2.5 5.5L20 9l-4 4 1 6-5-3-5 3 1-6-4-4 5.5-.5L12 3z',
  notifications: 'M6 16V11a6 6 0 1 1 12 0v5l2 2H4l2-2zm4 4h4',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, className = 'size-6' }: { name: IconName; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" className={className} aria-hidden>
      <path d={paths[name]} />
    </svg>
  );
}
