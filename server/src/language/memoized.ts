/**
 * `compute` with its answers kept by `keyOf` of its arguments: for pure answers asked for again
 * and again (a path's kind, a label's word starts). Every answer is forgotten once `limit` are
 * kept, so a long session's keys cannot pile up.
 */
export function memoized<A extends unknown[], V>(
  limit: number,
  keyOf: (...args: A) => string,
  compute: (...args: A) => V,
): (...args: A) => V {
  const kept = new Map<string, V>();
  return (...args) => {
    const key = keyOf(...args);
    if (kept.has(key)) return kept.get(key) as V;
    if (kept.size >= limit) kept.clear();
    const value = compute(...args);
    kept.set(key, value);
    return value;
  };
}
