import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ScheduleGrid } from '../../src/api';
import { cellText } from '../grid';

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
  td: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'right',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  closed: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  citation: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
});

/** Lanes across, steps down. Every value is React text (never HTML), with its citation as the cell's tooltip. */
export function ScheduleTable({ grid }: { grid: ScheduleGrid }) {
  const styles = useStyles();
  return (
    <div>
      <div className={styles.scroller}>
        <table className={styles.table} aria-label={`${grid.title}, ${grid.year}`}>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.th, styles.rowHead)}>
                Step
              </th>
              {grid.lanes.map((lane) => (
                <th scope="col" key={lane} className={styles.th}>
                  {lane}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row" title={row.cite} className={mergeClasses(styles.th, styles.rowHead)}>
                  {row.label}
                </th>
                {row.cells.map((cell, i) => (
                  <td
                    key={grid.lanes[i]}
                    className={mergeClasses(styles.td, cell.status === 'closed' && styles.closed)}
                    title={cell.status === 'empty' ? 'no value printed' : cell.cite}
                  >
                    {cellText(cell)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Text size={200} className={styles.citation} data-testid="schedule-citation">
        Source: {grid.cite}
      </Text>
    </div>
  );
}
