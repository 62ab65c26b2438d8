import { makeStyles, mergeClasses, tokens, useArrowNavigationGroup } from '@fluentui/react-components';

export interface CitedCell {
  text: string;
  cite: string;
  /** computed from a rule rather than printed: marked with † */
  derived?: boolean;
  /** a closed cell (NONE) or a note: shown muted */
  muted?: boolean;
}

export interface CitedRow {
  label: string;
  cite: string;
  cells: CitedCell[];
}

/** The cell a user picked, with its row and column, for the details line. */
export interface PickedCell {
  row: string;
  column: string;
  cell: CitedCell;
}

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    maxWidth: '100%',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
    width: '100%',
  },
  th: {
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    textAlign: 'right',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    textAlign: 'left',
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  td: { padding: 0, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  button: {
    border: 'none',
    background: 'none',
    font: 'inherit',
    color: 'inherit',
    margin: 0,
    boxSizing: 'border-box',
    display: 'block',
    width: '100%',
    textAlign: 'right',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    outlineStyle: 'none',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  picked: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  muted: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  derived: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  wrap: { whiteSpace: 'normal', '& th[scope=row]': { position: 'static' } },
  mark: { color: tokens.colorNeutralForeground3, marginLeft: '1px' },
});

export interface CitedTableProps {
  /** the table's accessible name */
  caption: string;
  /** the heading of the row labels' column ("Step", "Position", "Activity, role") */
  corner: string;
  columns: string[];
  rows: CitedRow[];
  picked: PickedCell | null;
  onPick(p: PickedCell): void;
  /** let long row labels wrap (a list of named terms) instead of scrolling */
  wrap?: boolean;
}

/**
 * A table of amounts whose every cell is a button: click (or Enter) shows the cell's citation in the details line the
 * parent renders. Arrow keys move between cells; Tab enters the table once and leaves it. Text only, never HTML.
 */
export function CitedTable({ caption, corner, columns, rows, picked, onPick, wrap }: CitedTableProps) {
  const styles = useStyles();
  const arrows = useArrowNavigationGroup({ axis: 'grid', memorizeCurrent: true });
  return (
    <div className={styles.scroller}>
      <table className={mergeClasses(styles.table, wrap && styles.wrap)} aria-label={caption} {...arrows}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.th, styles.rowHead)}>
              {corner}
            </th>
            {columns.map((c) => (
              <th scope="col" key={c} className={styles.th}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={`${r}:${row.label}`}>
              <th scope="row" title={row.cite} className={mergeClasses(styles.th, styles.rowHead)}>
                {row.label}
              </th>
              {row.cells.map((cell, i) => {
                const isPicked = picked !== null && picked.row === row.label && picked.column === columns[i];
                return (
                  <td key={columns[i]} className={mergeClasses(styles.td, cell.derived && styles.derived)} data-derived={cell.derived ? 'true' : undefined}>
                    <button
                      type="button"
                      className={mergeClasses(styles.button, cell.muted && styles.muted, isPicked && styles.picked)}
                      aria-pressed={isPicked}
                      aria-label={`${row.label}, ${columns[i]}: ${cell.text || 'empty'}${cell.derived ? ' (derived)' : ''}`}
                      onClick={() => onPick({ row: row.label, column: columns[i], cell })}
                    >
                      {cell.text}
                      {cell.derived && (
                        <span aria-hidden="true" className={styles.mark}>
                          †
                        </span>
                      )}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
