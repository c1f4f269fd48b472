import { NotFoundMessage } from '@/components/shell/not-found-message';

export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center">
      <NotFoundMessage />
    </main>
  );
}
