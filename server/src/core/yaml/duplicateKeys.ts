import { isScalar, visit, YAMLParseError, type Document } from 'yaml';

/**
 * Reports duplicate map keys as the `yaml` package's own `uniqueKeys` option would (same code,
 * message and position), in one pass per map: the package compares each new key with every
 * earlier one, which made a 20,000-key ConfigMap take seconds to parse.
 */
export function addDuplicateKeyErrors(doc: Document.Parsed): void {
  visit(doc, {
    Map(_, map) {
      if (map.items.length < 2) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        // Merge keys (`<<`, a symbol) may repeat; non-scalar keys compare by identity, never equal.
        if (!isScalar(key) || typeof key.value === 'symbol') continue;
        const id = `${typeof key.value}:${String(key.value)}`;
        if (!seen.has(id)) {
          seen.add(id);
          continue;
        }
        const at = key.range?.[0] ?? 0;
        doc.errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
      }
    },
  });
}
