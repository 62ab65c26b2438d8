/**
 * Load a contract file (issue 10 part 1): pick or drop a JSON file, see it checked (every problem as file: path:
 * reason, or the contract with its self-check), then load it into the workbook, where it is stored and travels
 * with the file; the workbook's contracts are listed with a Remove button each. Inside Excel the functions
 * recalculate after a load or a remove; in a browser a file is loaded for the session only.
 * Everything shown is text (never HTML); nothing is sent anywhere: the file is read in the pane.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { Badge, Button, Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { centredRow, layout } from './layout';
import type { CheckOutcome, ContractProblem } from '../../src/api';
import type { WorkbookContract } from '../../functions/workbook-contracts';
import { loadApi } from '../contract-api';
import { message } from '../download';
import { usePane } from '../pane-context';
import { contractsChanged } from '../contracts-changed';
import { StatusBar } from '../components/StatusBar';
import type { Status } from '../components/StatusBar';

/** The engine's limit (src/loader.ts MAX_CONTRACT_CHARS); a file larger in bytes than 4 bytes a character is not read. */
const MAX_FILE_BYTES = 8_000_000;
/** Problems and findings shown at once; the count of the rest is given. */
const SHOWN = 25;

const useStyles = makeStyles({
  ...layout,
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  held: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  problem: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  row: centredRow,
  item: { display: 'flex', flexDirection: 'column', gap: '2px', paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
});

/** A file chosen and checked, not loaded yet. */
interface Checked { name: string; text: string; outcome: CheckOutcome }

const problemText = (p: ContractProblem) => `${p.file}: ${p.path || '(top)'}: ${p.reason}`;
const usd = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: 2 }));

function Problems({ problems, label }: { problems: ContractProblem[]; label: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {problems.slice(0, SHOWN).map((p, i) => (
        <li key={i} className={styles.problem}>
          <Text size={200}>{problemText(p)}</Text>
        </li>
      ))}
      {problems.length > SHOWN && <li><Text size={200}>… and {problems.length - SHOWN} more</Text></li>}
    </ul>
  );
}

/** The checked file: its problems, or what it is and what its self-check found. */
function Preview({ checked, existing }: { checked: Checked; existing: boolean }) {
  const styles = useStyles();
  const { outcome, name } = checked;
  if (!outcome.ok)
    return (
      <div className={styles.section}>
        <StatusBar status={{ intent: 'error', text: `${name} cannot be loaded: ${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'}. Nothing was changed.` }} />
        <Problems problems={outcome.problems} label={`Problems in ${name}`} />
      </div>
    );
  const c = outcome.contract;
  return (
    <div className={styles.section} aria-label={`Preview of ${name}`} role="group">
      <Text weight="semibold" className={styles.code}>{c.id}</Text>
      <Text size={200}>{c.title}</Text>
      <Text size={200} className={styles.muted}>
        {c.district} · {c.unit} · {c.years.join(', ')}
      </Text>
      <Text size={200}>Schedules: {c.schedules.map((s) => `${s.title} (${s.kind})`).join('; ') || 'none'}</Text>
      <Text size={200}>
        Self-check: {outcome.agreeing} of {outcome.checked} values the contract's rules derive agree with the printed ones
        {outcome.findings.length ? `; ${outcome.findings.length} disagree (both kept, both cited):` : '.'}
      </Text>
      {outcome.findings.length > 0 && (
        <ul className={styles.list} aria-label="Self-check findings">
          {outcome.findings.slice(0, SHOWN).map((f, i) => (
            <li key={i} className={styles.problem}>
              <Text size={200}>
                {f.schedule} {f.year} {f.lane} {f.step}: printed {usd(f.printed)} ({f.printedCite}), {f.rule} gives {usd(f.derived)} ({f.ruleCite})
              </Text>
            </li>
          ))}
          {outcome.findings.length > SHOWN && <li><Text size={200}>… and {outcome.findings.length - SHOWN} more</Text></li>}
        </ul>
      )}
      {existing && <StatusBar status={{ intent: 'warning', text: `${c.id} is already loaded; loading this file replaces it.` }} />}
    </div>
  );
}

