import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { UiStrings } from '../../src/i18n/catalog';
import { problemText } from './errors';

/** Layout shared by the Excel and the Word pane: readable down to the 320 px pane width. */
/**
 * A list of lines that each select a cell or a place (discrepancies, notes, findings): a plain
 * list of full-width, left-aligned buttons that wrap. ResultsView and ProofreadView build on it.
 */
export const CELL_LIST_STYLES = {
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    whiteSpace: 'normal',
    height: 'auto',
    minHeight: '32px',
    width: '100%',
  },
} as const;

/**
 * One line of such a list: a button selecting its cell in the workbook when `onSelect` is given
 * (the Excel pane), else plain text (the web page, the Word pane). `title` says what a click does.
 */
export function CellLine(props: {
  readonly sheet: string;
  readonly cell: string;
  readonly text: string;
  readonly title: string;
  readonly onSelect?: (sheet: string, cell: string) => void;
  /** CELL_LIST_STYLES.item for the button; the plain line's own class. */
  readonly itemClass: string;
  readonly lineClass?: string;
}) {
  const { sheet, cell, text, title, onSelect } = props;
  return onSelect ? (
    <li>
      <Button
        appearance="subtle"
        className={props.itemClass}
        title={title}
        onClick={() => onSelect(sheet, cell)}
      >
        {text}
      </Button>
    </li>
  ) : (
    <li className={props.lineClass}>{text}</li>
  );
}

export const usePaneStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '280px',
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    alignItems: 'center',
  },
  heading: { display: 'block', margin: 0 },
  subtitle: { display: 'block', margin: 0, color: tokens.colorNeutralForeground3 },
});

export function PaneHeader({
  title,
  subtitle,
}: {
  readonly title: string;
  readonly subtitle: string;
}) {
  const styles = usePaneStyles();
  return (
    <header>
      <Title3 as="h1" className={styles.heading}>
        {title}
      </Title3>
      <Caption1 as="p" className={styles.subtitle}>
        {subtitle}
      </Caption1>
    </header>
  );
}

export interface NoticeState {
  readonly intent: 'success' | 'warning' | 'error';
  readonly text: string;
}

/**
 * What went wrong, for the user: a user-facing error (a workbook the reader refuses, an
 * annotated copy that cannot be read back, a host error) in the catalog's own words; anything
 * else as its message inside the catalog's sentence.
 */
export function failedNotice(ui: UiStrings, e: unknown): NoticeState {
  return { intent: 'error', text: problemText(ui, e) };
}

/** One message to the user, in a MessageBar (never only the console). */
export function Notice({ notice }: { readonly notice: NoticeState | null }) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}
