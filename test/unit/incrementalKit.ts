/** Seeded randomness for the incremental-analysis tests: the same seed gives the same edits. */

/** mulberry32. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit: delete up to 3 characters at a random place, or insert one of `pieces` there. */
export function randomEdit(rnd: () => number, text: string, pieces: readonly string[]): string {
  const at = Math.floor(rnd() * (text.length + 1));
  if (rnd() < 0.4 && text.length > 0) {
    const n = 1 + Math.floor(rnd() * 3);
    return text.slice(0, at) + text.slice(at + n);
  }
  const piece = pieces[Math.floor(rnd() * pieces.length)] ?? '';
  return text.slice(0, at) + piece + text.slice(at);
}
