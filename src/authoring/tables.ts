/**
 * A stipend table (activity, role, an amount or a percent for each experience band) and a table of terms
 * (insurance tiers, matches, premiums, with their units), read from a selected range into the contract's
 * `stipends` and `terms` sections. Every problem names its cell, and all are listed at once.
 */
import type { StipendBasis, StipendItemFile, StipendsFile, TermFile, TermUnit, TermValueFile } from '../model';
import { normalizeLabel } from '../normalize';
import { usd } from '../format';
import { parseYear } from '../years';
import type { Problem } from './cells';
import { Sheet, isBlank, isPercentText, isProblem, readAmount, readLabel, readPercentCell, slug, topLeft } from './cells';
import type { Authored, Preview } from './schedule';
import type { Source, SourceRef } from './source';
import { citeOf, readSource, whereText } from './source';

interface Common {
  cells: unknown[][];
  at?: string;
  /** the school years the amounts apply to */
  years: string[];
  source: SourceRef;
}

export interface StipendsImport extends Common {
  title?: string;
  /** the rounding of computed stipends (percent of a base); `stipend` when omitted */
  rounding?: string;
  /** where the amounts are percents: the salary cell they are a percent of */
  base?: { schedule: string; lane: string; step: string };
}

export interface TermsImport extends Common {
  /** the group the terms are listed under (insurance, retirement, premiums) */
  group?: string;
}

/**
 * The selected table of a stipends or terms import, with the years and the source it is for; or the problems that
 * stop its reading (not a cell address, or fewer than two rows and three columns: `header` says what to select).
 * The years' and the source's problems are gathered with the table's own.
 */
function tableOf(q: Common, problems: Problem[], header: string): { sheet: Sheet; years: string[]; src: Source | undefined } | undefined {
  const origin = topLeft(q.at);
  if (!origin) {
    problems.push({ cell: 'range', reason: `"${String(q.at)}" is not a cell address` });
    return undefined;
  }
  const sheet = new Sheet(Array.isArray(q.cells) ? q.cells : [], origin);
  const years = readYearsOf(q.years, problems);
  const src = readSource(q.source, problems);
  if (sheet.rows.length < 2 || sheet.width < 3) {
    problems.push({ cell: sheet.rows.length ? sheet.range() : 'range', reason: `select the whole table: a header row (${header}) and its rows` });
    return undefined;
  }
  return { sheet, years, src };
}

function readYearsOf(years: unknown, problems: Problem[]): string[] {
  const out: string[] = [];
  for (const v of Array.isArray(years) ? years : [years]) {
    const y = parseYear(String(v ?? ''));
    if (!y.ok) problems.push({ cell: 'years', reason: y.message });
    else if (!out.includes(y.year)) out.push(y.year);
  }
  if (!out.length && !problems.some((p) => p.cell === 'years')) problems.push({ cell: 'years', reason: 'give the school year(s) the table applies to (2025-26)' });
  return out.sort();
}

/** "Years 1-2", "1 - 2", "3 to 5", "16+", "16 or more", "Amount": an experience band (seasons in the activity). */
function band(text: string): { fromYear: number; toYear?: number } | undefined {
  let m = /(\d+)\s*(?:-|to|through)\s*(\d+)/i.exec(text);
  if (m) return { fromYear: Number(m[1]), toYear: Number(m[2]) };
  m = /(\d+)\s*(?:\+|or more|and (?:up|over|above))/i.exec(text);
  if (m) return { fromYear: Number(m[1]) };
  m = /^(?:years?|seasons?)\s*(\d+)$/i.exec(text.trim());
  if (m) return { fromYear: Number(m[1]), toYear: Number(m[1]) };
  if (/^(amount|stipend|pay|rate|percent|%)$/i.test(text.trim())) return { fromYear: 1 };
  return undefined;
}

