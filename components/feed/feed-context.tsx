'use client';
import { createContext, useContext } from 'react';

/**
 * Lets a composer or a share form, wherever it sits on the page, ask the timeline below it to
 * show the newest posts again after the person posted.
 */
export const FeedContext = createContext<{ reload: () => void } | null>(null);

export function useFeedReload(): () => void {
  return useContext(FeedContext)?.reload ?? (() => {});
}
