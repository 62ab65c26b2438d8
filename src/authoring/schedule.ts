/**
 * A salary schedule (lanes across, steps down) or an hourly grade × step table (grades down, steps across), read
 * from a selected range into the contract's schedule section: one table for one school year. Every problem names
 * its cell, and all are listed at once.
 */
import type { PrintedValue, ScheduleFile, ScheduleRowFile } from '../model';
import { normalizeLabel } from '../normalize';
import { usd } from '../format';
import { parseYear } from '../years';
import type { Problem } from './cells';
import { Sheet, isBlank, isProblem, readAmount, readLabel, topLeft } from './cells';
import type { SourceRef } from './source';
import { citeOf, readSource, whereText } from './source';

export type ScheduleKind = 'annual' | 'hourly';

export interface ScheduleImport {
  /** the selected cells, header row first, as Excel gives them */
  cells: unknown[][];
  /** where the selection is ("Sheet1!B3:H20" or "B3"), so problems name the sheet's cells; A1 when omitted */
  at?: string;
  kind: ScheduleKind;
  /** the school year the table is for */
  year: string;
  source: SourceRef;
  /** the schedule's id in the contract; `salary` (annual) or `wages` (hourly) when omitted */
  id?: string;
  /** the schedule's title; made from the kind and the section when omitted */
  title?: string;
  /** what runs across the header row: lanes (a teachers' schedule) or steps (an hourly grade × step table) */
  across?: 'lanes' | 'steps';
  /** the contract's rounding rule for the printed values; `salary` (annual) or `wage` (hourly) when omitted */
  rounding?: string;
}

/** The selection as the preview shows it: the header row, then one row per printed row, amounts as money. */
export type Preview = string[][];

export type Authored<T> = { ok: true; section: T; preview: Preview; note: string[] } | { ok: false; problems: Problem[] };

interface Axis { label: string; aliases: string[]; kind?: 'step' | 'career' }

/** "Step 4" -> 4; "4" -> 4: the aliases a numbered step is also known by. */
function stepAxis(label: string): Axis {
  const m = /^step\s*(\S+)$/i.exec(label);
  if (m) return { label: m[1], aliases: [label] };
  if (/^\d+$/.test(label)) return { label, aliases: [`Step ${label}`] };
  return /^career/i.test(label) ? { label, aliases: [], kind: 'career' } : { label, aliases: [] };
}

/** "Grade 3" is also known as "3". */
function laneAxis(label: string): Axis {
  const m = /^(?:grade|lane|level|class|range)\s*(\d+)$/i.exec(label);
  return m ? { label, aliases: [m[1]] } : { label, aliases: [] };
}

/** "2 & 3", "2 and 3", "2, 3": one printed row (or column) that answers for several steps. */
function splitMerged(label: string): string[] {
  const parts = label.split(/\s*(?:&|\band\b|,)\s*/i).filter(Boolean);
  return parts.length > 1 ? parts : [label];
}

/** One printed cell: blank -> null (an empty cell), NONE -> "NONE" (a closed cell), else an amount. */
function readPrinted(v: unknown, cell: string): PrintedValue | Problem {
  if (isBlank(v)) return null;
  if (typeof v === 'string' && /^\s*none\s*$/i.test(v)) return 'NONE';
  const a = readAmount(v, cell);
  if (isProblem(a)) return { cell, reason: `${a.reason.replace(/^(".*") is not an amount.*$/, '$1 is not an amount')}; an empty cell is left blank and a closed one says NONE` };
  return a;
}

/** Adds labels to an axis, refusing the same label (or alias) twice. */
function addAxis(axis: Axis[], seen: Map<string, string>, a: Axis, cell: string, what: string, problems: Problem[]): boolean {
  for (const name of [a.label, ...a.aliases]) {
    const key = normalizeLabel(name);
    const prior = seen.get(key);
    if (prior) {
      problems.push({ cell, reason: `the ${what} "${name}" is already at ${prior}` });
      return false;
    }
  }
  for (const name of [a.label, ...a.aliases]) seen.set(normalizeLabel(name), cell);
  axis.push(a);
  return true;
}

