/**
 * Budget: a roster (the sample, an upload, or the selected range) with its columns mapped, a contract and the years;
 * the cost of each year and its increase split (COST), each employee's years (PROJECT). Inside Excel it writes a
 * Budget sheet of live formulas; standalone it shows the table and downloads it as .xlsx.
 */
import { useMemo, useState } from 'react';
import { Button, Field, Select, Subtitle2, Text } from '@fluentui/react-components';
import { addin, money, nextFrame, ok, percent } from '../addin';
import { usePane } from '../pane-context';
import { download as save } from '../download';
import { writeBudgetSheet } from '../office-sheets';
import { writeXlsx } from '../xlsx';
import type { ColumnFormat, InCell, OutSheet } from '../xlsx';
import { Outcome, TableSource, useViewStyles, XLSX_TYPE } from './TableSource';

type Summary = (string | number | null)[][];

/** A COST row's kind by its label: a percent row, a count, or money. */
export function rowFormat(label: unknown): ColumnFormat {
  const l = String(label).trim();
  return /%/.test(l) ? 'percent' : /^(Employees|Items not costed)$/.test(l) ? 'whole' : 'money';
}

export function shownValue(v: string | number | null, f: ColumnFormat): string {
  if (v === null || v === '') return '';
  if (typeof v === 'string') return v;
  return f === 'percent' ? percent(v) : f === 'whole' ? String(v) : money(v);
}

