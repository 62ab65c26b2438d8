/**
 * Author: a district's own tables made into a contract the functions use. The table comes from the selected range
 * (in Excel), a paste or a CSV file; the form gives the district, unit, years and the agreement it is printed in;
 * Preview shows the table as read (or every problem, by cell) and checks the whole contract as the loader will;
 * Save loads it (and, in Excel, keeps it in the workbook); the contract file can be downloaded too. All the reading
 * and checking is the engine's (src/authoring through the published API); this view only collects and shows.
 */
import { useRef, useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { layout } from './layout';
import type { PublishedAddin } from '../../functions/contract-api';
import type { DraftOutcome, LoadOutcome, Preview, Problem, RulesForm, SourceRef } from '../../src/api';
import type { StepPolicyChoice } from '../../src/authoring';
import type { RoundingMode, ScheduleFile, StipendsFile, TermFile } from '../../src/model';
import { isFailure, publishedApi } from '../contract-api';
import { readSelection } from '../office-author';
import { usePane } from '../pane-context';
import { download, message } from '../download';

/** What this view asks of the published API; saveToWorkbook is the Office side's (functions/workbook-contracts.ts). */
type AuthorApi = Pick<PublishedAddin, 'readCsv' | 'importSchedule' | 'importStipends' | 'importTerms' | 'draftContract' | 'addSchedule' | 'addSection' | 'loadContract' | 'runtimeContracts' | 'saveToWorkbook'>;

type Kind = 'annual' | 'hourly' | 'stipends' | 'terms';
const KINDS: { id: Kind; label: string; hint: string }[] = [
  { id: 'annual', label: 'Salary schedule (lanes across, steps down)', hint: 'Header row: a corner cell, then the lanes (BA, BA+15 …). First column: the steps (1, 2 & 3, Career). Blank for an empty cell, NONE for a closed one.' },
  { id: 'hourly', label: 'Hourly schedule (grades down, steps across)', hint: 'Header row: a corner cell, then the steps (Step 1, Step 2 …). First column: the grades or positions.' },
  { id: 'stipends', label: 'Stipends (activity, role, amount by experience)', hint: 'Header row: Activity, Role, then one column per experience band (Years 1-2, 3-5, 6+). Amounts ($1,200) or percents (12%).' },
  { id: 'terms', label: 'Terms (insurance, matches, premiums)', hint: 'Header row: Term, Key (tier), Amount, Unit (per month, per hour, %, USD …). A blank Term continues the one above.' },
];

const ROUNDINGS = [
  { id: '', label: 'As the table prints (whole dollars or cents), half-up' },
  { id: '0,half-up', label: 'Whole dollars, half-up' },
  { id: '2,half-up', label: 'Cents, half-up' },
  { id: '0,down', label: 'Whole dollars, down' },
  { id: '2,half-even', label: 'Cents, half-even' },
];

const useStyles = makeStyles({
  ...layout,
  field: { minWidth: 0, flexGrow: 1, flexBasis: '130px' },
  input: layout.fill,
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  scroller: { overflowX: 'auto', maxWidth: '100%', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', width: '100%' },
  th: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold, padding: `2px ${tokens.spacingHorizontalS}`, textAlign: 'right' },
  td: { padding: `2px ${tokens.spacingHorizontalS}`, textAlign: 'right', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  hidden: { display: 'none' },
});

const nextYear = (y: string) => (/^\d{4}-\d{2}$/.test(y) ? `${Number(y.slice(0, 4)) + 1}-${String((Number(y.slice(0, 4)) + 2) % 100).padStart(2, '0')}` : '');

/** A table's preview: the header row, then the rows as read. Text only. */
function PreviewTable({ preview, label }: { preview: Preview; label: string }) {
  const styles = useStyles();
  const [head, ...rows] = preview;
  return (
    <div className={styles.scroller}>
      <table className={styles.table} aria-label={label}>
        <thead>
          <tr>{head.map((h, i) => <th key={i} scope="col" className={styles.th} style={i === 0 ? { textAlign: 'left' } : undefined}>{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (j === 0 ? <th key={j} scope="row" className={styles.td} style={{ textAlign: 'left' }}>{c}</th> : <td key={j} className={styles.td}>{c}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Problems({ title, problems }: { title: string; problems: Problem[] }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <Text weight="semibold" block>{title}</Text>
        <ul className={styles.list} aria-label="Problems">
          {problems.map((p, i) => <li key={i}>{`${p.cell}: ${p.reason}`}</li>)}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

type Imported = { kind: Kind; preview: Preview; note: string[]; schedule?: ScheduleFile; stipends?: StipendsFile; termTable?: TermFile[] };
type Status = { intent: 'success' | 'error' | 'info'; text: string } | null;

export function AuthorView() {
  const styles = useStyles();
  const { inExcel } = usePane();
  const api = publishedApi() as unknown as AuthorApi | undefined;
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Kind>('annual');
  const [pasted, setPasted] = useState('');
  const [selection, setSelection] = useState<{ address: string; values: unknown[][] } | null>(null);
  const [form, setForm] = useState({ district: '', unit: '', id: '', year: '', years: '', title: '', file: '', page: '', section: '', scheduleId: '', rounding: '', raise: '', policy: '', offSchedule: '', career: '', careerStep: '', careerBase: '', base: '', into: '' });
  const [kept, setKept] = useState<Imported[]>([]);
  const [imported, setImported] = useState<Imported | null>(null);
  const [problems, setProblems] = useState<{ title: string; list: Problem[] } | null>(null);
  const [draft, setDraft] = useState<Extract<DraftOutcome, { ok: true }> | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => {
    setForm((f) => ({ ...f, [k]: d.value }));
    setDraft(null);
  };

  if (!api) return <MessageBar intent="error"><MessageBarBody>The contract functions (functions.js) did not load, so there is no engine to author with. Reload the add-in.</MessageBarBody></MessageBar>;

  const source = (): SourceRef => ({ title: form.title, file: form.file || undefined, page: form.page, section: form.section || undefined });

  /** The table's cells: the selection read from Excel, or the pasted / uploaded text. */
  function cells(): { values: unknown[][]; at?: string } | Problem {
    if (selection && !pasted.trim()) return { values: selection.values, at: selection.address };
    if (!pasted.trim()) return { cell: 'table', reason: inExcel ? 'select the table on a sheet and press "Use selection", or paste it below' : 'paste the table (copied from Excel, or CSV text) or upload a CSV file' };
    const rows = api!.readCsv({ text: pasted });
    return Array.isArray(rows) ? { values: rows } : rows;
  }

  function importTable(): Imported | null {
    const c = cells();
    if (!('values' in c)) {
      setProblems({ title: 'No table to read', list: [c] });
      return null;
    }
    const at = c.at;
    const read = <T,>(r: { ok: true; section: T; preview: Preview; note: string[] } | { ok: false; problems: Problem[] }, put: (section: T) => Partial<Imported>): Imported | null => {
      if (r.ok) return { kind, preview: r.preview, note: r.note, ...put(r.section) };
      setProblems({ title: 'The table was not read', list: r.problems });
      return null;
    };
    if (kind === 'annual' || kind === 'hourly')
      return read(api!.importSchedule({ cells: c.values, at, kind, year: form.year, source: source(), id: form.scheduleId || undefined }), (schedule) => ({ schedule }));
    if (kind === 'stipends') {
      const [schedule, lane, step] = form.base.split('/').map((x) => x.trim());
      const base = form.base.trim() ? { schedule, lane: lane ?? '', step: step ?? '' } : undefined;
      return read(api!.importStipends({ cells: c.values, at, years: [form.year], source: source(), base }), (stipends) => ({ stipends }));
    }
    return read(api!.importTerms({ cells: c.values, at, years: [form.year], source: source() }), (termTable) => ({ termTable }));
  }

  /** The whole contract from the kept tables and this one, checked as the loader will check it. */
  function draftOf(all: Imported[]): DraftOutcome {
    const schedules = all.flatMap((x) => (x.schedule ? [x.schedule] : []));
    const stipends = all.find((x) => x.stipends)?.stipends;
    const terms = all.flatMap((x) => x.termTable ?? []);
    const raise = form.raise.trim() === '' ? undefined : Number(form.raise);
    const to = nextYear(form.year);
    const years = [...new Set([...form.years.split(/[,;\s]+/).filter(Boolean), form.year, ...(raise !== undefined ? [to] : [])])];
    // the rounding the form chose for the schedule; any other the draft states as its default, and says so
    const rounding: Record<string, { places: number; mode: RoundingMode }> = {};
    const [places, mode] = form.rounding.split(',');
    if (form.rounding && schedules[0]) rounding[schedules[0].rounding] = { places: Number(places), mode: mode as RoundingMode };
    // the rules by form: each a percent as typed (3 = 3%), stated for the raise's year (or the table's, without a raise)
    const ruleYear = raise !== undefined ? to : form.year;
    const off = form.offSchedule.trim() === '' ? undefined : Number(form.offSchedule);
    const career = form.career.trim() === '' ? undefined : Number(form.career);
    const salary = schedules.find((s) => s.kind === 'annual');
    const careerIncrement =
      career !== undefined && salary
        ? {
            step: form.careerStep.trim() || 'Career',
            // over the last step that is not the career row itself, unless the form names one
            baseStep: form.careerBase.trim() || ([...salary.steps].reverse().find((x) => x.label !== (form.careerStep.trim() || 'Career'))?.label ?? ''),
            lanes: salary.lanes.map((l) => l.label),
            years,
            percent: career,
          }
        : undefined;
    const rules: RulesForm | undefined =
      raise !== undefined || form.policy || off !== undefined || careerIncrement
        ? {
            source: source(),
            ...(salary ? { schedule: salary.id } : {}),
            ...(raise !== undefined ? { raises: [{ year: to, percent: raise }] } : {}),
            ...(form.policy ? { stepPolicy: [{ year: ruleYear, policy: form.policy as StepPolicyChoice }] } : {}),
            ...(off !== undefined ? { offSchedule: [{ year: ruleYear, percent: off }] } : {}),
            ...(careerIncrement ? { careerIncrement } : {}),
          }
        : undefined;
    return api!.draftContract({ district: form.district, unit: form.unit, id: form.id || undefined, years, source: source(), schedules, stipends, terms, rounding, rules });
  }

  /** The kept tables and this one added to a contract loaded before (the Load tab's, or one saved here). */
  function addTo(text: string, all: Imported[]): DraftOutcome {
    let current: DraftOutcome = { ok: true, id: form.into, text, note: [] };
    for (const x of all) {
      if (!current.ok) break;
      const t: string = current.text;
      current = x.schedule
        ? api!.addSchedule({ text: t, schedule: x.schedule, source: source(), origin: form.into })
        : api!.addSection({ text: t, stipends: x.stipends, terms: x.termTable, source: source(), origin: form.into });
    }
    return current;
  }

  function preview() {
    setStatus(null);
    setProblems(null);
    setDraft(null);
    const t = importTable();
    setImported(t);
    if (!t) return;
    const existing = form.into ? api!.runtimeContracts().find((c) => c.id === form.into) : undefined;
    const d = existing ? addTo(existing.text, [...kept, t]) : draftOf([...kept, t]);
    if (!d.ok) setProblems({ title: 'The table was read, but the contract is not complete yet', list: d.problems });
    else setDraft(d);
  }

  function keepAndAddAnother() {
    if (!imported) return;
    setKept((k) => [...k, imported]);
    setImported(null);
    setDraft(null);
    setPasted('');
    setSelection(null);
    setStatus({ intent: 'info', text: `Kept: ${imported.note.join('; ')}. Select or paste the next table.` });
  }

  async function useSelection() {
    setBusy(true);
    try {
      const s = await readSelection();
      setSelection(s);
      setPasted('');
      setStatus({ intent: 'info', text: `Read ${s.address}: ${s.values.length} rows × ${s.values[0]?.length ?? 0} columns. Fill in the form and press Preview.` });
    } catch (e) {
      setStatus({ intent: 'error', text: `Could not read the selection: ${message(e)}` });
    } finally {
      setBusy(false);
    }
  }

  async function upload(file: File | undefined) {
    if (!file) return;
    if (file.size > 2_000_000) return setStatus({ intent: 'error', text: `${file.name} is ${file.size} bytes; a table's CSV is far smaller (limit 2,000,000)` });
    setPasted(await file.text());
    setSelection(null);
    setStatus({ intent: 'info', text: `Read ${file.name}. Fill in the form and press Preview.` });
  }

  async function save() {
    if (!draft) return;
    setBusy(true);
    try {
      // saving again after an edit replaces the version this pane (or a colleague) loaded, and says so
      const replaced = api!.runtimeContracts().some((c) => c.id === draft.id);
      const outcome: LoadOutcome = inExcel
        ? await api!.saveToWorkbook(draft.text, { origin: 'Author view', replace: true })
        : api!.loadContract(draft.text, { replace: true, origin: 'Author view' });
      if (isFailure(outcome)) throw new Error((outcome as { message: string }).message);
      if (!outcome.ok) setProblems({ title: 'The contract was not saved', list: outcome.problems.map((p) => ({ cell: p.path || p.file, reason: p.reason })) });
      else
        setStatus({
          intent: 'success',
          text: inExcel
            ? `Saved ${outcome.contract.id} in this workbook${replaced ? ', replacing the version it held' : ''}: the CONTRACT functions use it now, and a colleague who opens the workbook gets the same contract.`
            : `Loaded ${outcome.contract.id} for this page${replaced ? ', replacing the version loaded before' : ''}. Download the contract file to keep it; inside Excel it is saved in the workbook.`,
        });
    } catch (e) {
      setStatus({ intent: 'error', text: `Not saved: ${message(e)}` });
    } finally {
      setBusy(false);
    }
  }

  const hint = KINDS.find((k) => k.id === kind)!.hint;
  return (
    <div className={styles.root}>
      <section aria-labelledby="author-table" className={styles.section}>
        <Subtitle2 as="h2" id="author-table" className={styles.heading}>1. The table</Subtitle2>
        <Field label="What the table is">
          <Select className={styles.input} value={kind} onChange={(_, d) => { setKind(d.value as Kind); setImported(null); setDraft(null); }}>
            {KINDS.map((k) => <option key={k.id} value={k.id}>{k.label}</option>)}
          </Select>
        </Field>
        <Text size={200} className={styles.muted} block>{hint}</Text>
        <div className={styles.row}>
          {inExcel && <Button disabled={busy} onClick={useSelection}>Use selection</Button>}
          <Button disabled={busy} onClick={() => fileInput.current?.click()}>Upload CSV…</Button>
          <input ref={fileInput} className={styles.hidden} type="file" accept=".csv,.txt,text/csv,text/plain" aria-label="CSV file of the table" onChange={(e) => void upload(e.target.files?.[0])} />
        </div>
        {selection && !pasted.trim() && <Text size={200} block>{`Selection: ${selection.address}`}</Text>}
        <Field label="Or paste the table (copied from Excel, or CSV)">
          <Textarea value={pasted} resize="vertical" rows={4} onChange={(_, d) => { setPasted(d.value); setDraft(null); }} />
        </Field>
      </section>

      <section aria-labelledby="author-form" className={styles.section}>
        <Subtitle2 as="h2" id="author-form" className={styles.heading}>2. The contract and its source</Subtitle2>
        <Field label="Add the table to" hint="A contract loaded before (Load tab, or saved here) gains this table; the district, unit and years below then need not be filled.">
          <Select className={styles.input} value={form.into} onChange={set('into')}>
            <option value="">A new contract</option>
            {api.runtimeContracts().map((c) => <option key={c.id} value={c.id}>{c.id}</option>)}
          </Select>
        </Field>
        <div className={styles.row}>
          <Field label="District" required className={styles.field}><Input className={styles.input} value={form.district} onChange={set('district')} placeholder="Lakeview ISD 999" /></Field>
          <Field label="Bargaining unit" required className={styles.field}><Input className={styles.input} value={form.unit} onChange={set('unit')} placeholder="Teachers" /></Field>
        </div>
        <div className={styles.row}>
          <Field label="School year of this table" required className={styles.field}><Input className={styles.input} value={form.year} onChange={set('year')} placeholder="2025-26" /></Field>
          <Field label="All years of the agreement" className={styles.field}><Input className={styles.input} value={form.years} onChange={set('years')} placeholder="2025-26, 2026-27" /></Field>
        </div>
        <Field label="Agreement title (as printed)" required><Input className={styles.input} value={form.title} onChange={set('title')} placeholder="Master Agreement 2025-2027" /></Field>
        <div className={styles.row}>
          <Field label="Page" required className={styles.field}><Input className={styles.input} value={form.page} onChange={set('page')} inputMode="numeric" placeholder="31" /></Field>
          <Field label="Section" className={styles.field}><Input className={styles.input} value={form.section} onChange={set('section')} placeholder="Schedule A" /></Field>
        </div>
        <div className={styles.row}>
          <Field label="Source file name" className={styles.field}><Input className={styles.input} value={form.file} onChange={set('file')} placeholder="from the title" /></Field>
          <Field label="Contract id" className={styles.field}><Input className={styles.input} value={form.id} onChange={set('id')} placeholder="from district and unit" /></Field>
        </div>
        {(kind === 'annual' || kind === 'hourly') && (
          <>
            <div className={styles.row}>
              <Field label="Schedule id" className={styles.field}><Input className={styles.input} value={form.scheduleId} onChange={set('scheduleId')} placeholder={kind === 'hourly' ? 'wages' : 'salary'} /></Field>
              <Field label="Rounding" className={styles.field}>
                <Select className={styles.input} value={form.rounding} onChange={set('rounding')}>{ROUNDINGS.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}</Select>
              </Field>
            </div>
            <div className={styles.row}>
              <Field label="Raise for the next year, % (computes its table)" className={styles.field}><Input className={styles.input} value={form.raise} onChange={set('raise')} inputMode="decimal" placeholder="3" /></Field>
              <Field label="Step policy that year" className={styles.field}>
                <Select className={styles.input} value={form.policy} onChange={set('policy')}>
                  <option value="">Not stated</option>
                  <option value="freeze">Freeze (no step)</option>
                  <option value="one-step">One step</option>
                  <option value="mid-year-step">One step, and one more mid-year</option>
                </Select>
              </Field>
            </div>
            {kind === 'annual' && (
              <>
                <div className={styles.row}>
                  <Field label="Off-schedule payment that year, % of salary" className={styles.field}><Input className={styles.input} value={form.offSchedule} onChange={set('offSchedule')} inputMode="decimal" placeholder="1" /></Field>
                  <Field label="Career increment, % over its base step" className={styles.field}><Input className={styles.input} value={form.career} onChange={set('career')} inputMode="decimal" placeholder="4.75" /></Field>
                </div>
                <div className={styles.row}>
                  <Field label="Career row (step label)" className={styles.field}><Input className={styles.input} value={form.careerStep} onChange={set('careerStep')} placeholder="Career" /></Field>
                  <Field label="Career base step" className={styles.field}><Input className={styles.input} value={form.careerBase} onChange={set('careerBase')} placeholder="the last step" /></Field>
                </div>
              </>
            )}
          </>
        )}
        {kind === 'stipends' && (
          <Field label="Percents are of (schedule/lane/step)" hint="Only for a table of percents: the salary cell they are a percent of, e.g. salary/BA/1." className={styles.field}>
            <Input className={styles.input} value={form.base} onChange={set('base')} placeholder="salary/BA/1" />
          </Field>
        )}
      </section>

      <section aria-labelledby="author-preview" className={styles.section}>
        <Subtitle2 as="h2" id="author-preview" className={styles.heading}>3. Preview and save</Subtitle2>
        {kept.length > 0 && <Text size={200} block>{`Kept tables: ${kept.map((k) => k.note.join('; ')).join(' | ')}`}</Text>}
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy} onClick={preview}>Preview</Button>
          <Button disabled={busy || !draft} onClick={save}>{inExcel ? 'Save to workbook' : 'Load contract'}</Button>
          <Button disabled={busy || !draft} onClick={() => draft && download(`${draft.id.replace('/', '-')}.json`, draft.text, 'application/json')}>Download contract file</Button>
          <Button disabled={busy || !imported} onClick={keepAndAddAnother}>Keep and add another table</Button>
        </div>
        {problems && <Problems title={problems.title} problems={problems.list} />}
        {imported && <PreviewTable preview={imported.preview} label={`Preview: ${imported.note.join('; ')}`} />}
        {imported && <Text size={200} block>{imported.note.join('; ')}</Text>}
        {draft && <MessageBar intent="success"><MessageBarBody>{`Contract ${draft.id} passes every check the add-in applies when it loads a file. ${draft.note.join('; ')}`}</MessageBarBody></MessageBar>}
        {status && <MessageBar intent={status.intent} role="status"><MessageBarBody>{status.text}</MessageBarBody></MessageBar>}
      </section>
    </div>
  );
}
