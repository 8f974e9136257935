/** "Did you mean": the known word closest to a mistyped one (flags, commands, options). */

/** Edit distance (insertions, deletions, substitutions), for "did you mean". */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The closest of `known` to a mistyped `word`, when one is close enough to be a likely typo. */
export function closest(word: string, known: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = editDistance(w, name);
    if (!best || d < best.d) best = { name, d };
  }
  if (best && best.d <= Math.max(2, Math.floor(w.length / 3))) return best.name;
  // A part of a name (--region for --azure-region), or a name with more around it.
  return [...known].find((n) => (w.length >= 4 && n.includes(w)) || (n.length >= 4 && w.includes(n)));
}
