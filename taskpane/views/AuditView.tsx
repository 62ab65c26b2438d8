/**
 * Payroll audit: a payroll export (the sample, an upload, or the selected range) with its columns mapped, each line
 * checked against the contract (expected, paid, difference, reason, citation), the mismatches listed and a summary
 * of counts and dollars by kind of error. Inside Excel it writes an Audit sheet with the live AUDIT formula;
 * standalone it downloads the audit as .xlsx.
 */
import { useMemo, useState } from 'react';
import { Button, Field, Select, Subtitle2, Text } from '@fluentui/react-components';
import { addin, money, nextFrame, ok } from '../addin';
import { usePane } from '../pane-context';
import { download as save } from '../download';
import type { PayrollLine } from '../addin';
import type { AuditFinding } from '../../src/api';
import { isFailure } from '../contract-api';
import { writeAuditSheet } from '../office-sheets';
import { writeXlsx } from '../xlsx';
import type { InCell, OutSheet } from '../xlsx';
import { Outcome, TableSource, useViewStyles, XLSX_TYPE } from './TableSource';

/** One line checked. */
export interface Checked {
  line: PayrollLine;
  expected: number | null;
  difference: number | null;
  reason: string;
  citation: string;
  kind: string;
}

export const MATCHES = 'matches the contract';

/** Each kind of payroll finding (the engine's AuditLine.finding), as the summary names it. */
const KIND: Record<AuditFinding, string> = {
  matches: MATCHES,
  'not-paid': 'placement the contract does not pay',
  'mid-year-step': 'mid-year step',
  'fte-not-applied': 'FTE not applied',
  'another-year': "another year's schedule",
  'wrong-lane': 'wrong lane',
  'wrong-step': 'wrong step',
  'outside-range': 'outside the range',
  'no-match': 'amount matches no cell',
};

export function checkPayroll(lines: PayrollLine[], contract: string): Checked[] {
  const a = addin();
  return lines.map((line) => {
    const q = { paid: line.paid, lane: line.lane, step: line.step, year: line.year, fte: line.fte, contract: line.contract ?? contract };
    const r = a.audit(q);
    if (isFailure(r)) return { line, expected: null, difference: null, reason: r.message, citation: '', kind: 'placement the contract does not pay' };
    const expected = isFailure(r.expected) ? null : r.expected;
    const cite = expected === null ? '' : a.salaryCite(q);
    return { line, expected, difference: r.difference, reason: r.reason, citation: isFailure(cite) ? '' : cite, kind: KIND[r.finding] };
  });
}

/** Count and net dollars (paid − expected) by kind; the matches first. */
export function summarize(checked: Checked[]): [string, number, number][] {
  const by = new Map<string, [number, number]>();
  for (const c of checked) {
    const s = by.get(c.kind) ?? [0, 0];
    s[0] += 1;
    s[1] = Math.round((s[1] + (c.difference ?? 0)) * 100) / 100;
    by.set(c.kind, s);
  }
  return [...by.entries()].sort((x, y) => (x[0] === MATCHES ? -1 : y[0] === MATCHES ? 1 : y[1][0] - x[1][0])).map(([k, [n, d]]) => [k, n, d]);
}

