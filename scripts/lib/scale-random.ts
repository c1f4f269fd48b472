/**
 * Seeded randomness and text helpers for the scale data set: the same seed gives the same
 * people, graph and posts, so two runs of a benchmark measure the same data.
 */
export type Random = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Uniform integer in [0, n). */
  int: (n: number) => number;
  /** Standard normal. */
  normal: () => number;
  pick: <T>(items: readonly T[]) => T;
  /** Zipf-like rank in [0, n): rank r is picked with probability about 1 / (r + 1). */
  zipf: (n: number) => number;
};

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  // mulberry32: fast, good enough for data that only has to look plausible.
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    pick: <T>(items: readonly T[]) => items[int(items.length)]!,
    zipf: (n: number) => Math.min(n - 1, Math.floor(n ** next()) - 1),
  };
}

const base36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A cuid-like id (25 lowercase base36 characters): "c", a two-letter kind, the row's number
 * (so ids of one kind ascend in the order they are written), then random characters.
 */
export function scaleId(kind: string, index: number, random: Random): string {
  let id = `c${kind}${index.toString(36).padStart(8, '0')}`;
  while (id.length < 25) id += base36[random.int(36)];
  return id;
}

/** A value for COPY's text format: backslash, tab and line breaks escaped. */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

/** A timestamp(3) column as Prisma stores it: UTC, no zone. */
export function copyTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}
