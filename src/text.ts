/**
 * Trimming without regular expressions: a pattern such as `/\/+$/` or `/[ \t]+$/` backtracks on
 * every start position of a long run (quadratic: 50,000 slashes then another character take seconds),
 * and these functions see text from users and pull requests. One pass from the end instead.
 */

/** `value` without the trailing characters that are in `chars`. */
export function trimEndOf(value: string, chars: string): string {
  let end = value.length;
  while (end > 0 && chars.includes(value[end - 1])) end--;
  return end === value.length ? value : value.slice(0, end);
}

/** `value` without trailing slashes. */
export function trimSlashes(value: string): string {
  return trimEndOf(value, '/');
}
