import { useMemo, useState } from 'react';
import {
  Button,
  Divider,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { layout } from './layout';
import { contractApi, isFailure } from '../contract-api';
import { message } from '../download';
import { money, moneyFormat } from '../grid';
import { FUNCTIONS, formulaOf, query, type ArgSpec, type ArgValues, type FunctionId } from '../insert-spec';
import { addDropDownList, insertFormula, insertValueWithCitation } from '../office';
import { usePane } from '../pane-context';
import { StatusBar, type Status } from '../components/StatusBar';

const useStyles = makeStyles({
  ...layout,
  wide: layout.fill,
  preview: {
    ...layout.box,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  formula: { fontFamily: tokens.fontFamilyMonospace },
});

/** The lists a drop-down can offer on a range of the sheet. */
const LISTS = [
  { id: 'lanes', title: 'lane', label: 'Lanes' },
  { id: 'steps', title: 'step', label: 'Steps' },
  { id: 'positions', title: 'position', label: 'Positions' },
  { id: 'activities', title: 'activity', label: 'Activities' },
  { id: 'roles', title: 'role', label: 'Roles' },
  { id: 'years', title: 'year', label: 'Years' },
] as const;
type ListId = (typeof LISTS)[number]['id'];

/** Where the last action's outcome is shown. */
type Placed = (Status & { where: 'insert' | 'list' }) | null;

/**
 * Insert a CONTRACT function without typing a name: the function, then each argument from the contract's own lists,
 * a preview of the value and its source, and the formula (or the plain value with its source) written into the
 * active cell. Below, drop-down lists of lanes, steps … for a range of the sheet (data validation).
 */
export function InsertView() {
  const styles = useStyles();
  const { inExcel, revision } = usePane();
  const api = contractApi();
  const contracts = useMemo(() => api.contracts(), [api, revision]);
  const [fnId, setFnId] = useState<FunctionId>('SALARY');
  // '' leaves the contract out of the formula: the workbook's default then applies
  const [contractChoice, setContractChoice] = useState(() => (api.defaultContract() ? '' : contracts[0]?.id ?? ''));
  const [values, setValues] = useState<ArgValues>({});
  const [listId, setListId] = useState<ListId>('lanes');
  const [status, setStatus] = useState<Placed>(null);
  const [busy, setBusy] = useState(false);

  const spec = FUNCTIONS.find((f) => f.id === fnId)!;
  const defaultId = api.defaultContract() ?? '';
  const contract = contractChoice || defaultId; // what the value is computed on

  /** The choices of every list argument, each given the values chosen before it; a choice no longer offered falls back to the first. */
  const { chosen, choices } = useMemo(() => {
    const chosen: ArgValues = {};
    const choices: Record<string, string[] | { message: string }> = {};
    for (const arg of spec.args) {
      if (arg.kind === 'number') {
        chosen[arg.name] = values[arg.name] ?? (arg.optional ? '' : String(arg.min ?? 0));
        continue;
      }
      const list = contract ? arg.choices!(api, contract, chosen) : { message: 'Choose a contract: this workbook has no default contract yet.' };
      choices[arg.name] = list;
      const offered: string[] = Array.isArray(list) ? list : [];
      const v = values[arg.name];
      // the latest year by default; the first choice of any other list; an optional one stays empty
      const fallback = arg.optional ? '' : (arg.name === 'year' ? offered[offered.length - 1] : offered[0]) ?? '';
      chosen[arg.name] = v !== undefined && (offered.includes(v) || (arg.optional && v === '')) ? v : fallback;
    }
    return { chosen, choices };
  }, [api, spec, contract, values, revision]);

  const q = contract ? query(spec, chosen, contract) : 'Choose a contract: this workbook has no default contract yet.';
  const problem = typeof q === 'string' ? q : null;
  const value = typeof q === 'string' ? null : spec.ask(api, q, false);
  const source = typeof q === 'string' || isFailure(value) ? null : spec.ask(api, q, true);
  const formula = typeof q === 'string' ? null : formulaOf(spec, q, contractChoice);
  const places = typeof value === 'number' ? spec.places(value) : 0;
  const sourceText = source !== null && !isFailure(source) ? String(source) : '';

  function set(name: string, v: string) {
    setValues((old) => ({ ...old, [name]: v }));
    setStatus(null);
  }

  async function run(where: 'insert' | 'list', action: () => Promise<string>) {
    setBusy(true);
    try {
      setStatus({ where, intent: 'success', text: await action() });
    } catch (e) {
      setStatus({ where, intent: 'error', text: message(e) });
    } finally {
      setBusy(false);
    }
  }

  const listItems = (id: ListId): string[] | { message: string } => {
    if (!contract) return { message: 'Choose a contract first.' };
    return api[id]({ contract });
  };
  const list = listItems(listId);
  const listEntry = LISTS.find((l) => l.id === listId)!;

  const argControl = (arg: ArgSpec) => {
    if (arg.kind === 'number') {
      return (
        <Field key={arg.name} label={arg.label} hint={arg.hint} className={styles.field}>
          <Input
            className={styles.wide}
            type="number"
            inputMode="decimal"
            min={arg.min}
            max={arg.max}
            value={chosen[arg.name]}
            onChange={(_, d) => set(arg.name, d.value)}
          />
        </Field>
      );
    }
    const offered = choices[arg.name];
    const failure = isFailure(offered) || !Array.isArray(offered) ? (offered as { message: string }).message : null;
    return (
      <Field
        key={arg.name}
        label={arg.label}
        className={styles.field}
        validationState={failure ? 'warning' : 'none'}
        validationMessage={failure ?? undefined}
      >
        <Select className={styles.wide} value={chosen[arg.name]} disabled={!!failure} onChange={(_, d) => set(arg.name, d.value)}>
          {arg.optional && <option value="">(none)</option>}
          {Array.isArray(offered) && offered.map((o) => <option key={o} value={o}>{o}</option>)}
        </Select>
      </Field>
    );
  };

  return (
    <div className={styles.root}>
      <section aria-labelledby="insert-heading" className={styles.section}>
        <Subtitle2 as="h2" id="insert-heading" className={styles.heading}>
          Insert a function
        </Subtitle2>
        <div className={styles.row}>
          <Field label="Function" className={styles.field}>
            <Select
              className={styles.wide}
              value={fnId}
              onChange={(_, d) => {
                setFnId(d.value as FunctionId);
                setStatus(null);
              }}
            >
              {FUNCTIONS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.id}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Contract" className={styles.field}>
            <Select
              className={styles.wide}
              value={contractChoice}
              onChange={(_, d) => {
                setContractChoice(d.value);
                setStatus(null);
              }}
            >
              <option value="">Workbook default{defaultId ? ` (${defaultId})` : ' (none chosen)'}</option>
              {contracts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.id}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Text size={200} className={styles.muted} block>
          {spec.summary}
        </Text>
        <div className={styles.row}>{spec.args.map(argControl)}</div>

        <div className={styles.preview} aria-live="polite" data-testid="insert-preview">
          {problem && <Text>{problem}</Text>}
          {value !== null && isFailure(value) && (
            <Text>
              {value.code === 'NA' ? '#N/A' : '#VALUE!'}: {value.message}
            </Text>
          )}
          {typeof value === 'number' && (
            <>
              <Text className={styles.value} data-testid="insert-value">
                {money(value, places)}
              </Text>
              <Text size={200} data-testid="insert-source">
                {sourceText}
              </Text>
            </>
          )}
          {formula && (
            <Text size={200} className={styles.formula} data-testid="insert-formula">
              {formula}
            </Text>
          )}
        </div>

        <div className={styles.row}>
          {inExcel ? (
            <>
              <Button appearance="primary" disabled={busy || !formula} onClick={() => run('insert', async () => `Wrote ${formula} in ${await insertFormula(formula!)}.`)}>
                Insert formula
              </Button>
              <Button
                disabled={busy || typeof value !== 'number'}
                aria-describedby={typeof value !== 'number' ? 'insert-no-value' : undefined}
                onClick={() =>
                  run('insert', async () => {
                    const at = await insertValueWithCitation(value as number, moneyFormat(places), `Source: ${sourceText}`);
                    return `Wrote the value and its source in ${at}.`;
                  })
                }
              >
                Insert value and source
              </Button>
              {typeof value !== 'number' && (
                <Text id="insert-no-value" size={200} className={styles.muted} block>
                  There is no value to insert until the preview shows one.
                </Text>
              )}
            </>
          ) : (
            <Text size={200} className={styles.muted} block>
              Inserting into a workbook works when the pane runs inside Excel; here, copy the formula above.
            </Text>
          )}
        </div>
        {status?.where === 'insert' && <StatusBar status={status} />}
      </section>

      <Divider />

      <section aria-labelledby="lists-heading" className={styles.section}>
        <Subtitle2 as="h2" id="lists-heading" className={styles.heading}>
          Drop-down lists in the sheet
        </Subtitle2>
        <Text size={200} className={styles.muted} block>
          Select the cells in the sheet where people will choose a lane, a step …, then add the list of the contract above.
        </Text>
        <div className={styles.row}>
          <Field label="List" className={styles.field} validationState={isFailure(list) ? 'warning' : 'none'} validationMessage={isFailure(list) ? list.message : undefined}>
            <Select
              className={styles.wide}
              value={listId}
              onChange={(_, d) => {
                setListId(d.value as ListId);
                setStatus(null);
              }}
            >
              {LISTS.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </Select>
          </Field>
          {inExcel && (
            <Button
              disabled={busy || isFailure(list)}
              onClick={() =>
                run('list', async () => {
                  const items = list as string[];
                  const at = await addDropDownList(items, listEntry.title);
                  return `${at} now offers the ${items.length} ${listEntry.label.toLowerCase()} of ${contract}.`;
                })
              }
            >
              Add drop-down list
            </Button>
          )}
        </div>
        {Array.isArray(list) && (
          <Text size={200} block data-testid="list-items">
            {list.length} {listEntry.label.toLowerCase()}: {list.join(', ')}
          </Text>
        )}
        {!inExcel && (
          <Text size={200} className={styles.muted} block>
            Adding drop-down lists works when the pane runs inside Excel.
          </Text>
        )}
        {status?.where === 'list' && <StatusBar status={status} />}
      </section>
      {contracts.length === 0 && (
        <MessageBar intent="error">
          <MessageBarBody>No contracts are loaded in this add-in.</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
