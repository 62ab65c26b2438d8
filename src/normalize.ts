/**
 * How user-typed labels are matched to a contract's printed labels: case- and space-insensitively.
 * "ma+15 qtr", "MA+15  QTR" and "MA+15QTR" all match the alias "MA+15 QTR".
 */
export function normalizeLabel(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** Letters from other scripts that look like Latin ones (Cyrillic А В С Е Н К М О Р Т Х, Greek Α Β Ε ...). */
const LOOKALIKE = /[\u0391-\u03A9\u03B1-\u03C9\u0400-\u04FF]/;

/** Returns a reason when text holds letters that only look Latin (the seeds print a Cyrillic "МА"). */
export function lookalikeReason(text: string): string | undefined {
  const m = LOOKALIKE.exec(text);
  if (!m) return undefined;
  const cp = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `"${excerpt(text)}" contains the non-Latin letter "${m[0]}" (U+${cp}) that looks like a Latin one; retype it in Latin letters`;
}

/** "a, b, c" with at most `max` items, then "… (N in all)". */
export function listChoices(items: readonly string[], max = 12): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')}, … (${items.length} in all)`;
}

/** Messages quote at most this many characters of what they were given. */
export const EXCERPT_CHARS = 40;

/** Text as a message quotes it: at most EXCERPT_CHARS characters, then "…". */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
