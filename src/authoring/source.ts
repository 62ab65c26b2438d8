/**
 * The source document an authored section cites: its title, the file a reader can open, and where in it (page,
 * section). One function makes the citation every authored table, value and rule carries.
 */
import type { Problem } from './cells';
import { slug } from './cells';

export interface SourceRef {
  /** the agreement's title as printed: "Lakeview ISD 999 and Education Minnesota Lakeview, 2025-2027 Master Agreement" */
  title: string;
  /** the file a reader opens (lakeview-2025-27.pdf); made from the title when omitted */
  file?: string;
  /** the page the table is printed on (1 = first); text of digits is read as the number */
  page?: number | string;
  /** the section or schedule heading: "Schedule A", "Art. IX Sec. 2", "Appendix B" */
  section?: string;
}

/** A checked source: the file name the schema takes and the page the citation points to. */
export interface Source { title: string; file: string; page: number; section?: string }

/** The file name a source is cited by: the one given, or the title's words with `.pdf`. */
export function sourceFile(src: Pick<SourceRef, 'title' | 'file'>): string {
  return src.file?.trim() || `${slug(src.title, 80) || 'agreement'}.pdf`;
}

/** Checks the form's source fields; every problem names its field. */
export function readSource(src: SourceRef | undefined, problems: Problem[]): Source | undefined {
  const before = problems.length;
  const title = typeof src?.title === 'string' ? src.title.trim() : '';
  if (!title) problems.push({ cell: 'source title', reason: 'give the title of the agreement the table is printed in' });
  else if (title.length > 300) problems.push({ cell: 'source title', reason: 'is longer than 300 characters' });
  const file = sourceFile({ title, file: src?.file });
  if (!/^[A-Za-z0-9_.-]+\.[A-Za-z0-9]+$/.test(file) || file.length > 120)
    problems.push({ cell: 'source file', reason: `"${file}" is not a file name (letters, digits, . _ - and an extension, e.g. lakeview-2025-27.pdf)` });
  const given = typeof src?.page === 'string' ? src.page.trim() : src?.page;
  const page = typeof given === 'string' && /^\d+$/.test(given) ? Number(given) : given;
  if (page === undefined || page === '' || typeof page !== 'number' || !Number.isInteger(page) || page < 1 || page > 9_999_999)
    problems.push({ cell: 'page', reason: `give the page the table is printed on (a whole number from 1)${page === undefined || page === '' ? '' : `, not "${String(page)}"`}` });
  const section = src?.section?.trim().replace(/\s+/g, ' ') || undefined;
  if (section && section.length > 100) problems.push({ cell: 'section', reason: 'is longer than 100 characters' });
  else if (section && /[#()[\];]/.test(section)) problems.push({ cell: 'section', reason: `"${section}" holds one of # ( ) [ ] ;, which a citation cannot: write Art. IX Sec. 2, Schedule A, Appendix B` });
  return problems.length > before || typeof page !== 'number' ? undefined : { title, file, page, section };
}

/**
 * The citation of a section authored from this source, as the contract format cites a document by section and page:
 * `lakeview-2025-27.pdf#Schedule A, p. 31` (or `…#p. 31` without a section). citeText renders it for a reader.
 */
export const citeOf = (src: Source): string => `${src.file}#${whereText(src)}`;

/** "Schedule A, p. 12": where a table is printed, as its title repeats it. */
export const whereText = (src: Source): string => `${src.section ? `${src.section}, ` : ''}p. ${src.page}`;
