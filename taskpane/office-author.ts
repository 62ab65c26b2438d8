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

