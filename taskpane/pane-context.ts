/**
 * What every view of the pane may need to know about where it runs, given once by App (taskpane.tsx asks Office).
 * Views are mounted without props (views/index.ts), so they read this with usePane().
 */
import { createContext, useContext } from 'react';

export interface PaneContextValue {
  /** True inside Excel (Office.onReady reported host Excel): the views may write to the workbook. */
  inExcel: boolean;
  /** Counts changes of the contracts the engine holds: views re-read their lists when it moves. */
  revision: number;
  /**
   * Call after anything that changes what the functions read (a contract loaded, replaced or removed): every view
   * re-reads the contracts, and inside Excel the workbook is recalculated (office.ts recalculateWorkbook), so no
   * formula keeps showing the old numbers. Resolves when the recalculation is done.
   */
  contractsChanged(): Promise<void>;
}

export const PaneContext = createContext<PaneContextValue>({ inExcel: false, revision: 0, contractsChanged: async () => {} });

export const usePane = (): PaneContextValue => useContext(PaneContext);