export function LoadView() {
  const styles = useStyles();
  const { inExcel } = usePane();
  const input = useRef<HTMLInputElement>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [held, setHeld] = useState<WorkbookContract[]>([]);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const where = inExcel ? 'this workbook' : 'this session';

  const refresh = useCallback(async () => {
    try {
      setHeld(await loadApi().workbookContracts());
    } catch (e) {
      setStatus({ intent: 'error', text: `The workbook's contracts could not be listed: ${message(e)}` });
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);

  async function take(file: File | undefined) {
    if (!file) return;
    setStatus(null);
    setChecked(null);
    if (file.size > MAX_FILE_BYTES) {
      setChecked({ name: file.name, text: '', outcome: { ok: false, problems: [{ file: file.name, path: '', reason: `file is ${file.size.toLocaleString('en-US')} bytes; a contract file is at most 2,000,000 characters` }] } });
      return;
    }
    try {
      const text = await file.text();
      setChecked({ name: file.name, text, outcome: loadApi().checkContract(text, { origin: file.name }) });
    } catch (e) {
      setStatus({ intent: 'error', text: `${file.name} could not be read: ${message(e)}` });
    }
  }

  const existing = !!(checked?.outcome.ok && held.some((h) => h.id === (checked.outcome as { contract: { id: string } }).contract.id));

  async function load() {
    if (!checked?.outcome.ok) return;
    setBusy(true);
    try {
      const out = await loadApi().saveToWorkbook(checked.text, { origin: checked.name, replace: existing });
      if (out.ok) {
        contractsChanged();
        setStatus({ intent: 'success', text: `${out.contract.id} is loaded into ${where}${inExcel ? ' and the workbook recalculated' : ''}. Use it as =CONTRACT.SALARY(lane, step, year, "${out.contract.id}").` });
        setChecked(null);
      } else {
        setChecked({ ...checked, outcome: { ok: false, problems: out.problems } });
      }
      await refresh();
    } catch (e) {
      setStatus({ intent: 'error', text: `${checked.name} was not loaded: ${message(e)}` });
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string) {
    setBusy(true);
    try {
      await loadApi().removeFromWorkbook(id);
      contractsChanged();
      setStatus({ intent: 'success', text: `${id} is removed from ${where}${inExcel ? ' and the workbook recalculated' : ''}.` });
      await refresh();
    } catch (e) {
      setStatus({ intent: 'error', text: `${id} was not removed: ${message(e)}` });
    } finally {
      setBusy(false);
    }
  }

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setDragging(false);
    void take(e.dataTransfer.files[0]);
  }

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="load-heading">
        <Subtitle2 as="h2" id="load-heading" className={styles.heading}>
          Contracts file
        </Subtitle2>
        <Text size={200} className={styles.muted}>
          A contract file (JSON, as README "Adding your district's contract" describes) is checked as the add-in's own
          are: loaded whole, or refused with every problem listed and nothing changed.{' '}
          {inExcel ? 'It is stored in this workbook, so a colleague who opens it gets the same numbers.' : 'Outside Excel it is loaded for this session only.'}
        </Text>
        <div
          className={mergeClasses(styles.drop, dragging && styles.dropActive)}
          data-testid="contract-drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy}>
            Choose a contract file…
          </Button>
          <Caption1 className={styles.muted}>or drop a .json file here</Caption1>
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            aria-label="Contract file"
            hidden
            onChange={(e) => {
              void take(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </div>
        {checked && <Preview checked={checked} existing={existing} />}
        {checked?.outcome.ok && (
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void load()} disabled={busy}>
              {existing ? `Replace ${checked.outcome.contract.id}` : `Load into ${where}`}
            </Button>
            <Button onClick={() => setChecked(null)} disabled={busy}>
              Cancel
            </Button>
          </div>
        )}
        {status && <StatusBar status={status} />}
      </section>

      <section className={styles.section} aria-labelledby="held-heading">
        <Subtitle2 as="h2" id="held-heading" className={styles.heading}>
          {inExcel ? "This workbook's contracts" : 'Contracts loaded in this session'}
        </Subtitle2>
        {held.length === 0 ? (
          <Text size={200} className={styles.muted}>
            None yet. The add-in's own contracts are always there; a file loaded here is added to them.
          </Text>
        ) : (
          <ul className={styles.held} aria-label={inExcel ? "This workbook's contracts" : 'Contracts loaded in this session'}>
            {held.map((h) => (
              <li key={`${h.id} ${h.origin}`} className={styles.item}>
                <div className={styles.row}>
                  <Text weight="semibold" className={styles.code}>{h.id}</Text>
                  {!h.loaded && (
                    <Badge appearance="tint" color="danger" size="small">
                      left out
                    </Badge>
                  )}
                </div>
                {h.title && <Text size={200}>{h.title}</Text>}
                <Text size={200} className={styles.muted}>
                  from {h.origin} · {h.chars.toLocaleString('en-US')} characters
                </Text>
                {h.problem && (
                  <Text size={200} className={styles.problem}>
                    {h.problem}
                  </Text>
                )}
                <div className={styles.row}>
                  <Button size="small" onClick={() => void remove(h.id)} disabled={busy} aria-label={`Remove ${h.id}`}>
                    Remove
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
