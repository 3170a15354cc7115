import { distance } from 'fastest-levenshtein';

/** The closest candidate when it is close enough to be a plausible typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === name) continue;
    const a = name.toLowerCase();
    const b = c.toLowerCase();
    // Swapped neighbours (`prot` for `port`) are one typo, not two.
    const d = isTransposition(a, b) ? 1 : distance(a, b);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

export function didYouMeanSuffix(name: string, candidates: Iterable<string>): string {
  const c = closestName(name, candidates);
  return c ? ` Did you mean '${c}'?` : '';
}

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
