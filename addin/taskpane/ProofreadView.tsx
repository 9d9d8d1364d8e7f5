import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { UiStrings } from '../../src/i18n/catalog';
import type { ProofreadResult } from '../../src/proofread/types';
import { CELL_LIST_STYLES } from './layout';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: CELL_LIST_STYLES.list,
  item: {
    ...CELL_LIST_STYLES.item,
    wordBreak: 'break-word',
    fontWeight: tokens.fontWeightRegular,
  },
  line: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    wordBreak: 'break-word',
  },
  unplaced: { display: 'block', color: tokens.colorNeutralForeground3 },
});

export interface ProofreadViewProps {
  readonly ui: UiStrings;
  readonly result: ProofreadResult;
  /** In Word: each finding's mark in the document (null: not located); none on the web page. */
  readonly marks?: readonly (number | null)[];
  /** In Word: select finding `index`'s mark in the document. */
  readonly onSelect?: (index: number) => void;
}

/**
 * What 校对 found, the same in the Word pane and on the web page: the counts (claims, matched,
 * wrong, not checked), the notes said once about the draft, each wrong element with its
 * paragraph number (a click selects it in Word), and what could not be checked (collapsed).
 */
export function ProofreadView({ ui, result, marks, onSelect }: ProofreadViewProps) {
  const styles = useStyles();
  const { checked, findings, notChecked, notes } = result;
  return (
    <section className={styles.root} data-testid="proofread" aria-label={ui.proofread}>
      <MessageBar
        intent={checked.wrong > 0 ? 'warning' : 'success'}
        data-testid="proofread-summary"
      >
        <MessageBarBody>{ui.proofreadSummary(checked)}</MessageBarBody>
      </MessageBar>
      {notes.length > 0 && (
        <ul className={styles.list} data-testid="proofread-notes">
          {notes.map((n, i) => (
            <li key={i} className={styles.line}>
              {n.paragraph === null ? n.message : ui.findingLine(n.paragraph, n.message)}
            </li>
          ))}
        </ul>
      )}
      <Accordion multiple collapsible defaultOpenItems={['findings']}>
        <AccordionItem value="findings">
          <AccordionHeader>{ui.findingsHeading(findings.length)}</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list} data-testid="findings">
              {findings.map((f, i) => {
                const text = ui.findingLine(f.paragraph, f.message);
                const mark = marks?.[i];
                return onSelect && mark !== null && mark !== undefined ? (
                  <li key={i}>
                    <Button appearance="subtle" className={styles.item} onClick={() => onSelect(i)}>
                      {text}
                    </Button>
                  </li>
                ) : (
                  <li key={i} className={styles.line}>
                    {text}
                    {marks && mark === null && (
                      <Caption1 className={styles.unplaced}>{ui.notMarked}</Caption1>
                    )}
                  </li>
                );
              })}
            </ul>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="notChecked">
          <AccordionHeader>{ui.notCheckedHeading(notChecked.length)}</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list} data-testid="not-checked">
              {notChecked.map((n, i) => (
                <li key={i} className={styles.line}>
                  {ui.notCheckedLine(n.paragraph, n.written, n.reason)}
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
