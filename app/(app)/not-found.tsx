import { NotFoundMessage } from '@/components/shell/not-found-message';

/** Inside the app shell, which already provides the page's main landmark. */
export default function NotFound() {
  return <NotFoundMessage />;
}
