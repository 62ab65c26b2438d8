/**
 * Money as the messages and explanations show it: "$46,146" for whole dollars, "$0.70" and "$1,056.24" with
 * cents (up to four places for an unrounded intermediate); with `cents`, always two places ("$1,883.00"), as
 * payroll lines are read.
 */
export function usd(v: number | { toNumber(): number }, options: { cents?: boolean } = {}): string {
  const n = typeof v === 'number' ? v : v.toNumber();
  const places = options.cents ? [2, 2] : Number.isInteger(n) ? [0, 0] : [2, 4];
  return `${n < 0 ? '-' : ''}$${formatter(places[0], places[1]).format(Math.abs(n))}`;
}

/** One Intl.NumberFormat per pair of places: toLocaleString with options builds a new one each call (~75 µs). */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(min: number, max: number): Intl.NumberFormat {
  const key = `${min}-${max}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

/**
 * A citation as a reader can follow it: the source document's title and the line(s), with the machine citation
 * kept in brackets so that it can still be searched for ("ISD 110 School Board regular meeting packet, …, line 4960
 * [004_95c67c5f7895ec64.txt:4960]"). A citation that names no listed source is returned as it is.
 */
export function citeText(contract: { file: { sources: { file: string; title: string }[] } }, cite: string): string {
  const m = /^(.+?):(\d+)(?:-(\d+))?$/.exec(cite.trim());
  const source = m && contract.file.sources.find((s) => s.file === m[1]);
  if (!m || !source) return cite;
  return `${source.title}, ${m[3] ? `lines ${m[2]}-${m[3]}` : `line ${m[2]}`} [${cite.trim()}]`;
}
