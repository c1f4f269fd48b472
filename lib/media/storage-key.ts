const keyPattern = /^[a-z0-9-]+(\/[a-z0-9-]+)*\.[a-z0-9]+$/;

/** Keys become file paths or object names: anything that could climb out of its place is a bug upstream. */
export function checkedKey(key: string): string {
  if (!keyPattern.test(key)) throw new Error(`Invalid media storage key: ${key}`);
  return key;
}