export function importStipends(q: StipendsImport): Authored<StipendsFile> {
  const problems: Problem[] = [];
  const table = tableOf(q, problems, 'Activity, Role, then one column per experience band');
  if (!table) return { ok: false, problems };
  const { sheet, years, src } = table;
  const [header, ...body] = sheet.rows;
  for (const [c, want] of [[0, 'activity'], [1, 'role']] as const)
    if (!new RegExp(want, 'i').test(String(header[c] ?? ''))) problems.push({ cell: sheet.at(0, c), reason: `the column ${c === 0 ? 'first' : 'second'} is the ${want}: head it "${want[0].toUpperCase()}${want.slice(1)}" (it reads "${String(header[c] ?? '')}")` });
  const steps: StipendsFile['experienceSteps'] = [];
  for (let c = 2; c < sheet.width; c++) {
    const cell = sheet.at(0, c);
    const label = readLabel(header[c], cell, 'experience band');
    if (isProblem(label)) {
      problems.push(label);
      continue;
    }
    const b = band(label);
    const prev = steps[steps.length - 1];
    const expected = prev ? (prev.toYear === undefined ? NaN : prev.toYear + 1) : 1;
    if (!b) problems.push({ cell, reason: `"${label}" is not an experience band: write the seasons it covers, "Years 1-2", "3-5" or "16+" (or "Amount" for one amount at any experience)` });
    else if (b.fromYear !== expected)
      problems.push({ cell, reason: Number.isNaN(expected) ? `the band before it ("${prev.label}") is open-ended, so no band can follow it` : `"${label}" starts at season ${b.fromYear}; the bands run on from season 1 without gaps, so this one starts at ${expected}` });
    else if (b.toYear !== undefined && b.toYear < b.fromYear) problems.push({ cell, reason: `"${label}" runs backwards` });
    else steps.push({ label, ...b });
  }
  const cite = src ? citeOf(src) : '';
  const items: StipendItemFile[] = [];
  const seen = new Map<string, string>();
  const preview: Preview = [header.map((h) => String(h ?? '').trim())];
  let activity: string | undefined;
  let percents = false;
  body.forEach((row, i) => {
    const r = i + 1;
    if (row.every(isBlank)) return;
    // an activity printed once above its roles applies to the rows below it
    if (!isBlank(row[0])) {
      const a = readLabel(row[0], sheet.at(r, 0), 'activity');
      if (isProblem(a)) return void problems.push(a);
      activity = a;
    } else if (!activity) return void problems.push({ cell: sheet.at(r, 0), reason: 'the first row needs its activity' });
    const role = readLabel(row[1], sheet.at(r, 1), 'role');
    if (isProblem(role)) return void problems.push(role);
    const key = `${normalizeLabel(activity)}|${normalizeLabel(role)}`;
    if (seen.has(key)) return void problems.push({ cell: sheet.at(r, 1), reason: `${activity} / ${role} is already at row ${seen.get(key)}` });
    seen.set(key, sheet.at(r, 1).replace(/^[A-Z]+/, ''));
    const cells = row.slice(2, 2 + steps.length);
    const isPct = cells.some(isPercentText);
    const values: number[] = [];
    cells.forEach((v, k) => {
      const cell = sheet.at(r, 2 + k);
      if (isBlank(v)) return void problems.push({ cell, reason: `blank: give the ${isPct ? 'percent' : 'amount'} for ${steps[k].label} (repeat it where the contract prints one for several bands)` });
      if (isPct !== isPercentText(v)) return void problems.push({ cell, reason: `the row mixes percents and amounts; give every band of ${activity} / ${role} as a percent or every one as an amount` });
      const x = isPct ? readPercentCell(v, cell) : readAmount(v, cell);
      if (isProblem(x)) problems.push(x);
      else values.push(x);
    });
    if (values.length !== steps.length) return;
    if (isPct) percents = true;
    const basis: StipendBasis = isPct ? { years, cite, kind: 'percent', base: 'base', percents: values } : { years, cite, kind: 'amount', amounts: values };
    items.push({ activity, role, cite, terms: [basis] });
    preview.push([activity, role, ...values.map((x) => (isPct ? `${x}%` : usd(x, { cents: !Number.isInteger(x) })))]);
  });
  if (percents && !q.base) problems.push({ cell: 'base', reason: 'the table gives percents: name the salary cell they are a percent of (schedule, lane and step)' });
  if (!items.length && !problems.length) problems.push({ cell: sheet.range(), reason: 'the selection has a header row but no stipend rows' });
  if (problems.length || !src) return { ok: false, problems };
  const where = whereText(src);
  const section: StipendsFile = {
    title: q.title?.trim() || `Extra-duty stipends (${where})`,
    cite,
    rounding: q.rounding ?? 'stipend',
    experienceSteps: steps.map((s) => ({ ...s, cite })),
    ...(percents && q.base ? { bases: [{ id: 'base', title: `${q.base.lane} step ${q.base.step} of schedule ${q.base.schedule}`, schedule: q.base.schedule, lane: q.base.lane, step: q.base.step, cite }] } : {}),
    items,
  };
  return { ok: true, section, preview, note: [`${sheet.range()}: ${items.length} stipends × ${steps.length} experience bands for ${years.join(', ')}, cited ${where}`] };
}

/** "per month", "/mo", "monthly", "%", "per hour" … -> the schema's unit. */
function unitOf(text: string): TermUnit | undefined {
  const t = text.trim().toLowerCase().replace(/^(usd|\$)\s*/, '').replace(/^(per|\/|a|an)\s*/, '');
  const table: [RegExp, TermUnit][] = [
    [/^(%|percent|pct)$/, 'percent'],
    [/^(month|mo|monthly)$/, 'USD/month'],
    [/^(year|yr|annual|annually|yearly)$/, 'USD/year'],
    [/^(hour|hr|hourly)$/, 'USD/hour'],
    [/^(day|daily)$/, 'USD/day'],
    [/^(event|game|occurrence)$/, 'USD/event'],
    [/^(usd|\$|dollars?|amount|lump sum)$/, 'USD'],
    [/^(x|times|multiplier)$/, 'multiplier'],
    [/^days$/, 'days'],
    [/^hours$/, 'hours'],
    [/^(count|number)$/, 'count'],
  ];
  if (!t) return undefined;
  return table.find(([re]) => re.test(t))?.[1];
}

