import { isMap, isPair, isScalar, isSeq, YAMLParseError, type Document, type YAMLMap } from 'yaml';

/**
 * Reports duplicate map keys as the `yaml` package's own `uniqueKeys` option would (same code,
 * message and position), in one pass per map: the package compares each new key with every
 * earlier one, which made a 20,000-key ConfigMap take seconds to parse.
 * A plain recursive walk (maps before their children, keys before values, as `yaml`'s `visit`
 * goes): `visit` built a frozen path array per collection and cost more than the check.
 */
export function addDuplicateKeyErrors(doc: Document.Parsed): void {
  walk(doc, doc.contents);
}

function walk(doc: Document.Parsed, node: unknown): void {
  if (isMap(node)) {
    if (node.items.length > 1) checkMap(doc, node);
    for (const pair of node.items) {
      walk(doc, pair.key);
      walk(doc, pair.value);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) walk(doc, item);
  } else if (isPair(node)) {
    walk(doc, node.key);
    walk(doc, node.value);
  }
}

/** Up to this many keys, comparing each key with the earlier ones beats building a set. */
const SMALL_MAP = 16;

function checkMap(doc: Document.Parsed, map: YAMLMap): void {
  const items = map.items;
  const small = items.length <= SMALL_MAP;
  const seen = small ? undefined : new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const key = (items[i] as (typeof items)[number]).key;
    // Merge keys (`<<`, a symbol) may repeat; non-scalar keys compare by identity, never equal.
    if (!isScalar(key) || typeof key.value === 'symbol') continue;
    if (seen) {
      const id = keyId(key.value);
      if (!seen.has(id)) {
        seen.add(id);
        continue;
      }
    } else if (!repeats(items, i, key.value)) continue;
    const at = key.range?.[0] ?? 0;
    doc.errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
  }
}

/** Whether a scalar key before `i` has the same identity as `value` (see `keyId`). */
function repeats(items: YAMLMap['items'], i: number, value: unknown): boolean {
  const str = typeof value === 'string';
  for (let j = 0; j < i; j++) {
    const k = (items[j] as (typeof items)[number]).key;
    if (!isScalar(k)) continue;
    const v = k.value;
    // Strings (nearly every key): equal ids only if equal strings, also against other types.
    if (str || typeof v === 'string') {
      if (v === value) return true;
    } else if (typeof v !== 'symbol' && keyId(v) === keyId(value)) return true;
  }
  return false;
}

/** Keys are equal when their type and string form are. */
function keyId(value: unknown): string {
  return `${typeof value}:${String(value)}`;
}
