/**
 * Where a view's table comes from: the sample, an uploaded CSV or .xlsx, or (inside Excel) the selected range; then
 * which column holds which field, guessed from the header by the reading policy's names and aliases and shown for
 * the user to confirm or change. The parent receives the table rewritten with canonical headers (mappedTable).
 */
import { useMemo, useRef, useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { layout } from './layout';
import { addin } from '../addin';
import { usePane } from '../pane-context';
import type { TableKind } from '../addin';
import { guessMapping, mappedTable } from '../mapping';
import type { ColumnSpec, Mapping } from '../mapping';
import { readCsv, readXlsx } from '../xlsx';
import type { InCell } from '../xlsx';
import { readSelectedRange } from '../office-sheets';

export const useViewStyles = makeStyles({
  root: layout.root,
  row: layout.row,
  field: { minWidth: '120px', flexGrow: 1, flexBasis: '120px' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: tokens.spacingHorizontalS },
  muted: layout.muted,
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, overflowWrap: 'anywhere' },
    '& td.n, & th.n': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
    '& th': { textAlign: 'left' },
  },
  heading: layout.heading,
});

/** A table as read from its source, before mapping. */
export interface SourceTable { name: string; cells: InCell[][] }

/** The columns of a table every reading needs (one of a set where the reader accepts either). */
const REQUIRED: Record<TableKind, string[][]> = {
  roster: [['id'], ['step'], ['lane', 'position']],
  payroll: [['paid'], ['lane'], ['step'], ['year']],
  proposals: [['proposal'], ['year']],
};

const columnLetter = (c: number) => {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

export async function readUpload(file: File): Promise<SourceTable> {
  if (/\.csv$/i.test(file.name) || file.type === 'text/csv') return { name: file.name, cells: readCsv(await file.text()) };
  if (/\.xls[xm]$/i.test(file.name)) {
    const { sheet, cells } = await readXlsx(new Uint8Array(await file.arrayBuffer()));
    return { name: `${file.name} (sheet ${sheet})`, cells };
  }
  throw new Error(`${file.name} is neither a .csv nor an .xlsx file; save it from Excel as one of those`);
}

export async function fetchSample(url: string): Promise<SourceTable> {
  const r = await fetch(url); // this add-in's own origin (webpack copies examples/sample-*.csv into dist/)
  if (!r.ok) throw new Error(`The sample ${url} could not be read (HTTP ${r.status}); upload a file instead`);
  return { name: url.split('/').pop()!, cells: readCsv(await r.text()) };
}

export interface TableSourceProps {
  kind: TableKind;
  /** what the table is, in words: "roster", "payroll export" */
  noun: string;
  sampleUrl: string;
  /** the mapped table (canonical headers), or null while none is read or a needed column is unmapped */
  onTable(table: InCell[][] | null, source: SourceTable | null): void;
}

export function TableSource({ kind, noun, sampleUrl, onTable }: TableSourceProps) {
  const styles = useViewStyles();
  const inExcel = usePane().inExcel;
  const spec: ColumnSpec[] = useMemo(() => addin().tableColumns(kind), [kind]);
  const [source, setSource] = useState<SourceTable | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [allColumns, setAllColumns] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  function publish(s: SourceTable | null, m: Mapping) {
    const missing = REQUIRED[kind].filter((any) => any.every((f) => m[f] === undefined));
    onTable(s && !missing.length ? mappedTable(s.cells, m, spec) : null, s);
  }

  async function load(read: () => Promise<SourceTable>) {
    setBusy(true);
    setError(null);
    try {
      const s = await read();
      if (!s.cells.length) throw new Error(`${s.name} is empty; its first row names the columns`);
      const m = guessMapping(s.cells[0], spec);
      setSource(s);
      setMapping(m);
      publish(s, m);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setSource(null);
      publish(null, {});
    } finally {
      setBusy(false);
    }
  }

  function choose(field: string, value: string) {
    const m = { ...mapping, [field]: value === '' ? undefined : Number(value) };
    setMapping(m);
    publish(source, m);
  }

  const header = source?.cells[0] ?? [];
  const missing = source ? REQUIRED[kind].filter((any) => any.every((f) => mapping[f] === undefined)).map((any) => any.join(' or ')) : [];
  const shownFields = spec.filter((c) => allColumns || mapping[c.field] !== undefined || REQUIRED[kind].some((any) => any.includes(c.field)));

  return (
    <section
      aria-label={`The ${noun}`}
      className={styles.root}
      // a file dropped anywhere on the section is read as an upload
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const f = e.dataTransfer.files[0];
        if (f) void load(() => readUpload(f));
      }}
    >
      <div className={styles.row}>
        <Button onClick={() => load(() => fetchSample(sampleUrl))} disabled={busy}>
          Use the sample {noun}
        </Button>
        <Button onClick={() => input.current?.click()} disabled={busy}>
          Upload CSV or .xlsx…
        </Button>
        <input
          ref={input}
          type="file"
          accept=".csv,.xlsx,.xlsm,text/csv"
          aria-label={`Upload a ${noun} (CSV or .xlsx)`}
          style={{ display: 'none' }}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void load(() => readUpload(f));
          }}
        />
        {inExcel && (
          <Button onClick={() => load(async () => { const r = await readSelectedRange(); return { name: r.address, cells: r.values }; })} disabled={busy}>
            Read the selected range
          </Button>
        )}
      </div>
      {busy && <Spinner size="tiny" label={`Reading the ${noun}…`} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {source && (
        <>
          <Text size={200}>
            {source.name}: {source.cells.length - 1} rows below the header. Check which column holds what (guessed from
            the header names); columns not mapped are left out.
          </Text>
          <div className={styles.grid}>
            {shownFields.map((c) => (
              <Field key={c.field} label={c.names[0]} size="small">
                <Select size="small" value={mapping[c.field] === undefined ? '' : String(mapping[c.field])} onChange={(_, d) => choose(c.field, d.value)}>
                  <option value="">(not in the table)</option>
                  {header.map((h, i) => (
                    <option key={i} value={String(i)}>
                      {columnLetter(i)}: {String(h ?? '')}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
          {!allColumns && shownFields.length < spec.length && (
            <Button size="small" appearance="subtle" onClick={() => setAllColumns(true)}>
              Map more columns ({spec.length - shownFields.length} optional)
            </Button>
          )}
          {missing.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                Choose the column that holds {missing.join(', ')}: the {noun} cannot be read without it. Valid names:{' '}
                {spec.map((c) => c.names[0]).join(', ')}.
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </section>
  );
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ErrorBar({ text }: { text: string | null }) {
  return text ? (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  ) : null;
}

/** Where a view's job stands: the work under way, what went wrong (with why), and what was done. */
export function Outcome({ busy, error, status }: { busy: string | null; error: string | null; status: string | null }) {
  return (
    <>
      {busy && <Spinner size="small" label={busy} />}
      <ErrorBar text={error} />
      {status && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{status}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
