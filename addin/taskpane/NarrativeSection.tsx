import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle2,
} from '@fluentui/react-components';
import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { UiStrings } from '../../src/i18n/catalog';
import type { ChartSpec } from '../../src/summary/chart-spec';
import { NarrativeBox } from './NarrativeBox';
import { noteLines, type NarrativeNotes } from './narrative-notes';
import type { useNarrativeText } from './useNarrativeText';

// The figures bring ECharts: loaded once there are charts to show, never before first paint.
const FiguresView = lazy(() => import('./FiguresView'));
// [issue 16] The warnings above the text: loaded with the first narrative that has any.
const NarrativeNotesView = lazy(() => import('./NarrativeNotes'));

/**
 * A chunk that fails to load (a dropped connection) costs what it draws (`fallback` instead:
 * the figures are left out), never the pane.
 */
class ChunkBoundary extends Component<
  { readonly children: ReactNode; readonly fallback?: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? (this.props.fallback ?? null) : this.props.children;
  }
}

/**
 * The notes as plain lines, while their view loads or if it cannot: the warnings are never
 * left unsaid.
 */
function PlainNotes({ notes }: { readonly notes: NarrativeNotes }) {
  return (
    <div role="group" aria-label={notes.catalog.ui.narrativeChecks}>
      <strong>{notes.catalog.ui.narrativeChecks}</strong>
      <ul data-testid="narrative-checks">
        {noteLines(notes).map((l) => (
          <li key={l.key}>{l.text}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * 通报段落: [issue 16] the warnings and the reasons for the text's “【请核对】” marks (`notes`),
 * then the editable box, and the choice when new paragraphs meet the user's edits; then what
 * the pane adds (`children`: the Word pane's insert options), then the figures the text
 * announces.
 */
export function NarrativeSection({
  narrative,
  ui,
  charts = [],
  notes,
  children,
}: {
  readonly narrative: ReturnType<typeof useNarrativeText>;
  readonly ui: UiStrings;
  /** The narrative's charts (`Narrative.charts`): those the text names are shown. */
  readonly charts?: readonly ChartSpec[];
  /**
   * The latest narrative's implausible 环比 and flags (`Narrative.diagnostics`, `.flags`), said
   * above the text; with `onSelect` (Excel) each line selects its cell.
   */
  readonly notes?: NarrativeNotes;
  readonly children?: ReactNode;
}) {
  const noted =
    notes !== undefined && notes.narrative.diagnostics.length + notes.narrative.flags.length > 0;
  return (
    <section aria-label={ui.narrative}>
      <Subtitle2 as="h2">{ui.narrative}</Subtitle2>
      {noted && (
        <ChunkBoundary fallback={<PlainNotes notes={notes} />}>
          <Suspense fallback={<PlainNotes notes={notes} />}>
            <NarrativeNotesView {...notes} />
          </Suspense>
        </ChunkBoundary>
      )}
      {narrative.pending !== null && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{ui.narrativeKept}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={narrative.acceptPending}>
              {ui.useNew}
            </Button>
            <Button size="small" appearance="subtle" onClick={narrative.keepMine}>
              {ui.keepMine}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <NarrativeBox value={narrative.text} onChange={narrative.setText} ui={ui} />
      {children}
      {charts.length > 0 && (
        <ChunkBoundary>
          <Suspense fallback={<Spinner size="tiny" label={ui.drawingFigures} />}>
            <FiguresView text={narrative.text} charts={charts} ui={ui} />
          </Suspense>
        </ChunkBoundary>
      )}
    </section>
  );
}
