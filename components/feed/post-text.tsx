import Link from 'next/link';
import { hashtagPath, splitPostText } from '@/lib/feed/client';

const urlPattern = /(https?:\/\/[^\s<>"]+)/g;

/**
 * A post's or comment's words with #hashtags, @mentions and web addresses as links. Nothing in
 * the text is ever rendered as HTML.
 */
export function PostText({ text, className = '' }: { text: string; className?: string }) {
  const runs = text.split(urlPattern);
  return (
    <p className={`whitespace-pre-wrap break-words ${className}`}>
      {runs.map((run, runIndex) =>
        runIndex % 2 === 1 ? (
          <a key={runIndex} href={run} rel="noopener noreferrer nofollow" className="font-medium text-brand underline">
            {run}
          </a>
        ) : (
          splitPostText(run).map((part, index) => {
            const key = `${runIndex}-${index}`;
            if (part.kind === 'hashtag') {
              return (
                <Link key={key} href={hashtagPath(part.tag)} className="font-medium text-brand hover:underline">
                  {part.text}
                </Link>
              );
            }
            if (part.kind === 'mention') {
              return (
                <Link key={key} href={`/u/${part.handle}`} className="font-medium text-brand hover:underline">
                  {part.text}
                </Link>
              );
            }
            return part.text;
          })
        ),
      )}
    </p>
  );
}
