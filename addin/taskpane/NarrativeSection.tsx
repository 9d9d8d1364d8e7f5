import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle2,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { UiStrings } from '../../src/i18n/catalog';
import { NarrativeBox } from './NarrativeBox';
import type { useNarrativeText } from './useNarrativeText';

/** 通报段落: the editable box, and the choice when new paragraphs meet the user's edits. */
export function NarrativeSection({
  narrative,
  ui,
  children,
}: {
  readonly narrative: ReturnType<typeof useNarrativeText>;
  readonly ui: UiStrings;
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
    </section>
  );
}
