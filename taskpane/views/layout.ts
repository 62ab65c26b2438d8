/**
 * The layout every view of the pane shares, as style rules each view's makeStyles takes and adds to: a column of
 * sections, headings without margins, muted notes, rows of fields that share a line when there is room and stack
 * at 320 px (a long option never widens the pane), controls that take the width given, and a shaded box.
 */
import { tokens } from '@fluentui/react-components';
import type { GriffelStyle } from '@fluentui/react-components';

export const layout = {
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  /** fields in a row, aligned on their bottom edge (their labels above them may wrap) */
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  field: { flexGrow: 1, flexBasis: '120px', minWidth: 0, maxWidth: '100%' },
  /** a control at the width of its field (Fluent's Input and Select are wider than half a 320 px pane) */
  fill: { width: '100%', minWidth: 0 },
  box: {
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
} satisfies Record<string, GriffelStyle>;

/** A row of buttons and text, aligned on their centres. */
export const centredRow: GriffelStyle = { ...layout.row, alignItems: 'center' };
