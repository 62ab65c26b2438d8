/**
 * Money as the messages and explanations show it: "$46,146" for whole dollars, "$0.70" and "$1,056.24" with
 * cents (up to four places for an unrounded intermediate); with `cents`, always two places ("$1,883.00"), as
 * payroll lines are read.
 */
export function usd(v: number | { toNumber(): number }, options: { cents?: boolean } = {}): string {
  const n = typeof v === 'number' ? v : v.toNumber();
  const cents = options.cents === true;
  // a .SOURCE column writes the same few amounts (a salary, a daily rate) on many rows: each written once
  const written = cents ? writtenCents : writtenShown;
  let s = written.get(n);
  if (s === undefined) {
    s = `${n < 0 ? '-' : ''}$${cents ? grouped(Math.abs(n), 2, 2) : Number.isInteger(n) ? grouped(Math.abs(n), 0, 0) : grouped(Math.abs(n), 2, 4)}`;
    if (written.size >= 4096) written.clear();
    written.set(n, s);
  }
  return s;
}
/** The text of each amount usd wrote lately, by number (Map keys: -0 is 0, which usd writes alike). */
const writtenCents = new Map<number, string>();
const writtenShown = new Map<number, string>();

/**
 * A number of 0 or more as Intl.NumberFormat('en-US') writes it with min to max fraction digits: "1,056.24".
 * Money here nearly always has no more places than shown (a printed salary, a rate to the cent), and then the
 * number's own shortest digits (String) are what Intl prints, with commas and the fraction padded: ten times
 * cheaper than Intl's format (~1 µs), which the .SOURCE texts call several times a row. A number that must be
 * rounded to max places, or that String writes with an exponent, is left to Intl, whose rounding is the one shown.
 */
function grouped(n: number, min: number, max: number): string {
  const s = String(n);
  const dot = s.indexOf('.');
  const places = dot < 0 ? 0 : s.length - dot - 1;
  if (places > max || !Number.isFinite(n) || s.includes('e')) return formatter(min, max).format(n);
  const whole = dot < 0 ? s : s.slice(0, dot);
  let out = whole.length <= 3 ? whole : '';
  if (!out) {
    const head = whole.length % 3 || 3;
    out = whole.slice(0, head);
    for (let i = head; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
  }
  if (places === 0 && min === 0) return out;
  return `${out}.${(dot < 0 ? '' : s.slice(dot + 1)).padEnd(min, '0')}`;
}

/** One Intl.NumberFormat per pair of places: toLocaleString with options builds a new one each call (~75 µs). */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(min: number, max: number): Intl.NumberFormat {
  const key = `${min}-${max}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

/** What citeText needs of a contract: its sources (file, title, url). */
export interface CitedSources { sources: readonly { file: string; title: string; url?: string }[] }

/**
 * A citation as a reader sees it: the agreement's title, then where in it. "file:993" reads
 * "Anoka-Hennepin Master Agreement, line 993 [001_568af6eb86bfbaf6.txt:993]" (the file and line stay, for an
 * auditor with the text file); "file#Art. IX Sec. 2, p. 14" reads "Maple Grove Teachers' Agreement, Art. IX Sec. 2,
 * p. 14", with the document's address where the source gives one. A citation of a file the contract does not list
 * is shown as it is. The one way a citation reaches a user (.SOURCE texts, SCHEDULE, AUDIT, PROJECT, the pane).
 */
export function citeText(contract: CitedSources, cite: string): string {
  const hash = cite.indexOf('#');
  const colon = cite.lastIndexOf(':');
  const file = hash >= 0 ? cite.slice(0, hash) : colon >= 0 ? cite.slice(0, colon) : cite;
  const source = contract.sources.find((s) => s.file === file);
  if (!source) return cite;
  const url = source.url ? ` <${source.url}>` : '';
  if (hash >= 0) return `${source.title}, ${cite.slice(hash + 1)}${url}`;
  const lines = cite.slice(colon + 1);
  return `${source.title}, ${lines.includes('-') ? 'lines' : 'line'} ${lines} [${cite}]${url}`;
}

/** The citations of a contract's sources inside a text (a .SOURCE explanation, a note), each rendered by citeText. */
export function citeAll(contract: CitedSources, text: string): string {
  const pattern = citationPattern(contract);
  return pattern ? text.replace(pattern, (_, before: string, cite: string) => before + citeText(contract, cite)) : text;
}

/** One pattern per contract's list of sources: a source's file name, then ":lines" or "#locator". */
const patterns = new WeakMap<object, RegExp | null>();
function citationPattern(contract: CitedSources): RegExp | null {
  let p = patterns.get(contract.sources);
  if (p === undefined) {
    const files = contract.sources.map((s) => s.file.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'));
    // a locator runs to the next ( ) [ ] ; # or the end, as the schema keeps those characters out of it; a citation
    // already rendered (inside [ ]) is not rendered again
    // (the character before is captured, not looked behind at: older Safari runtimes of Excel for Mac lack lookbehind)
    p = files.length ? new RegExp(`(^|[^[\\w.-])((?:${files.join('|')})(?::[1-9][0-9]*(?:-[1-9][0-9]*)?(?![0-9])|#[^#()\\[\\];]*[^#()\\[\\];\\s,]))`, 'g') : null;
    patterns.set(contract.sources, p);
  }
  return p;
}
