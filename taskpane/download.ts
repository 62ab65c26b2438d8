/** Saves text or bytes as a file through a Blob URL: nothing leaves the machine. */
export function download(fileName: string, content: string | Uint8Array, type: string): void {
  // a BOM before a CSV, so that Excel reads it as UTF-8; none before JSON (a contract file is read by the loader and
  // by an editor's schema check as it is)
  const bom = typeof content === 'string' && type.startsWith('text/csv');
  const parts: BlobPart[] = typeof content === 'string' ? (bom ? ['\uFEFF', content] : [content]) : [content as Uint8Array<ArrayBuffer>];
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The message of anything thrown, for the pane's status line. */
export const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
