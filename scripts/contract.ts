/**
 * npm run contract -- <command> …: the contract tools for district IT. Commands: import (scripts/contract-import.ts).
 */
import { IMPORT_USAGE, runImport } from './contract-import';

const [command, ...rest] = process.argv.slice(2);
if (command === 'import') process.exitCode = runImport(rest);
else {
  console.error(command ? `contract: unknown command "${command}"` : 'contract: name a command');
  console.error(IMPORT_USAGE);
  process.exitCode = 2;
}