export function importSchedule(q: ScheduleImport): Authored<ScheduleFile> {
  const problems: Problem[] = [];
  const origin = topLeft(q.at);
  if (!origin) return { ok: false, problems: [{ cell: 'range', reason: `"${String(q.at)}" is not a cell address` }] };
  const sheet = new Sheet(Array.isArray(q.cells) ? q.cells : [], origin);
  const kind = q.kind;
  if (kind !== 'annual' && kind !== 'hourly') problems.push({ cell: 'kind', reason: `"${String(kind)}" is not a schedule kind; choose annual or hourly` });
  const year = parseYear(String(q.year ?? ''));
  if (!year.ok) problems.push({ cell: 'year', reason: year.message });
  const src = readSource(q.source, problems);
  const id = q.id ?? (kind === 'hourly' ? 'wages' : 'salary');
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || id.length > 40) problems.push({ cell: 'schedule id', reason: `"${id}" is not an id (lower-case letters, digits and single hyphens)` });
  const across = q.across ?? (kind === 'hourly' ? 'steps' : 'lanes');
  if (sheet.rows.length < 2 || sheet.width < 2) {
    problems.push({ cell: sheet.rows.length ? sheet.range() : 'range', reason: 'select the whole table: its header row, its first column of labels, and at least one row of amounts' });
    return { ok: false, problems };
  }

  const [header, ...body] = sheet.rows;
  // the header row: a corner cell (what the first column is, or blank), then one label per column
  const columns: { labels: string[]; col: number }[] = [];
  const acrossAxis: Axis[] = [];
  const acrossSeen = new Map<string, string>();
  const acrossWhat = across === 'lanes' ? 'lane' : 'step';
  const downWhat = across === 'lanes' ? 'step' : kind === 'hourly' ? 'grade or position' : 'lane';
  for (let c = 1; c < sheet.width; c++) {
    const cell = sheet.at(0, c);
    const text = typeof header[c] === 'string' ? (header[c] as string).split(/\r?\n/) : [header[c]];
    const label = readLabel(text[0], cell, acrossWhat);
    if (isProblem(label)) {
      problems.push(label);
      continue;
    }
    const names = across === 'steps' ? splitMerged(label) : [label];
    const labels: string[] = [];
    for (const name of names) {
      const axis = across === 'lanes' ? laneAxis(name) : stepAxis(name);
      for (const extra of text.slice(1)) {
        const alias = readLabel(extra, cell, acrossWhat);
        if (isProblem(alias)) problems.push(alias);
        else axis.aliases.push(alias);
      }
      if (addAxis(acrossAxis, acrossSeen, axis, cell, acrossWhat, problems)) labels.push(axis.label);
    }
    columns.push({ labels, col: c });
  }

  const downAxis: Axis[] = [];
  const downSeen = new Map<string, string>();
  const rows: ScheduleRowFile[] = [];
  const preview: Preview = [[String(header[0] ?? '').trim(), ...columns.map((c) => c.labels.join(' & ') || String(header[c.col]))]];
  const cite = src ? citeOf(src) : '';
  body.forEach((row, i) => {
    const r = i + 1;
    if (row.every(isBlank)) return; // a blank line inside the selection
    const cell = sheet.at(r, 0);
    const printed = readLabel(row[0], cell, downWhat);
    if (isProblem(printed)) {
      problems.push(isBlank(row[0]) ? { cell, reason: `this row has amounts but no ${downWhat} label` } : printed);
      return;
    }
    const names = across === 'lanes' ? splitMerged(printed) : [printed];
    const labels: string[] = [];
    for (const name of names) {
      const axis = across === 'lanes' ? stepAxis(name) : laneAxis(name);
      if (addAxis(downAxis, downSeen, axis, cell, downWhat, problems)) labels.push(axis.label);
    }
    const values: PrintedValue[] = [];
    const shown: string[] = [printed];
    for (const { labels: colLabels, col } of columns) {
      const v = readPrinted(row[col], sheet.at(r, col));
      if (isProblem(v)) problems.push(v);
      const value = isProblem(v) ? null : v;
      // a merged step column ("2 & 3") prints one amount for each of its steps
      for (let k = 0; k < Math.max(1, colLabels.length); k++) values.push(value);
      shown.push(value === null ? '' : value === 'NONE' ? 'NONE' : usd(value, { cents: kind === 'hourly' }));
    }
    preview.push(shown);
    rows.push(across === 'lanes' ? { printed, steps: labels, cite, values } : { printed, lanes: labels, cite, values });
  });
  if (!rows.length && !problems.length) problems.push({ cell: sheet.range(), reason: 'the selection has a header row but no rows of amounts' });
  if (rows.length && rows.every((r) => r.values.every((v) => v === null)) && !problems.length)
    problems.push({ cell: sheet.range(), reason: 'every amount cell is blank: select the table with its amounts' });
  if (problems.length || !src || !year.ok) return { ok: false, problems };

  const lanes = across === 'lanes' ? acrossAxis : downAxis;
  const steps = across === 'lanes' ? downAxis : acrossAxis;
  const where = whereText(src);
  const title = q.title?.trim() || `${kind === 'hourly' ? 'Hourly wage schedule' : 'Salary schedule'} (${where})`;
  const schedule: ScheduleFile = {
    id,
    title,
    kind,
    rounding: q.rounding ?? (kind === 'hourly' ? 'wage' : 'salary'),
    cite,
    lanes: lanes.map((a) => ({ label: a.label, aliases: a.aliases })),
    steps: steps.map((a) => ({ label: a.label, aliases: a.aliases, ...(a.kind === 'career' ? { kind: 'career' as const } : {}) })),
    ...(kind === 'hourly' ? { axisNames: { lane: 'grade', step: 'step' } } : {}),
    tables: [{ year: year.year, cite, title: `${title}, ${year.year}`, rows }],
  };
  const note = [`${sheet.range()}: ${lanes.length} ${kind === 'hourly' ? 'grades' : 'lanes'} × ${steps.length} steps for ${year.year}, cited ${where} of ${src.title}`];
  return { ok: true, section: schedule, preview, note };
}
