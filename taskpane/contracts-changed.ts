/**
 * The set of contracts changes while the pane is open when a contract file is loaded into the workbook or removed
 * (the Load view). Views that list contracts re-read them when this says so.
 */
import { useEffect, useState } from 'react';

const EVENT = 'contract-rules:contracts-changed';

/** Tells every view that the contracts changed. */
export function contractsChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** A number that changes each time the contracts change: a dependency for whatever reads them. */
export function useContractsVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    window.addEventListener(EVENT, bump);
    return () => window.removeEventListener(EVENT, bump);
  }, []);
  return version;
}
