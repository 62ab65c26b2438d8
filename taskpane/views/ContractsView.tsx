import { useEffect, useMemo, useState } from 'react';
import {
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
import { contractApi, isFailure } from '../contract-api';
import { download, message } from '../download';
import { csvFileName, gridCsv, scheduleFormula } from '../grid';
import { insertScheduleFormula, insertScheduleValues, readWorkbookDefault, saveWorkbookDefault } from '../office';
import { usePane } from '../pane-context';
import { ContractList } from '../components/ContractList';
import { ScheduleTable } from '../components/ScheduleTable';
import { StatusBar } from '../components/StatusBar';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  field: { minWidth: '140px', flexGrow: 1 },
});

/** The outcome of the last action, shown next to the buttons that caused it. */
type Status = { where: 'default' | 'insert'; intent: 'success' | 'error'; text: string } | null;


/** Browse the contracts: choose the workbook default, see any schedule with its citations, insert or download it. */
export function ContractsView() {
  const styles = useStyles();
  const { inExcel } = usePane();
  const contracts = useMemo(() => contractApi().contracts(), []);
  const [contractId, setContractId] = useState(contracts[0]?.id ?? '');
  const contract = contracts.find((c) => c.id === contractId);
  const [year, setYear] = useState(contract?.years[contract.years.length - 1] ?? '');
  const [scheduleId, setScheduleId] = useState(contract?.schedules[0]?.id ?? '');
  const [defaultId, setDefaultId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!inExcel) return;
    const stored = readWorkbookDefault();
    setDefaultId(stored);
    if (stored && contracts.some((c) => c.id === stored)) selectContract(stored);
  }, [inExcel]);

  /** Switching contracts keeps the year and schedule when the new contract has them, else takes its latest year. */
  function selectContract(id: string) {
    const next = contracts.find((c) => c.id === id);
    if (!next) return;
    setContractId(id);
    setYear((y) => (next.years.includes(y) ? y : next.years[next.years.length - 1] ?? ''));
    setScheduleId((s) => (next.schedules.some((x) => x.id === s) ? s : next.schedules[0]?.id ?? ''));
    setStatus(null);
  }

  const result = useMemo(
    () => (contractId && year ? contractApi().schedule({ contract: contractId, year, schedule: scheduleId || undefined }) : null),
    [contractId, year, scheduleId],
  );
  const failed = isFailure(result) ? result : null;
  const grid = result && !isFailure(result) ? result : null;
  // The summary's short title; the grid's own title (often with reading notes) is the heading's tooltip.
  const scheduleTitle = contract?.schedules.find((s) => s.id === grid?.scheduleId)?.title ?? grid?.title;

  async function run(where: 'default' | 'insert', action: () => Promise<string>) {
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
        setDefaultId(contractId);
        return `${contractId} is the default for this page only. A workbook default applies when the pane runs inside Excel.`;
      }
      await saveWorkbookDefault(contractId);
      setDefaultId(contractId);
      return `${contractId} is now this workbook's default: CONTRACT functions without a contract argument use it.`;
    });

  if (contracts.length === 0) {
    return (
      <div className={styles.root}>
        <MessageBar intent="error">
          <MessageBarBody>No contracts are bundled with this add-in.</MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  return (
    <div className={styles.root}>
      <section aria-labelledby="contracts-heading" className={styles.section}>
        <Subtitle2 as="h2" id="contracts-heading" className={styles.heading}>
          Contracts
        </Subtitle2>
        <ContractList contracts={contracts} selectedId={contractId} defaultId={defaultId} onSelect={selectContract} />
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy || contractId === defaultId} onClick={makeDefault}>
            Use as workbook default
          </Button>
        </div>
        {!inExcel && (
          <Text size={200} className={styles.muted} block>
            Outside Excel the choice is kept in this page only; it applies to formulas only inside Excel.
          </Text>
        )}
      </section>

      {status?.where === 'default' && <StatusBar status={status} />}

      <Divider />

      <section aria-labelledby="schedule-heading" className={styles.section}>
        <Subtitle2 as="h2" id="schedule-heading" className={styles.heading}>
          Schedule
        </Subtitle2>
        <div className={styles.row}>
          <Field label="Year" className={styles.field}>
            <Select value={year} onChange={(_, data) => setYear(data.value)}>
              {contract?.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
          </Field>
          {contract && contract.schedules.length > 1 && (
            <Field label="Schedule" className={styles.field}>
              <Select value={scheduleId} onChange={(_, data) => setScheduleId(data.value)}>
                {contract.schedules.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
      </section>

      {failed && (
        <MessageBar intent="warning">
          <MessageBarBody>{failed.message}</MessageBarBody>
        </MessageBar>
      )}

      {grid && (
        <section aria-label="Schedule grid" className={styles.section}>
          <Text weight="semibold" block title={grid.title}>
            {scheduleTitle}, {grid.year}
          </Text>
          <ScheduleTable grid={grid} />
          <div className={styles.row}>
            {inExcel ? (
              <>
                <Button disabled={busy} onClick={() => run('insert', async () => `Wrote ${await insertScheduleValues(grid)}.`)}>
                  Insert schedule as values
                </Button>
                <Button
                  // CONTRACT.SCHEDULE(year, contract) spills the contract's main (first) schedule only.
                  disabled={busy || grid.scheduleId !== contract?.schedules[0]?.id}
                  title={scheduleFormula(grid.year, grid.contractId)}
                  onClick={() =>
                    run('insert', async () => {
                      const address = await insertScheduleFormula(grid.year, grid.contractId);
                      return `Wrote ${scheduleFormula(grid.year, grid.contractId)} in ${address}.`;
                    })
                  }
                >
                  Insert as formula
                </Button>
              </>
            ) : (
              <>
                <Button onClick={() => download(csvFileName(grid), gridCsv(grid), 'text/csv;charset=utf-8')}>Download CSV</Button>
                <Text size={200} className={styles.muted}>
                  Inserting into a workbook works when the pane runs inside Excel.
                </Text>
              </>
            )}
          </div>
          {status?.where === 'insert' && <StatusBar status={status} />}
        </section>
      )}
    </div>
  );
}
