/**
 * Task pane entry. The same page is the custom-functions runtime inside Excel (shared runtime), and a standalone
 * page in any browser, where Office.onReady reports host null.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './components/App';
import { refreshFunctionsAfterUpdate } from './office';

/** True inside Excel; false in a plain browser (host null) or when office.js did not load at all. */
async function runningInExcel(): Promise<boolean> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return false;
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel;
}

runningInExcel()
  .catch(() => false)
  .then((inExcel) => {
    // After an update, have Excel reload the functions' cached files (Office.ForceRefreshCustomFunctionsCache).
    if (inExcel) refreshFunctionsAfterUpdate().catch((e) => console.warn(`Could not update the workbook's settings: ${e}`));
    createRoot(document.getElementById('root')!).render(
      <FluentProvider theme={webLightTheme}>
        <App inExcel={inExcel} />
      </FluentProvider>,
    );
  });
