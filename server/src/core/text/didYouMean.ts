import { distance } from 'fastest-levenshtein';

/**
 * The candidate a misspelt `word` most likely meant, or undefined when none is close enough.
 * A case-insensitive exact match wins; otherwise the nearest by edit distance, allowing about
 * one edit per three characters (`imagee` -> `image`, `Deploymnet` -> `Deployment`).
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const cl = c.toLowerCase();
    if (cl === lower) return c;
    const d = isSwap(lower, cl) ? 1 : distance(lower, cl);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.min(word.length, best?.length ?? 0) / 3));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/** Two adjacent letters swapped (`moed` / `mode`): one slip of the fingers, two Levenshtein edits. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** `; did you mean 'x'?` when there is a suggestion, else the empty string. */
export function suggestionSuffix(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `; did you mean '${suggestion}'?`;
}

/** ` Did you mean 'x'?` (a sentence of its own, as Terraform messages end) or the empty string. */
export function didYouMeanSuffix(word: string, candidates: Iterable<string>): string {
  const c = didYouMean(word, candidates);
  return c === undefined ? '' : ` Did you mean '${c}'?`;
}