const UNIT_CHOICES = 'per month, per year, per hour, per day, per event, USD, %, multiplier, days, hours, count';

/**
 * A terms table: Term | Key (tier, coverage) | Amount | Unit, one value a row; rows of one term share its name
 * (a blank Term cell continues the term above). "50%" in the amount column is a percent whatever the unit says.
 */
export function importTerms(q: TermsImport): Authored<TermFile[]> {
  const problems: Problem[] = [];
  const table = tableOf(q, problems, 'Term, Key, Amount, Unit');
  if (!table) return { ok: false, problems };
  const { sheet, years, src } = table;
  const [header, ...body] = sheet.rows;
  const col = (re: RegExp) => header.findIndex((h) => re.test(String(h ?? '')));
  const cTerm = col(/term|benefit|item|name/i);
  const cKey = col(/key|tier|coverage|level/i);
  const cAmount = col(/amount|value|rate|premium|contribution/i);
  const cUnit = col(/unit/i);
  if (cTerm < 0) problems.push({ cell: sheet.at(0, 0), reason: 'no column headed Term (the name of each term: "Health insurance contribution")' });
  if (cAmount < 0) problems.push({ cell: sheet.at(0, 0), reason: 'no column headed Amount' });
  if (cUnit < 0) problems.push({ cell: sheet.at(0, 0), reason: `no column headed Unit (${UNIT_CHOICES})` });
  if (problems.length) return { ok: false, problems };
  const cite = src ? citeOf(src) : '';
  const terms: TermFile[] = [];
  const preview: Preview = [['Term', 'Key', 'Amount', 'Unit']];
  let current: TermFile | undefined;
  body.forEach((row, i) => {
    const r = i + 1;
    if (row.every(isBlank)) return;
    if (!isBlank(row[cTerm])) {
      const title = readLabel(row[cTerm], sheet.at(r, cTerm), 'term');
      if (isProblem(title)) return void problems.push(title);
      const id = slug(title) || 'term';
      current = terms.find((t) => t.id === id);
      if (!current) terms.push((current = { id, title, unit: 'USD', ...(q.group ? { group: q.group } : {}), cite, values: [] }));
    } else if (!current) return void problems.push({ cell: sheet.at(r, cTerm), reason: 'the first row needs the term\'s name' });
    const term = current;
    const amountCell = sheet.at(r, cAmount);
    const raw = row[cAmount];
    const unitText = String(row[cUnit] ?? '');
    let unit = isPercentText(raw) ? 'percent' : unitOf(unitText);
    if (!unit) return void problems.push({ cell: sheet.at(r, cUnit), reason: `"${unitText}" is not a unit; choose ${UNIT_CHOICES}` });
    const amount = isPercentText(raw) ? readPercentCell(raw, amountCell) : readAmount(raw, amountCell);
    if (isProblem(amount)) return void problems.push(amount);
    if (term.values.length && term.unit !== unit) return void problems.push({ cell: sheet.at(r, cUnit), reason: `${term.title} is counted in ${term.unit} in the rows above; one term has one unit` });
    term.unit = unit as TermUnit;
    let key: string | undefined;
    if (cKey >= 0 && !isBlank(row[cKey])) {
      const k = readLabel(row[cKey], sheet.at(r, cKey), 'key');
      if (isProblem(k)) return void problems.push(k);
      key = k;
    }
    const keyed = term.values.some((v) => v.key !== undefined);
    if (term.values.length && keyed !== (key !== undefined))
      return void problems.push({ cell: sheet.at(r, cKey < 0 ? cTerm : cKey), reason: `${term.title}: either every row has a key (Single, Family) or none has` });
    if (term.values.some((v) => normalizeLabel(v.key ?? '') === normalizeLabel(key ?? '')))
      return void problems.push({ cell: sheet.at(r, cKey < 0 ? cTerm : cKey), reason: `${term.title} already has a value${key ? ` for ${key}` : ''}` });
    const value: TermValueFile = { years, ...(key ? { key } : {}), amount, cite };
    term.values.push(value);
    unit = term.unit;
    preview.push([term.title, key ?? '', unit === 'percent' ? `${amount}%` : unit.startsWith('USD') ? usd(amount, { cents: !Number.isInteger(amount) }) : String(amount), unit]);
  });
  if (!terms.length && !problems.length) problems.push({ cell: sheet.range(), reason: 'the selection has a header row but no terms' });
  if (problems.length || !src) return { ok: false, problems };
  return { ok: true, section: terms, preview, note: [`${sheet.range()}: ${terms.length} terms for ${years.join(', ')}, cited ${whereText(src)}`] };
}
