/**
 * The app's only source of "now". Expiries, rate-limit windows and tokens ask this, so tests
 * can move time instead of waiting for it.
 */
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Test-only: shift the clock forward (or back) by `ms`. */
export function moveClock(ms: number): void {
  offsetMs += ms;
}

export function resetClock(): void {
  offsetMs = 0;
}
