import { useEffect, useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Divider,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { centredRow, layout } from './layout';
import type { CheckReport, ContractSummary, Finding } from '../../src/api';
import { contractApi, isFailure } from '../contract-api';
import { download, message } from '../download';
import {
  cellText,
  heading,
  scheduleFormula,
  scheduleTable,
  stipendPlainTable,
  stipendText,
  tableCsv,
  termText,
  termsPlainTable,
  type PlainTable,
} from '../grid';
import { insertFormula, insertTableValues, readWorkbookDefault, saveWorkbookDefault } from '../office';
import { usePane } from '../pane-context';
import { useContractsVersion } from '../contracts-changed';
import { CitedTable, type CitedRow, type PickedCell } from '../components/CitedTable';
import { StatusBar, type Status } from '../components/StatusBar';

const useStyles = makeStyles({
  ...layout,
  row: centredRow,
  select: layout.fill,
  details: layout.box,
  findings: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  finding: { overflowWrap: 'anywhere' },
});

/** The tables a contract offers for a year: each schedule, then its stipends and its named terms. */
type TableId = `schedule:${string}` | 'stipends' | 'terms';

/** Where the last action's outcome is shown. */
type Placed = (Status & { where: 'default' | 'table' }) | null;

const amount = (v: number | null) => (v === null ? '(none)' : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));

function districtsOf(contracts: ContractSummary[]): string[] {
  return [...new Set(contracts.map((c) => c.district))];
}

/**
 * Browse the contracts: district, unit and year; every schedule (salary, hourly), the stipends and the named terms,
 * each cell's citation on click; the contract's self-check; the workbook's default; insert a table into the sheet
 * (values, or the SCHEDULE formula) or download it as CSV.
 */
