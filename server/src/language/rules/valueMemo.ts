/**
 * What the pure checks of one value found, kept between analyses of the same documents, so that
 * after an edit only the values that changed are checked again. Keyed by the directive's info
 * (one object per directive of the knowledge base) and the value's text; bounded by forgetting
 * everything once it holds `limit` values, which a 50,000-line unit alone does not reach.
 */
export class ValueMemo {
  private values = new WeakMap<object, Map<string, Map<string, unknown>>>();
  private size = 0;

  constructor(private readonly limit = 100_000) {}

  /** What `check` answers for `value` of the directive `info`, computed once per kind of check. */
  get<T>(kind: string, info: object, value: string, check: () => T): T {
    // Maps by kind and by value, not one key made of both: no new string for each value asked about.
    let byKind = this.values.get(info);
    let byValue = byKind?.get(kind);
    if (byValue?.has(value)) return byValue.get(value) as T;
    if (this.size >= this.limit) {
      this.values = new WeakMap();
      this.size = 0;
      byKind = undefined;
      byValue = undefined;
    }
    if (!byKind) this.values.set(info, (byKind = new Map()));
    if (!byValue) byKind.set(kind, (byValue = new Map()));
    const result = check();
    byValue.set(value, result);
    this.size++;
    return result;
  }
}