/** The COST rows as a table: label, then one column per year. */
export function SummaryTable({ rows, caption }: { rows: Summary; caption: string }) {
  const styles = useViewStyles();
  return (
    <table className={styles.table} aria-label={caption}>
      <thead>
        <tr>
          <th style={{ width: '40%' }}>{caption}</th>
          {rows[0].slice(1).map((y) => (
            <th key={String(y)} className="n">
              {y}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.slice(1).map((row) => (
          <tr key={String(row[0])}>
            <th scope="row" style={{ fontWeight: 'normal', paddingLeft: /^\s/.test(String(row[0])) ? 14 : undefined }}>
              {String(row[0]).trim()}
            </th>
            {row.slice(1).map((v, j) => (
              <td key={j} className="n">
                {shownValue(v, rowFormat(row[0]))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The years from `from` to `to` of a contract's list. */
const span = (years: string[], from: string, to: string) => years.slice(years.indexOf(from), years.indexOf(to) + 1);

export function BudgetView() {
  const styles = useViewStyles();
  const inExcel = usePane().inExcel;
  const contracts = useMemo(() => addin().contracts().filter((c) => c.years.length), []);
  const [contractId, setContractId] = useState(contracts.find((c) => c.id === 'waconia/teachers')?.id ?? contracts[0]?.id ?? '');
  const contract = contracts.find((c) => c.id === contractId);
  const years = contract?.years ?? [];
  const [from, setFrom] = useState(years.includes('2024-25') ? '2024-25' : years[0] ?? '');
  const [to, setTo] = useState(years[years.length - 1] ?? '');
  const [roster, setRoster] = useState<InCell[][] | null>(null);
  const [result, setResult] = useState<{ summary: Summary; project: (string | number)[][] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  function chooseContract(id: string) {
    const next = contracts.find((c) => c.id === id);
    setContractId(id);
    setFrom((y) => (next?.years.includes(y) ? y : next?.years[0] ?? ''));
    setTo((y) => (next?.years.includes(y) ? y : next?.years[next.years.length - 1] ?? ''));
    setResult(null);
  }

  const chosen = span(years, from, to);
  const badSpan = chosen.length === 0 ? `the last year (${to}) comes before the first (${from}); choose a later last year` : null;

  async function compute() {
    setBusy('Costing the roster…');
    setError(null);
    setStatus(null);
    setResult(null);
    await nextFrame();
    try {
      const a = addin();
      const rows = ok(a.readRoster(roster!));
      const q = { roster: rows, years: chosen, rates: a.employerRates(), contract: contractId };
      const summary = ok(a.costSummary(q));
      const project = ok(a.projectTable(q));
      setResult({ summary, project });
      if (inExcel) {
        setBusy('Writing the Budget sheet…');
        const name = await writeBudgetSheet({ roster: roster!, contract: contractId, years: chosen, summary, project });
        setStatus(`Wrote the sheet "${name}": the roster as a table with each row's ${chosen[0]} salary (CONTRACT.SALARY), its total, and CONTRACT.COST and CONTRACT.PROJECT over the roster's exact range. They recalculate when the roster changes.`);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  function download() {
    if (!result || !roster) return;
    const { summary, project } = result;
    const cost: OutSheet = {
      name: 'Cost',
      rows: summary,
      formats: summary[0].map((_, j) => (j === 0 ? undefined : 'money')),
      rowFormats: summary.map((row) => rowFormat(row[0])),
      widths: [44, ...summary[0].slice(1).map(() => 16)],
    };
    const header = project[0];
    const proj: OutSheet = { name: 'Projection', rows: project, formats: header.map((h, j) => (j === 6 ? 'fraction' : j >= 7 && h !== 'notes' ? 'money' : undefined)) };
    const src: OutSheet = { name: 'Roster', rows: roster.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? v.code : typeof v === 'boolean' ? String(v) : v))) };
    const note: OutSheet = {
      name: 'About',
      rows: [['Budget'], [`Contract ${contractId}, years ${chosen.join(', ')}, computed by the Contract rules pane with the sourced employer rates.`], ['The numbers are values: open the workbook in Excel with the add-in and use CONTRACT.COST and CONTRACT.PROJECT for live formulas.']],
    };
    save(`budget-${contractId.replace(/[^A-Za-z0-9-]+/g, '-')}-${chosen[0]}-${chosen[chosen.length - 1]}.xlsx`, writeXlsx([cost, proj, src, note]), XLSX_TYPE);
  }

  return (
    <div className={styles.root}>
      <Subtitle2 as="h2" className={styles.heading}>
        Budget
      </Subtitle2>
      <Text size={200} className={styles.muted}>
        A roster rolled forward by the contract&apos;s rules and costed year by year. {inExcel ? 'Select the roster with its header row, or upload one.' : 'Use the sample roster or upload yours (CSV or .xlsx, first sheet).'}
      </Text>
      <TableSource kind="roster" noun="roster" sampleUrl="examples/sample-roster.csv" onTable={(t) => { setRoster(t); setResult(null); }} />
      <div className={styles.row}>
        <Field label="Contract" className={styles.field}>
          <Select value={contractId} onChange={(_, d) => chooseContract(d.value)}>
            {contracts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Roster's year (first)" className={styles.field}>
          <Select value={from} onChange={(_, d) => { setFrom(d.value); setResult(null); }}>
            {years.map((y) => <option key={y}>{y}</option>)}
          </Select>
        </Field>
        <Field label="Last year" className={styles.field} validationMessage={badSpan ?? undefined}>
          <Select value={to} onChange={(_, d) => { setTo(d.value); setResult(null); }}>
            {years.map((y) => <option key={y}>{y}</option>)}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={!roster || !!busy || !!badSpan} onClick={compute}>
          {inExcel ? 'Make the Budget sheet' : 'Compute the budget'}
        </Button>
        {!roster && <Text size={200} className={styles.muted}>Read a roster first.</Text>}
        {result && !inExcel && <Button onClick={download}>Download .xlsx</Button>}
      </div>
      <Outcome busy={busy} error={error} status={status} />
      {result && <SummaryTable rows={result.summary} caption={`Cost, ${contractId}`} />}
      {result && (
        <Text size={200} className={styles.muted}>
          {result.project.length - 1} employee-years projected. The increase is split into schedule improvement, step
          and lane movement, off-schedule and stipends, and benefits; percents are of the year before.
        </Text>
      )}
    </div>
  );
}
