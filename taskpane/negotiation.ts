/**
 * The Negotiation view's arithmetic-free parts: proposals as a form holds them, turned into the proposals table the
 * costing functions read (README "Costing and auditing a roster"), the neutral proposal an item is costed against,
 * and the count of staff per lane and step. Every amount is computed by the engine (ContractApi.cost).
 */
export type ItemId = 'schedulePercent' | 'scheduleDollars' | 'steps' | 'midYearSteps' | 'careerPercent' | 'offSchedulePercent' | 'stipendPercent' | 'insurancePercent';

/** The items of a proposal year: the proposals table's columns, the kind of each input, and its neutral value. */
export const ITEMS: { id: ItemId; column: string; label: string; kind: 'percent' | 'dollars' | 'step' }[] = [
  { id: 'schedulePercent', column: 'schedule %', label: 'Schedule %', kind: 'percent' },
  { id: 'scheduleDollars', column: 'schedule $', label: 'Schedule $', kind: 'dollars' },
  { id: 'steps', column: 'steps', label: 'Steps', kind: 'step' },
  { id: 'midYearSteps', column: 'mid-year steps', label: 'Mid-year steps', kind: 'step' },
  { id: 'careerPercent', column: 'career %', label: 'Career %', kind: 'percent' },
  { id: 'offSchedulePercent', column: 'off-schedule %', label: 'Off-schedule %', kind: 'percent' },
  { id: 'stipendPercent', column: 'stipend %', label: 'Stipend %', kind: 'percent' },
  { id: 'insurancePercent', column: 'insurance %', label: 'Insurance %', kind: 'percent' },
];

/** One year of a proposal as typed: percents as typed numbers of percent ("3" is 3%), steps "0" or "1". */
export type ProposalYearForm = Partial<Record<ItemId, string>>;
export interface ProposalForm { name: string; years: Record<string, ProposalYearForm> }

/** The school year after `year`: 2025-26 → 2026-27. */
export function nextYear(year: string): string {
  const start = Number(year.slice(0, 4)) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** `count` years after the base year. */
export function yearsAfter(base: string, count: number): string[] {
  const out: string[] = [];
  for (let y = base, i = 0; i < count; i++) out.push((y = nextYear(y)));
  return out;
}

const HEADER = ['proposal', 'year', ...ITEMS.map((i) => i.column)];

/** A typed value as the cell the reading policy reads: a percent typed 3 is the text "3%"; empty stays empty. */
function cell(kind: 'percent' | 'dollars' | 'step', v: string | undefined): string {
  const t = (v ?? '').trim();
  if (t === '') return '';
  return kind === 'percent' ? `${t.replace(/%\s*$/, '')}%` : t;
}

/** The proposals table of the forms, over the proposal years (the years after the roster's). */
export function proposalsTable(forms: ProposalForm[], years: string[]): string[][] {
  return [HEADER, ...forms.flatMap((f) => years.map((y) => [f.name, y, ...ITEMS.map((i) => cell(i.kind, f.years[y]?.[i.id]))]))];
}

/** The neutral proposal: no raise, no step (a freeze), nothing else; an item's own cost is measured against it. */
export function neutral(name: string, years: string[]): ProposalForm {
  return { name, years: Object.fromEntries(years.map((y) => [y, { steps: '0', midYearSteps: '0' }])) };
}

/** The items a proposal states with a value that is not the neutral one, in the table's order. */
export function statedItems(f: ProposalForm, years: string[]): ItemId[] {
  return ITEMS.filter((i) => years.some((y) => {
    const v = (f.years[y]?.[i.id] ?? '').trim().replace(/%$/, '');
    return v !== '' && Number(v) !== 0;
  })).map((i) => i.id);
}

/** The neutral proposal with one item of `f` (every year's value of it). */
export function onlyItem(f: ProposalForm, item: ItemId, years: string[], name: string): ProposalForm {
  const n = neutral(name, years);
  for (const y of years) if (f.years[y]?.[item] !== undefined) n.years[y] = { ...n.years[y], [item]: f.years[y][item] };
  return n;
}

/** Staff per lane (or position) and step: rows are steps, columns lanes, in the contract's order, others after. */
export function scattergram(rows: { lane?: string; position?: string; step?: string }[], lanes: string[], steps: string[]): { lanes: string[]; steps: string[]; count(lane: string, step: string): number } {
  const key = (s: string) => s.toLowerCase().replace(/\s+/g, '');
  const canon = (list: string[], v: string) => list.find((x) => key(x) === key(v)) ?? v;
  const counts = new Map<string, number>();
  const ls = [...lanes];
  const ss = [...steps];
  for (const r of rows) {
    const lane = canon(ls, r.lane ?? r.position ?? '');
    const step = canon(ss, r.step ?? '');
    if (!ls.includes(lane)) ls.push(lane);
    if (!ss.includes(step)) ss.push(step);
    counts.set(`${lane}\u0000${step}`, (counts.get(`${lane}\u0000${step}`) ?? 0) + 1);
  }
  const used = (l: string) => [...counts.keys()].some((k) => k.startsWith(`${l}\u0000`));
  const usedStep = (s: string) => [...counts.keys()].some((k) => k.endsWith(`\u0000${s}`));
  return {
    lanes: ls.filter((l) => lanes.includes(l) || used(l)),
    steps: ss.filter((s) => steps.includes(s) || usedStep(s)),
    count: (l, s) => counts.get(`${l}\u0000${s}`) ?? 0,
  };
}
