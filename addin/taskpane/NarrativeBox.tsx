import { Button, Caption1, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { UiStrings } from '../../src/i18n/catalog';
import { copyText } from './copy';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { width: '100%' },
  // The inner <textarea> keeps Fluent's small default height unless told otherwise.
  inner: { minHeight: '320px', maxHeight: 'none', lineHeight: tokens.lineHeightBase400 },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** The generated paragraphs, editable, with a copy button. */
export function NarrativeBox({ text, ui }: { readonly text: string; readonly ui: UiStrings }) {
  const styles = useStyles();
  const [value, setValue] = useState(text);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    setValue(text);
    setStatus('idle');
  }, [text]);
  return (
    <div className={styles.box}>
      <Caption1>{ui.narrativeHint}</Caption1>
      <Textarea
        className={styles.text}
        aria-label={ui.narrative}
        value={value}
        resize="vertical"
        textarea={{ className: styles.inner }}
        onChange={(_, data) => setValue(data.value)}
        data-testid="narrative"
      />
      <div className={styles.row}>
        <Button
          onClick={() => {
            void copyText(value).then((ok) => setStatus(ok ? 'copied' : 'failed'));
          }}
        >
          {ui.copy}
        </Button>
        <span role="status">
          {status === 'copied' ? ui.copied : status === 'failed' ? ui.copyFailed : ''}
        </span>
      </div>
    </div>
  );
}
