/**
 * Authoring as ContractApi offers it: plain data in (cells, form fields, contract text), plain data out (a section
 * with its preview, or a contract file's text), or every problem, each naming its cell or field. A drafted file
 * goes through the loader (compileContract, every check a file written by hand gets) before it is handed back.
 */
import { ContractLoadError, compileContract } from '../loader';
import type { ContractFile, ScheduleFile, StipendsFile, TermFile } from '../model';
import type { Problem } from './cells';
import type { DraftQuery } from './draft';
import { addSchedule, draftContract } from './draft';
import type { SourceRef } from './source';

/** A drafted or extended contract file: its text (what is saved and downloaded) and id; or why not. */
export type DraftOutcome = { ok: true; id: string; text: string; note: string[] } | { ok: false; problems: Problem[] };

/** The loader's problems (`path: reason`) as the author sees them: the path is the field of the file. */
function loaderProblems(e: unknown): Problem[] {
  if (e instanceof ContractLoadError) return e.problems.map((p) => ({ cell: p.path || 'contract file', reason: p.reason }));
  throw e;
}

/** The text of a file that the loader accepts, or the loader's problems. */
function checked(file: ContractFile, origin: string, note: string[]): DraftOutcome {
  const text = `${JSON.stringify(file, null, 2)}\n`;
  try {
    compileContract(text, origin);
  } catch (e) {
    return { ok: false, problems: loaderProblems(e) };
  }
  return { ok: true, id: file.id, text, note };
}

export function draftContractText(q: DraftQuery): DraftOutcome {
  const d = draftContract(q);
  return d.ok ? checked(d.contract, `${d.contract.id.replace('/', '-')}.json`, d.note) : d;
}

/** An imported schedule added to a contract file's text (a new schedule, or another year of one it has). */
export function addScheduleText(q: { text: string; schedule: ScheduleFile; source?: SourceRef; origin?: string }): DraftOutcome {
  const origin = q.origin ?? 'contract file';
  let file: ContractFile;
  try {
    file = compileContract(q.text, origin).file;
  } catch (e) {
    return { ok: false, problems: loaderProblems(e) };
  }
  const r = addSchedule(file, q.schedule, q.source);
  return r.ok ? checked(r.contract, origin, [`${file.id}: schedule "${q.schedule.id}" ${q.schedule.tables.map((t) => t.year).join(', ')} added`]) : r;
}

/**
 * A stipend table or terms added to a contract file's text: terms are appended (an id the file has is refused by
 * the loader), stipends fill the file's stipends section, which must be empty: a contract has one stipend table.
 */
export function addSectionText(q: { text: string; stipends?: StipendsFile; terms?: TermFile[]; source?: SourceRef; origin?: string }): DraftOutcome {
  const origin = q.origin ?? 'contract file';
  let file: ContractFile;
  try {
    file = structuredClone(compileContract(q.text, origin).file);
  } catch (e) {
    return { ok: false, problems: loaderProblems(e) };
  }
  const added = q.stipends ? q.stipends : q.terms;
  if (!added) return { ok: false, problems: [{ cell: 'section', reason: 'give a stipend table or terms to add' }] };
  if (q.stipends) {
    if (file.stipends) return { ok: false, problems: [{ cell: 'stipends', reason: `${file.id} already has its stipend table ("${file.stipends.title}"); a contract has one` }] };
    file.stipends = q.stipends;
  } else file.terms = [...(file.terms ?? []), ...q.terms!];
  const cite = q.stipends ? q.stipends.cite : q.terms![0]?.cite ?? '';
  const src = cite.split(/[:#]/)[0];
  if (src && !file.sources.some((s) => s.file === src)) file.sources.push({ file: src, title: `${q.source?.title?.trim() || src}` });
  return checked(file, origin, [q.stipends ? `${file.id}: stipend table added (${q.stipends.items.length} stipends)` : `${file.id}: ${q.terms!.length} terms added`]);
}
