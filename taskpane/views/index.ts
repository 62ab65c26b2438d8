/**
 * The pane's views, in the order of their tabs. Each view is its own file (views/<Name>View.tsx), a component
 * without props (it reads where it runs with usePane()). To add a view: write its file and add ONE line here.
 */
import type { ComponentType } from 'react';
import { AuthorView } from './AuthorView';
import { ContractsView } from './ContractsView';
import { InsertView } from './InsertView';
import { LoadView } from './LoadView';
import { BudgetView } from './BudgetView';
import { AuditView } from './AuditView';
import { NegotiationView } from './NegotiationView';

export interface PaneView {
  /** stable id: the tab's value, and the id of its panel (`view-<id>`) */
  id: string;
  /** the tab's text: short, it shares a 320 px row with the others */
  label: string;
  View: ComponentType;
}

export const VIEWS: PaneView[] = [
  { id: 'contracts', label: 'Contracts', View: ContractsView },
  { id: 'insert', label: 'Insert', View: InsertView },
  { id: 'budget', label: 'Budget', View: BudgetView },
  { id: 'audit', label: 'Payroll audit', View: AuditView },
  { id: 'negotiation', label: 'Negotiation', View: NegotiationView },
  { id: 'load', label: 'Load', View: LoadView },
  { id: 'author', label: 'Author', View: AuthorView },
];
