export function PageHeader({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <header className="sticky top-0 z-10 flex min-h-14 items-center justify-between border-b border-line bg-surface/90 px-4 backdrop-blur">
      <h1 className="text-lg font-semibold">{title}</h1>
      {children}
    </header>
  );
}
