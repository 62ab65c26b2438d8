/**
 * The Author view's one call into the workbook: the selected range's values and address (Excel.run). Only called
 * when the pane runs inside Excel.
 */

/** The cells of the selected range as Excel holds them (numbers stay numbers), and its address ("Sheet1!B3:F8"). */
export async function readSelection(): Promise<{ address: string; values: unknown[][] }> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load(['values', 'address']);
    await context.sync();
    return { address: range.address, values: range.values as unknown[][] };
  });
}

/** True when the pane runs inside Excel (office.js initialised with host Excel and Excel.run available). */
export function inExcelHost(): boolean {
  if (typeof Office === 'undefined' || typeof Excel === 'undefined' || typeof Excel.run !== 'function') return false;
  const host = (Office.context as { host?: unknown } | undefined)?.host;
  return host === Office.HostType.Excel;
}
