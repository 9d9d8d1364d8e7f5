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
import type { useNarrativeText } from './useNarrativeText';

// The figures bring ECharts: loaded once there are charts to show, never before first paint.
const FiguresView = lazy(() => import('./FiguresView'));

/** A chunk that fails to load (a dropped connection) costs the figures, never the pane. */
class FiguresBoundary extends Component<{ readonly children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * 通报段落: the editable box, and the choice when new paragraphs meet the user's edits; then
 * what the pane adds (`children`: the Word pane's insert options), then the figures the text
 * announces.
 */
export function NarrativeSection({
  narrative,
  ui,
  charts = [],
  children,
}: {
  readonly narrative: ReturnType<typeof useNarrativeText>;
  readonly ui: UiStrings;
  /** The narrative's charts (`Narrative.charts`): those the text names are shown. */
  readonly charts?: readonly ChartSpec[];
  readonly children?: ReactNode;
}) {
  return (
    <section aria-label={ui.narrative}>
      <Subtitle2 as="h2">{ui.narrative}</Subtitle2>
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
        <FiguresBoundary>
          <Suspense fallback={<Spinner size="tiny" label={ui.drawingFigures} />}>
            <FiguresView text={narrative.text} charts={charts} ui={ui} />
          </Suspense>
        </FiguresBoundary>
      )}
    </section>
  );
}