export function ContractsView() {
  const styles = useStyles();
  const { inExcel, revision } = usePane();
  const contractsVersion = useContractsVersion(); // a contract loaded or removed in the Load view
  const api = contractApi();
  const contracts = useMemo(() => api.contracts(), [api, revision, contractsVersion]);
  const [contractId, setContractId] = useState(contracts[0]?.id ?? '');
  const contract = contracts.find((c) => c.id === contractId);
  const [year, setYear] = useState(contract?.years[contract.years.length - 1] ?? '');
  const [tableId, setTableId] = useState<TableId>(`schedule:${contract?.schedules[0]?.id ?? ''}`);
  const [defaultId, setDefaultId] = useState<string | null>(null);
  const [picked, setPicked] = useState<PickedCell | null>(null);
  const [status, setStatus] = useState<Placed>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!inExcel) return;
    const stored = readWorkbookDefault();
    setDefaultId(stored);
    if (stored && contracts.some((c) => c.id === stored)) selectContract(stored);
  }, [inExcel]); // once, when the pane opens

  // a contract removed (or the list changed under the view): show one that is there
  useEffect(() => {
    if (contracts.length > 0 && !contracts.some((c) => c.id === contractId)) selectContract(contracts[0].id);
  }, [contracts]);

  /** Any change of what is shown clears the picked cell and the last action's message (it was about another table). */
  function changed() {
    setPicked(null);
    setStatus(null);
  }

  /** Switching contracts keeps the year and table where the new contract has them, else its latest year and first schedule. */
  function selectContract(id: string) {
    const next = contracts.find((c) => c.id === id);
    if (!next) return;
    setContractId(id);
    setYear((y) => (next.years.includes(y) ? y : next.years[next.years.length - 1] ?? ''));
    setTableId((t) => (t.startsWith('schedule:') && !next.schedules.some((s) => `schedule:${s.id}` === t) ? `schedule:${next.schedules[0]?.id ?? ''}` : t));
    changed();
  }

  const district = contract?.district ?? '';
  const units = contracts.filter((c) => c.district === district);
  const extras = useMemo(() => (contractId && year ? api.contractTables({ contract: contractId, year }) : null), [api, contractId, year, revision]);
  const tables = extras && !isFailure(extras) ? extras : null;
  const hasStipends = !!tables?.stipends && tables.stipends.rows.length > 0;
  const hasTerms = !!tables && tables.namedTerms.length > 0;
  // a table the contract lacks for this year falls back to its first schedule
  const shownId: TableId =
    (tableId === 'stipends' && !hasStipends) || (tableId === 'terms' && !hasTerms) ? `schedule:${contract?.schedules[0]?.id ?? ''}` : tableId;
  const scheduleId = shownId.startsWith('schedule:') ? shownId.slice('schedule:'.length) : null;

  const grid = useMemo(
    () => (contractId && year && scheduleId !== null ? api.schedule({ contract: contractId, year, schedule: scheduleId || undefined }) : null),
    [api, contractId, year, scheduleId, revision],
  );
  const check = useMemo(() => (contractId ? api.selfCheck({ contract: contractId }) : null), [api, contractId, revision]);

  /** What is shown: the cited rows for the pane and the plain table for the sheet and the CSV. */
  const shown = useMemo((): { title: string; corner: string; columns: string[]; rows: CitedRow[]; plain: PlainTable; cite: string; wrap?: boolean } | { failure: string } | null => {
    if (scheduleId !== null) {
      if (!grid) return null;
      if (isFailure(grid)) return { failure: grid.message };
      const title = contract?.schedules.find((s) => s.id === grid.scheduleId)?.title ?? grid.title;
      return {
        title: `${title}, ${grid.year}`,
        corner: heading(grid.rowsAre),
        columns: grid.lanes,
        rows: grid.rows.map((r) => ({
          label: r.label,
          cite: r.cite,
          cells: r.cells.map((c) => ({ text: cellText(c, grid.places), cite: c.cite, derived: c.status === 'derived', muted: c.status !== 'value' && c.status !== 'derived' })),
        })),
        plain: scheduleTable(grid),
        cite: grid.cite,
      };
    }
    if (!tables) return extras && isFailure(extras) ? { failure: extras.message } : null;
    if (shownId === 'stipends' && tables.stipends) {
      const st = tables.stipends;
      return {
        title: `${st.title}, ${year}`,
        corner: 'Activity, role',
        columns: st.columns,
        rows: st.rows.map((r) => ({
          label: `${r.activity}, ${r.role}`,
          cite: r.cite,
          cells: r.cells.map((c) => ({ text: stipendText(c, st.places), cite: c.cite, derived: c.derived, muted: c.value === null })),
        })),
        plain: stipendPlainTable(st, contractId, year),
        cite: st.cite,
      };
    }
    return {
      title: `Named terms, ${year}`,
      corner: 'Term',
      columns: ['Amount'],
      rows: tables.namedTerms.map((t) => ({
        label: [t.title, t.key && `${t.keyName} ${t.key}`, t.condition].filter(Boolean).join(', '),
        cite: t.cite,
        cells: [{ text: termText(t), cite: t.cite }],
      })),
      plain: termsPlainTable(tables.namedTerms, contractId, year),
      cite: '',
      wrap: true,
    };
  }, [grid, tables, extras, scheduleId, shownId, contract, contractId, year]);

  async function run(where: 'default' | 'table', action: () => Promise<string>) {
    setBusy(true);
    try {
      setStatus({ where, intent: 'success', text: await action() });
    } catch (e) {
      setStatus({ where, intent: 'error', text: message(e) });
    } finally {
      setBusy(false);
    }
  }

  const makeDefault = () =>
    run('default', async () => {
      if (!inExcel) {
        api.setDefaultContract(contractId); // the Insert view's "Workbook default" follows it
        setDefaultId(contractId);
        return `${contractId} is the default for this page only. A workbook default applies when the pane runs inside Excel.`;
      }
      await saveWorkbookDefault(contractId);
      setDefaultId(contractId);
      return `${contractId} is now this workbook's default: CONTRACT functions without a contract argument use it, and the workbook was recalculated.`;
    });

  if (contracts.length === 0) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>No contracts are loaded in this add-in, so there is nothing to show.</MessageBarBody>
      </MessageBar>
    );
  }

  // CONTRACT.SCHEDULE(year, contract) spills the contract's main (first) schedule only: say so where it cannot serve
  const mainSchedule = contract?.schedules[0];
  const formulaBlocked =
    scheduleId === mainSchedule?.id
      ? null
      : `CONTRACT.SCHEDULE spills ${mainSchedule ? `the ${mainSchedule.title}` : 'the salary schedule'} only; insert this table as values instead.`;
  const citeOf = (cite: string) => {
    const t = api.citation({ contract: contractId, cite });
    return isFailure(t) ? cite : t;
  };

  return (
    <div className={styles.root}>
      <section aria-labelledby="contracts-heading" className={styles.section}>
        <Subtitle2 as="h2" id="contracts-heading" className={styles.heading}>
          Contract
        </Subtitle2>
        <div className={styles.row}>
          <Field label="District" className={styles.field}>
            <Select
              className={styles.select}
              value={district}
              onChange={(_, d) => selectContract(contracts.find((c) => c.district === d.value)?.id ?? contractId)}
            >
              {districtsOf(contracts).map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Unit" className={styles.field}>
            <Select className={styles.select} value={contractId} onChange={(_, d) => selectContract(d.value)}>
              {units.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.unit}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {contract && (
          <Text size={200} block>
            <Text size={200} font="monospace" weight="semibold">
              {contract.id}
            </Text>{' '}
            {contract.id === defaultId && (
              <Badge appearance="tint" color="success" size="small">
                workbook default
              </Badge>
            )}{' '}
            <span className={styles.muted}>{contract.title}</span>
          </Text>
        )}
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy || contractId === defaultId} onClick={makeDefault}>
            Use as workbook default
          </Button>
          {contractId === defaultId && (
            <Text size={200} className={styles.muted}>
              Already the default.
            </Text>
          )}
        </div>
        {!inExcel && (
          <Text size={200} className={styles.muted} block>
            Outside Excel the choice is kept in this page only; it applies to formulas only inside Excel.
          </Text>
        )}
        {status?.where === 'default' && <StatusBar status={status} />}
      </section>

      <Divider />

      <section aria-labelledby="table-heading" className={styles.section}>
        <Subtitle2 as="h2" id="table-heading" className={styles.heading}>
          Tables
        </Subtitle2>
        <div className={styles.row}>
          <Field label="Year" className={styles.field}>
            <Select
              className={styles.select}
              value={year}
              onChange={(_, d) => {
                setYear(d.value);
                changed();
              }}
            >
              {contract?.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Table" className={styles.field}>
            <Select
              className={styles.select}
              value={shownId}
              onChange={(_, d) => {
                setTableId(d.value as TableId);
                changed();
              }}
            >
              {contract?.schedules.map((s) => (
                <option key={s.id} value={`schedule:${s.id}`}>
                  {s.title} ({s.kind})
                </option>
              ))}
              {hasStipends && <option value="stipends">Stipends</option>}
              {hasTerms && <option value="terms">Named terms</option>}
            </Select>
          </Field>
        </div>

        {shown && 'failure' in shown && (
          <MessageBar intent="warning">
            <MessageBarBody>{shown.failure}</MessageBarBody>
          </MessageBar>
        )}

        {shown && !('failure' in shown) && (
          <>
            <Text weight="semibold" block>
              {shown.title}
            </Text>
            <CitedTable caption={shown.title} corner={shown.corner} columns={shown.columns} rows={shown.rows} picked={picked} onPick={setPicked} wrap={shown.wrap} />
            {shown.rows.some((r) => r.cells.some((c) => c.derived)) && (
              <Text size={200} className={styles.muted} block>
                † derived by the contract&apos;s rule (not printed in the table); exported as values like the others.
              </Text>
            )}
            <div className={styles.details} aria-live="polite" data-testid="cell-citation">
              <Text size={200} block>
                {picked
                  ? `${picked.row}, ${picked.column}: ${picked.cell.text || 'no value printed'}${picked.cell.derived ? ' (derived)' : ''}. Source: ${citeOf(picked.cell.cite)}`
                  : `Click a cell for its source.${shown.cite ? ` Table: ${citeOf(shown.cite)}` : ''}`}
              </Text>
            </div>
            <div className={styles.row}>
              {inExcel ? (
                <>
                  <Button disabled={busy} onClick={() => run('table', async () => `Wrote ${await insertTableValues(shown.plain)}.`)}>
                    Insert as values
                  </Button>
                  <Button
                    disabled={busy || formulaBlocked !== null}
                    aria-describedby={formulaBlocked ? 'formula-blocked' : undefined}
                    onClick={() =>
                      run('table', async () => {
                        const formula = scheduleFormula(year, contractId);
                        const address = await insertFormula(formula, 'Select an empty cell with room below and to the right for the grid.');
                        return `Wrote ${formula} in ${address}.`;
                      })
                    }
                  >
                    Insert as formula
                  </Button>
                  {formulaBlocked && (
                    <Text id="formula-blocked" size={200} className={styles.muted} block>
                      {formulaBlocked}
                    </Text>
                  )}
                </>
              ) : (
                <>
                  <Button onClick={() => download(`${shown.plain.name}.csv`, tableCsv(shown.plain), 'text/csv;charset=utf-8')}>Download CSV</Button>
                  <Text size={200} className={styles.muted}>
                    Inserting into a workbook works when the pane runs inside Excel.
                  </Text>
                </>
              )}
            </div>
            {status?.where === 'table' && <StatusBar status={status} />}
          </>
        )}
      </section>

      <Divider />

      <SelfCheck report={check} year={year} citeOf={citeOf} stipends={!!tables?.stipends} />
    </div>
  );
}

