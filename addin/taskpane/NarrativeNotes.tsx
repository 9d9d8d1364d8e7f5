import { Body1Strong, makeStyles, tokens } from '@fluentui/react-components';
import { CELL_LIST_STYLES, CellLine } from './layout';
import { noteLines, type NarrativeNotes as Notes } from './narrative-notes';

const useStyles = makeStyles({
  ...CELL_LIST_STYLES,
  // A warning box (the status colours MessageBar uses), the lines full width inside it.
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
    marginBottom: tokens.spacingVerticalS,
  },
  line: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    overflowWrap: 'anywhere',
  },
  item: { ...CELL_LIST_STYLES.item, overflowWrap: 'anywhere' },
});

/**
 * [issue 16] Above the generated text: the implausible 环比 and why each “【请核对】” is there,
 * each line with its sheet!cell; in Excel a click selects the cell. Loaded with the first
 * narrative that has any (never before first paint).
 */
export default function NarrativeNotes(notes: Notes) {
  const styles = useStyles();
  const { catalog, onSelect } = notes;
  const lines = noteLines(notes);
  if (lines.length === 0) return null;
  return (
    <div className={styles.box} role="group" aria-label={catalog.ui.narrativeChecks}>
      <Body1Strong>{catalog.ui.narrativeChecks}</Body1Strong>
      <ul className={styles.list} data-testid="narrative-checks">
        {lines.map((l) => (
          <CellLine
            key={l.key}
            sheet={l.sheet}
            cell={l.cell}
            text={l.text}
            title={catalog.ui.selectCell(`${l.sheet}!${l.cell}`)}
            onSelect={onSelect}
            itemClass={styles.item}
            lineClass={styles.line}
          />
        ))}
      </ul>
    </div>
  );
}
