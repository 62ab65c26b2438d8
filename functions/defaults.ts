/**
 * The workbook's default contract: chosen in the task pane, stored in the workbook's settings
 * (key below). Read lazily — never at load time — because functions.js must load where no Office exists.
 */
export const DEFAULT_CONTRACT_SETTING = 'CONTRACT.defaultContract';

let chosen: string | undefined;
let fromSettingsRead = false;

export function setDefaultContract(id: string | null | undefined): void {
  chosen = id ? String(id) : undefined;
  fromSettingsRead = true;
}

export function defaultContract(): string | undefined {
  if (!fromSettingsRead) {
    fromSettingsRead = true;
    try {
      const office = (globalThis as { Office?: typeof Office }).Office;
      const v = office?.context?.document?.settings?.get(DEFAULT_CONTRACT_SETTING);
      if (typeof v === 'string' && v) chosen = v;
    } catch {
      // no Office host (tests, standalone): no default
    }
  }
  return chosen;
}
