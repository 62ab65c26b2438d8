import { useState } from 'react';
import { Tab, TabList, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { PaneContext } from '../pane-context';
import { VIEWS } from '../views';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    maxWidth: '960px',
    boxSizing: 'border-box',
    minWidth: 0,
  },
  header: { display: 'flex', flexDirection: 'column', gap: '2px' },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  // the tabs wrap onto a second row rather than scroll sideways at 320 px
  tabs: { flexWrap: 'wrap', rowGap: 0, marginLeft: `calc(-1 * ${tokens.spacingHorizontalMNudge})` },
  panel: { minWidth: 0, paddingTop: tokens.spacingVerticalS },
});

/**
 * The pane: a header, a tab per view (views/index.ts), and the views' panels. Every view stays mounted while
 * another is shown, so what was chosen or computed in one survives a look at another.
 */
export function App({ inExcel }: { inExcel: boolean }) {
  const styles = useStyles();
  const [selected, setSelected] = useState(VIEWS[0].id);
  return (
    <PaneContext.Provider value={{ inExcel }}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1" className={styles.heading}>
            Contract rules
          </Title3>
          <Text size={200} className={styles.muted}>
            {inExcel
              ? 'Connected to this workbook.'
              : 'Standalone browser: browse the contracts and download schedules. Open the add-in in Excel to write to a workbook.'}
          </Text>
        </header>
        <TabList
          className={styles.tabs}
          size="small"
          aria-label="Views"
          selectedValue={selected}
          onTabSelect={(_, data) => setSelected(String(data.value))}
        >
          {VIEWS.map((v) => (
            <Tab key={v.id} id={`tab-${v.id}`} value={v.id} aria-controls={`view-${v.id}`}>
              {v.label}
            </Tab>
          ))}
        </TabList>
        {VIEWS.map(({ id, View }) => (
          <div key={id} id={`view-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={id !== selected} className={styles.panel}>
            <View />
          </div>
        ))}
      </main>
    </PaneContext.Provider>
  );
}