/** Findings listed before "Show all": a year can have hundreds (every stipend cell of a printed dollar table). */
const FINDINGS_SHOWN = 20;

/** The contract's self-check for the chosen year: each finding with the printed value's and the rule's citations. */
function SelfCheck(props: { report: CheckReport | { message: string } | null; year: string; citeOf(cite: string): string; stipends: boolean }) {
  const { report, year, citeOf, stipends } = props;
  const styles = useStyles();
  const [all, setAll] = useState(false);
  if (!report) return null;
  if (isFailure(report) || !('findings' in report)) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>The self-check could not run: {report.message}</MessageBarBody>
      </MessageBar>
    );
  }
  const thisYear = report.findings.filter((f) => f.year === year);
  const line = (f: Finding) =>
    `${f.lane}, ${f.step} (${f.schedule}): printed ${amount(f.printed)}; the rule "${f.rule}" gives ${amount(f.derived)}` +
    (f.difference !== null ? ` (difference ${f.difference > 0 ? '+' : ''}${f.difference})` : '') +
    `. ${f.note[0].toUpperCase()}${f.note.slice(1)}.`;
  return (
    <section aria-labelledby="check-heading" className={styles.section}>
      <Subtitle2 as="h2" id="check-heading" className={styles.heading}>
        Self-check
      </Subtitle2>
      <Text size={200} block data-testid="check-summary">
        {report.checked} values compared with the rule that derives them; {report.agreeing} agree, {report.findings.length} findings
        {report.findings.length ? `, ${thisYear.length} of them in ${year}` : ''}.
        {report.findings.length > thisYear.length ? ' Choose another year to see its findings.' : ''}
      </Text>
      {stipends && (
        <Text size={200} block className={styles.muted}>
          The add-in carries the stipend rules but not the printed stipend dollar tables (they would only make it larger),
          so those tables are not compared here; the command npm run check:contracts compares them too.
        </Text>
      )}
      {thisYear.length > 0 && (
        <ol className={styles.findings} aria-label={`Self-check findings, ${year}`}>
          {(all ? thisYear : thisYear.slice(0, FINDINGS_SHOWN)).map((f, i) => (
            <li key={i} className={styles.finding}>
              <Text size={200} block>
                {line(f)}
              </Text>
              <Text size={200} block className={styles.muted}>
                Printed: {citeOf(f.printedCite)}
              </Text>
              <Text size={200} block className={styles.muted}>
                Rule: {citeOf(f.ruleCite)}
              </Text>
              {f.reading && (
                <Text size={200} block className={styles.muted}>
                  Reading: {f.reading}
                </Text>
              )}
            </li>
          ))}
        </ol>
      )}
      {thisYear.length > FINDINGS_SHOWN && (
        <div>
          <Button size="small" onClick={() => setAll((a) => !a)}>
            {all ? `Show the first ${FINDINGS_SHOWN} findings` : `Show all ${thisYear.length} findings of ${year}`}
          </Button>
        </div>
      )}
    </section>
  );
}