export function AuditView() {
  const styles = useViewStyles();
  const inExcel = usePane().inExcel;
  const contracts = useMemo(() => addin().contracts().filter((c) => c.years.length), []);
  const [contractId, setContractId] = useState(contracts.find((c) => c.id === 'waconia/teachers')?.id ?? contracts[0]?.id ?? '');
  const [payroll, setPayroll] = useState<InCell[][] | null>(null);
  const [checked, setChecked] = useState<Checked[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function compute() {
    setBusy('Checking the payroll…');
    setError(null);
    setStatus(null);
    setChecked(null);
    await nextFrame();
    try {
      const lines = ok(addin().readPayroll(payroll!));
      const c = checkPayroll(lines, contractId);
      setChecked(c);
      if (inExcel) {
        setBusy('Writing the Audit sheet…');
        const name = await writeAuditSheet({ payroll: payroll!, contract: contractId, citations: c.map((x) => x.citation), differ: c.filter((x) => x.kind !== MATCHES).map((x) => x.line.row), summary: summarize(c) });
        setStatus(`Wrote the sheet "${name}": the payroll as a table, CONTRACT.AUDIT beside it (expected, difference, reason), each expected amount's citation, the lines that differ filled, and the summary below.`);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  function download() {
    if (!checked || !payroll) return;
    const header = [...payroll[0].map(String), 'expected', 'difference', 'reason', 'citation'];
    const rows = checked.map((c) => [...(payroll[c.line.row - 1] ?? []).map((v) => (v !== null && typeof v === 'object' ? v.code : typeof v === 'boolean' ? String(v) : v)), c.expected, c.difference, c.reason, c.citation]);
    const w = payroll[0].length;
    const audit: OutSheet = {
      name: 'Audit',
      rows: [header, ...rows],
      formats: header.map((h, j) => (h === 'paid' || j === w || j === w + 1 ? 'money' : h === 'fte' ? 'fraction' : undefined)),
      highlight: checked.flatMap((c, i) => (c.kind === MATCHES ? [] : [i + 1])),
    };
    const s = summarize(checked);
    const summary: OutSheet = { name: 'Summary', rows: [['kind', 'lines', 'difference (paid − expected)'], ...s], formats: [undefined, 'whole', 'money'], widths: [36, 8, 28] };
    save(`payroll-audit-${contractId.replace(/[^A-Za-z0-9-]+/g, '-')}.xlsx`, writeXlsx([audit, summary]), XLSX_TYPE);
  }

  const summary = checked ? summarize(checked) : [];
  const wrong = checked?.filter((c) => c.kind !== MATCHES) ?? [];

  return (
    <div className={styles.root}>
      <Subtitle2 as="h2" className={styles.heading}>
        Payroll audit
      </Subtitle2>
      <Text size={200} className={styles.muted}>
        Each payroll line&apos;s amount checked against the salary the contract prints for its lane, step, year and FTE.
      </Text>
      <TableSource kind="payroll" noun="payroll" sampleUrl="examples/sample-payroll.csv" onTable={(t) => { setPayroll(t); setChecked(null); }} />
      <div className={styles.row}>
        <Field label="Contract (for lines without one)" className={styles.field}>
          <Select value={contractId} onChange={(_, d) => { setContractId(d.value); setChecked(null); }}>
            {contracts.map((c) => <option key={c.id}>{c.id}</option>)}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={!payroll || !!busy} onClick={compute}>
          {inExcel ? 'Make the Audit sheet' : 'Check the payroll'}
        </Button>
        {!payroll && <Text size={200} className={styles.muted}>Read a payroll first.</Text>}
        {checked && !inExcel && <Button onClick={download}>Download .xlsx</Button>}
      </div>
      <Outcome busy={busy} error={error} status={status} />
      {checked && (
        <table className={styles.table} aria-label="Audit summary">
          <thead>
            <tr>
              <th style={{ width: '50%' }}>Kind</th>
              <th className="n">Lines</th>
              <th className="n">Paid − expected</th>
            </tr>
          </thead>
          <tbody>
            {summary.map(([k, n, d]) => (
              <tr key={k}>
                <th scope="row" style={{ fontWeight: 'normal' }}>{k}</th>
                <td className="n">{n}</td>
                <td className="n">{money(d)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {checked && (
        <section aria-label="Lines that differ">
          <Text weight="semibold" block>
            {wrong.length} of {checked.length} lines differ
          </Text>
          <ul style={{ paddingLeft: '1.2em', margin: '4px 0' }}>
            {wrong.map((c) => (
              <li key={c.line.row} style={{ marginBottom: 6, overflowWrap: 'anywhere' }}>
                <Text size={200}>
                  <b>Row {c.line.row}{c.line.id ? ` (${c.line.id})` : ''}</b>, {c.line.lane} {c.line.step} {c.line.year}
                  {c.line.fte !== undefined && c.line.fte !== 1 ? ` FTE ${c.line.fte}` : ''}: paid {money(c.line.paid)}
                  {c.expected !== null ? `, expected ${money(c.expected)}, difference ${money(c.difference)}` : ''}. <i>{c.kind}</i>: {c.reason}
                </Text>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
