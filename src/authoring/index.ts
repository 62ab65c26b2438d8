/**
 * Authoring: a district's own sheets (a selected range, a CSV) made into contract sections and a contract file,
 * with every problem naming its cell. Pure TypeScript; the pane and the command line reach it through ContractApi.
 */
export type { Problem } from './cells';
export { problemText } from './cells';
export type { SourceRef } from './source';
export type { Authored, Preview, ScheduleImport, ScheduleKind } from './schedule';
export { importSchedule } from './schedule';
export type { StipendsImport, TermsImport } from './tables';
export { importStipends, importTerms } from './tables';
export type { DraftQuery, Drafted, RulesForm, StepPolicyChoice } from './draft';
export { addSchedule, draftContract } from './draft';
export type { DraftOutcome } from './outcome';
export { addScheduleText, addSectionText, draftContractText } from './outcome';
export type { ScheduleFile, StipendsFile, TermFile } from '../model';
export { readCsv } from './csv';
