import { Badge, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ContractSummary } from '../../src/api';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  label: { display: 'flex', flexDirection: 'column', gap: '2px', paddingBottom: tokens.spacingVerticalXS },
  idLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  id: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground3 },
});

/** "2023-24 to 2026-27 (4 years)" */
function yearSpan(years: string[]): string {
  if (years.length === 0) return 'no years';
  if (years.length === 1) return years[0];
  return `${years[0]} to ${years[years.length - 1]} (${years.length} years)`;
}

export interface ContractListProps {
  contracts: ContractSummary[];
  selectedId: string;
  defaultId: string | null;
  onSelect(id: string): void;
}

/** The bundled contracts as a radio list: id, district, unit and years; the workbook default carries a badge. */
export function ContractList({ contracts, selectedId, defaultId, onSelect }: ContractListProps) {
  const styles = useStyles();
  return (
    <RadioGroup
      className={styles.group}
      aria-label="Contracts"
      value={selectedId}
      onChange={(_, data) => onSelect(data.value)}
    >
      {contracts.map((c) => (
        <Radio
          key={c.id}
          value={c.id}
          label={
            <span className={styles.label}>
              <span className={styles.idLine}>
                <span className={styles.id}>{c.id}</span>
                {c.id === defaultId && (
                  <Badge appearance="tint" color="success" size="small">
                    workbook default
                  </Badge>
                )}
              </span>
              <Text size={200}>{c.district}</Text>
              <Text size={200} className={styles.detail}>
                {c.unit} · {yearSpan(c.years)}
              </Text>
            </span>
          }
        />
      ))}
    </RadioGroup>
  );
}
