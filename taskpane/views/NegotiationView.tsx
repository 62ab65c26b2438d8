/**
 * Negotiation: proposals edited in a form (the proposals table's items for each year), costed against a roster by
 * the engine and compared side by side: the increase by component per year (a chart), total cost, package % and
 * compounded %, the cost of each item on its own (the proposal's item alone against a freeze), and the count of staff
 * per lane and step (the scattergram). The numbers download as .xlsx.
 */
import { Fragment, useMemo, useState } from 'react';
import { Button, Field, Input, Select, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { CostResult } from '../../src/api';
import { addin, money, nextFrame, ok } from '../addin';
import { download as save } from '../download';
import { writeValuesSheet } from '../office-sheets';
import { usePane } from '../pane-context';
import { ITEMS, neutral, onlyItem, proposalsTable, scattergram, statedItems, yearsAfter } from '../negotiation';
import type { ItemId, ProposalForm } from '../negotiation';
import { writeXlsx } from '../xlsx';
import type { InCell, OutCell, OutSheet } from '../xlsx';
import { CostChart, PARTS } from './CostChart';
import { ErrorBar, Outcome, TableSource, useViewStyles, XLSX_TYPE } from './TableSource';

/** An input that takes the width of its column and no more (a native input is 20 characters wide by default). */
const NARROW = { minWidth: 0, width: '100%' };

const points = (v: number | null | undefined) => (v === null || v === undefined ? '' : `${v.toFixed(2)}%`);

/** A proposal's figures: its cost, and each stated item's cost alone (total and salaries, over the proposal years). */
interface Costed { form: ProposalForm; cost: CostResult; items: { id: ItemId; total: number; salary: number }[] }

const sumAfterBase = (r: CostResult, f: (t: CostResult['totals'][number]) => number) => r.totals.slice(1).reduce((a, t) => a + f(t), 0);
const cents = (v: number) => Math.round(v * 100) / 100;

function defaults(years: string[]): ProposalForm[] {
  const each = (v: Record<string, string>) => Object.fromEntries(years.map((y) => [y, { ...v }]));
  return [
    { name: 'District', years: each({ schedulePercent: '2', steps: '1' }) },
    { name: 'Union', years: each({ schedulePercent: '3', steps: '1' }) },
  ];
}

export function NegotiationView() {
  const styles = useViewStyles();
  const { inExcel } = usePane();
  const [status, setStatus] = useState<string | null>(null);
  const contracts = useMemo(() => addin().contracts().filter((c) => c.years.length), []);
  const [contractId, setContractId] = useState(contracts.find((c) => c.id === 'waconia/teachers')?.id ?? contracts[0]?.id ?? '');
  const contract = contracts.find((c) => c.id === contractId);
  const [base, setBase] = useState(contract?.years.includes('2024-25') ? '2024-25' : contract?.years[0] ?? '');
  const [count, setCount] = useState(2);
  const years = yearsAfter(base, count);
  const [forms, setForms] = useState<ProposalForm[]>(() => defaults(yearsAfter(base, 3)));
  const [roster, setRoster] = useState<InCell[][] | null>(null);
  const [results, setResults] = useState<Costed[] | null>(null);
  const [staff, setStaff] = useState<ReturnType<typeof scattergram> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const edit = (p: number, year: string, item: ItemId, value: string) =>
    setForms((fs) => fs.map((f, i) => (i === p ? { ...f, years: { ...f.years, [year]: { ...f.years[year], [item]: value } } } : f)));
  const rename = (p: number, name: string) => setForms((fs) => fs.map((f, i) => (i === p ? { ...f, name } : f)));
  const names = forms.map((f) => f.name.trim().toLowerCase());
  const badName = names.some((n, i) => n === '' || names.indexOf(n) !== i) ? 'Give each proposal a name of its own.' : null;

  async function compute() {
    setBusy('Costing the proposals…');
    setError(null);
    setResults(null);
    await nextFrame();
    try {
      const a = addin();
      const rows = ok(a.readRoster(roster!));
      setStaff(scattergram(rows, ok(a.lanes({ contract: contractId })), ok(a.steps({ contract: contractId }))));
      const all = [base, ...years];
      const rates = a.employerRates();
      const run = (list: ProposalForm[], name: string) =>
        ok(a.cost({ roster: rows, years: all, rates, contract: contractId, proposals: ok(a.readProposals(proposalsTable(list, years))), proposal: name }));
      const freeze = run([neutral('(freeze)', years)], '(freeze)');
      const out: Costed[] = [];
      for (const [i, form] of forms.entries()) {
        setBusy(`Costing ${form.name} (${i + 1} of ${forms.length}) and each of its items…`);
        await nextFrame();
        const cost = run([form], form.name);
        const items = statedItems(form, years).map((id) => {
          const alone = run([onlyItem(form, id, years, '(item)')], '(item)');
          return {
            id,
            total: cents(sumAfterBase(alone, (t) => t.total) - sumAfterBase(freeze, (t) => t.total)),
            salary: cents(sumAfterBase(alone, (t) => t.salary) - sumAfterBase(freeze, (t) => t.salary)),
          };
        });
        out.push({ form, cost, items });
      }
      setResults(out);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  /** The comparison's rows: per year, each figure with one column per proposal. */
  function comparisonRows(r: Costed[]): OutCell[][] {
    const rows: OutCell[][] = [['', ...r.map((x) => x.form.name)]];
    for (const [k, year] of [base, ...years].entries()) {
      const t = r.map((x) => x.cost.totals[k]);
      rows.push([`${year}: total cost`, ...t.map((x) => x.total)], [`${year}: salaries`, ...t.map((x) => x.salary)]);
      if (k === 0) continue;
      rows.push(
        [`${year}: increase`, ...t.map((x) => x.increase)],
        [`${year}:   schedule`, ...t.map((x) => x.scheduleImprovement)],
        [`${year}:   step and lane`, ...t.map((x) => x.stepAndLane)],
        [`${year}:   one-time and stipends`, ...t.map((x) => x.otherPay)],
        [`${year}:   benefits`, ...t.map((x) => x.benefits)],
        [`${year}: package %`, ...t.map((x) => (x.packagePercent === null ? null : x.packagePercent / 100))],
      );
    }
    rows.push(['Compounded %', ...r.map((x) => (x.cost.compoundedPercent === null ? null : x.cost.compoundedPercent / 100))]);
    return rows;
  }

  function itemRows(r: Costed[]): OutCell[][] {
    const items: OutCell[][] = [['proposal', 'item', `total cost over ${years.join(', ')}`, 'salaries']];
    for (const x of r) for (const i of x.items) items.push([x.form.name, ITEMS.find((y) => y.id === i.id)!.label, i.total, i.salary]);
    return items;
  }

  /** Inside Excel: the comparison, the items and the proposals table (as an Excel table) on a new sheet. */
  async function toSheet() {
    if (!results) return;
    setError(null);
    setStatus(null);
    try {
      const comparison = comparisonRows(results) as (string | number | null)[][];
      const name = await writeValuesSheet('Negotiation', [
        { rows: comparison, formats: comparison.map((row) => (/%/.test(String(row[0])) ? '0.00%' : '#,##0.00')) },
        { rows: itemRows(results) as (string | number | null)[][], formats: itemRows(results).map((_, i) => (i ? '#,##0.00' : undefined)) },
        { rows: proposalsTable(forms, years), table: true },
      ]);
      setStatus(`Wrote the sheet "${name}": the comparison, each item on its own, and the proposals table (for CONTRACT.COST and CONTRACT.COMPARE beside a roster).`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  function download() {
    if (!results) return;
    const comparison = comparisonRows(results);
    const items = itemRows(results);
    const sheets: OutSheet[] = [
      { name: 'Comparison', rows: comparison, formats: comparison[0].map((_, j) => (j ? 'money' : undefined)), rowFormats: comparison.map((row) => (/%/.test(String(row[0])) ? 'percent' : undefined)), widths: [34, 16, 16, 16] },
      { name: 'Items alone', rows: items, formats: [undefined, undefined, 'money', 'money'], widths: [16, 18, 24, 14] },
      { name: 'Proposals', rows: proposalsTable(forms, years) },
    ];
    if (staff) sheets.push({ name: 'Staff by lane and step', rows: [['step', ...staff.lanes], ...staff.steps.map((s) => [s, ...staff.lanes.map((l) => staff.count(l, s))])] });
    save(`negotiation-${contractId.replace(/[^A-Za-z0-9-]+/g, '-')}-${base}.xlsx`, writeXlsx(sheets), XLSX_TYPE);
  }

  return (
    <div className={styles.root}>
      <Subtitle2 as="h2" className={styles.heading}>
        Negotiation
      </Subtitle2>
      <Text size={200} className={styles.muted}>
        Proposals over the roster&apos;s year: each year&apos;s schedule is last year&apos;s × (1 + schedule %) (+ $), rounded
        as the contract rounds. Percents are typed as percents (3 is 3%).
      </Text>
      <TableSource kind="roster" noun="roster" sampleUrl="examples/sample-roster.csv" onTable={(t) => { setRoster(t); setResults(null); }} />
      <div className={styles.row}>
        <Field label="Contract" className={styles.field}>
          <Select value={contractId} onChange={(_, d) => { setContractId(d.value); const c = contracts.find((x) => x.id === d.value); if (c && !c.years.includes(base)) setBase(c.years[0]); setResults(null); }}>
            {contracts.map((c) => <option key={c.id}>{c.id}</option>)}
          </Select>
        </Field>
        <Field label="Roster's year" className={styles.field}>
          <Select value={base} onChange={(_, d) => { setBase(d.value); setForms((fs) => fs.map((f) => ({ ...f, years: Object.fromEntries(yearsAfter(d.value, 3).map((y, k) => [y, Object.values(f.years)[k] ?? {}])) }))); setResults(null); }}>
            {contract?.years.map((y) => <option key={y}>{y}</option>)}
          </Select>
        </Field>
        <Field label="Years proposed" className={styles.field}>
          <Select value={String(count)} onChange={(_, d) => { setCount(Number(d.value)); setResults(null); }}>
            {[1, 2, 3].map((n) => <option key={n} value={String(n)}>{n}</option>)}
          </Select>
        </Field>
      </div>
      {forms.map((f, p) => (
        <section key={p} aria-label={`Proposal ${p + 1}`} style={{ border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS }}>
          <div className={styles.row}>
            <Field label={`Proposal ${p + 1} name`} className={styles.field}>
              <Input value={f.name} onChange={(_, d) => rename(p, d.value)} style={NARROW} input={{ size: 8 }} />
            </Field>
            {forms.length > 2 && (
              <Button size="small" onClick={() => setForms((fs) => fs.filter((_, i) => i !== p))}>
                Remove {f.name || `proposal ${p + 1}`}
              </Button>
            )}
          </div>
          {years.map((y) => (
            <fieldset key={y} aria-label={`${f.name || `Proposal ${p + 1}`} ${y}`} style={{ border: 'none', padding: 0, margin: 0, minWidth: 0 }}>
              <legend style={{ fontWeight: 600, fontSize: 12 }}>{y}</legend>
              <div className={styles.grid}>
                {ITEMS.map((i) => (
                  <Field key={i.id} label={i.label} size="small">
                    {i.kind === 'step' ? (
                      <Select size="small" value={f.years[y]?.[i.id] ?? ''} onChange={(_, d) => edit(p, y, i.id, d.value)}>
                        <option value="">{i.id === 'steps' ? 'default (1)' : 'default (0)'}</option>
                        <option value="0">0</option>
                        <option value="1">1</option>
                      </Select>
                    ) : (
                      <Input size="small" inputMode="decimal" value={f.years[y]?.[i.id] ?? ''} contentAfter={i.kind === 'percent' ? '%' : '$'} onChange={(_, d) => edit(p, y, i.id, d.value)} style={NARROW} input={{ size: 4 }} />
                    )}
                  </Field>
                ))}
              </div>
            </fieldset>
          ))}
        </section>
      ))}
      <div className={styles.row}>
        <Button size="small" disabled={forms.length >= 4} onClick={() => setForms((fs) => [...fs, { name: `Proposal ${fs.length + 1}`, years: Object.fromEntries(yearsAfter(base, 3).map((y) => [y, { steps: '1' }])) }])}>
          Add a proposal
        </Button>
        <Button appearance="primary" disabled={!roster || !!busy || !!badName} onClick={compute}>
          Cost and compare
        </Button>
        {results && (inExcel ? <Button onClick={toSheet}>Write to a new sheet</Button> : <Button onClick={download}>Download .xlsx</Button>)}
      </div>
      {!roster && <Text size={200} className={styles.muted}>Read a roster first.</Text>}
      {badName && <ErrorBar text={badName} />}
      <Outcome busy={busy} error={error} status={status} />
      {results && (
        <>
          <CostChart series={results.map((r) => ({ name: r.form.name, years: r.cost.totals.slice(1).map((t) => ({ year: t.year, parts: [t.scheduleImprovement ?? 0, t.stepAndLane ?? 0, t.otherPay ?? 0, t.benefits ?? 0] })) }))} />
          <table className={styles.table} aria-label="Proposals side by side">
            <thead>
              <tr>
                <th style={{ width: '38%' }} />
                {results.map((r) => <th key={r.form.name} className="n">{r.form.name}</th>)}
              </tr>
            </thead>
            <tbody>
              {results[0].cost.totals.map((_, k) => {
                const t = results.map((r) => r.cost.totals[k]);
                const line = (label: string, cells: string[]) => (
                  <tr key={label}>
                    <th scope="row" style={{ fontWeight: 'normal' }}>{label}</th>
                    {cells.map((c, j) => <td key={j} className="n">{c}</td>)}
                  </tr>
                );
                return (
                  <Fragment key={k}>
                    <tr><th colSpan={results.length + 1}>{t[0].year}{k === 0 ? " (the roster's year)" : ''}</th></tr>
                    {line(`Total cost ${t[0].year}`, t.map((x) => money(x.total)))}
                    {line(`Salaries ${t[0].year}`, t.map((x) => money(x.salary)))}
                    {k > 0 && line(`Increase ${t[0].year}`, t.map((x) => money(x.increase)))}
                    {k > 0 && PARTS.map((p, j) => line(`  ${p} ${t[0].year}`, t.map((x) => money([x.scheduleImprovement, x.stepAndLane, x.otherPay, x.benefits][j]))))}
                    {k > 0 && line(`Package % ${t[0].year}`, t.map((x) => points(x.packagePercent)))}
                  </Fragment>
                );
              })}
              <tr><th colSpan={results.length + 1}>Over the years</th></tr>
              <tr>
                <th scope="row" style={{ fontWeight: 'normal' }}>Compounded %</th>
                {results.map((r) => <td key={r.form.name} className="n">{points(r.cost.compoundedPercent)}</td>)}
              </tr>
            </tbody>
          </table>
          <section aria-label="Each item on its own">
            <Text weight="semibold" block>Each item on its own</Text>
            <Text size={200} className={styles.muted} block>
              The item alone against a freeze (no raise, no step), added over {years.join(', ')}.
            </Text>
            <table className={styles.table} aria-label="Items on their own">
              <thead>
                <tr><th>Proposal, item</th><th className="n">Total cost</th><th className="n">Salaries</th></tr>
              </thead>
              <tbody>
                {results.flatMap((r) => r.items.map((i) => (
                  <tr key={`${r.form.name}/${i.id}`}>
                    <th scope="row" style={{ fontWeight: 'normal' }}>{r.form.name}: {ITEMS.find((x) => x.id === i.id)!.label}</th>
                    <td className="n">{money(i.total)}</td>
                    <td className="n">{money(i.salary)}</td>
                  </tr>
                )))}
              </tbody>
            </table>
          </section>
        </>
      )}
      {results && staff && (
        <section aria-label="Staff per lane and step">
          <Text weight="semibold" block>Staff per lane and step ({base})</Text>
          <table className={styles.table} aria-label="Scattergram">
            <thead>
              <tr><th>Step</th>{staff.lanes.map((l) => <th key={l} className="n">{l}</th>)}</tr>
            </thead>
            <tbody>
              {staff.steps.map((s) => (
                <tr key={s}>
                  <th scope="row">{s}</th>
                  {staff.lanes.map((l) => <td key={l} className="n">{staff.count(l, s) || ''}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
