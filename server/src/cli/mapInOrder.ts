/**
 * `each` applied to every item with at most `limit` calls pending at once; the answers in the
 * items' order, whatever order they finish in.
 */
export async function mapInOrder<T, R>(items: readonly T[], limit: number, each: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const answers = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) answers[i] = await each(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return answers;
}
