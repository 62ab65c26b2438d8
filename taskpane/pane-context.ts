/**
 * What every view of the pane may need to know about where it runs, given once by App (taskpane.tsx asks Office).
 * Views are mounted without props (views/index.ts), so they read this with usePane().
 */
import { createContext, useContext } from 'react';

export interface PaneContextValue {
  /** True inside Excel (Office.onReady reported host Excel): the views may write to the workbook. */
  inExcel: boolean;
}

export const PaneContext = createContext<PaneContextValue>({ inExcel: false });

export const usePane = (): PaneContextValue => useContext(PaneContext);
