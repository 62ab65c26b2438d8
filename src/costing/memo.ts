/**
 * A cache keyed by a tuple of values, as nested Maps: each value is a Map key as it is (a string keeps its
 * hash, a number is not turned into text), so a lookup builds no string. Building a key string per line
 * ("Single|0.6|…") costs more than the costing it saves: a number's text conversion alone is ~0.5 µs.
 * Tuples of different lengths may share a cache (the end of a tuple is a key of its own). The first `length`
 * values of `key` are the tuple (so a caller may fill one array again and again); the cache keeps no reference
 * to the array.
 */
const END = Symbol('end');

export class TupleMap<V> {
  private readonly root = new Map<unknown, unknown>();

  get(key: readonly unknown[], length = key.length): V | undefined {
    let m: Map<unknown, unknown> | undefined = this.root;
    for (let i = 0; i < length && m; i++) m = m.get(key[i]) as Map<unknown, unknown> | undefined;
    return m?.get(END) as V | undefined;
  }

  set(key: readonly unknown[], value: V, length = key.length): V {
    let m = this.root;
    for (let i = 0; i < length; i++) {
      const k = key[i];
      let next = m.get(k) as Map<unknown, unknown> | undefined;
      if (!next) m.set(k, (next = new Map()));
      m = next;
    }
    m.set(END, value);
    return value;
  }
}
