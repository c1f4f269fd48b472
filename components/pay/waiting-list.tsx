/** A titled list of things waiting for the person (red packets to open, money to accept); hidden when empty. */
export function WaitingList<T>({ id, title, items, children }: { id: string; title: string; items: T[]; children: (item: T) => React.ReactNode }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <ul aria-labelledby={id} className="divide-y divide-line rounded-2xl border border-line">
        {items.map(children)}
      </ul>
    </section>
  );
}
