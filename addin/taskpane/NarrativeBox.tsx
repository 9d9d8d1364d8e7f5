import { Button, Caption1, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { UiStrings } from '../../src/i18n/catalog';
import { copyText } from './copy';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { width: '100%' },
  // The inner <textarea> keeps Fluent's small default height unless told otherwise.
  inner: { minHeight: '320px', maxHeight: 'none', lineHeight: tokens.lineHeightBase400 },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface NarrativeBoxProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly ui: UiStrings;
}

/** The generated paragraphs, editable (what is exported or inserted is this text), with 复制. */
export function NarrativeBox({ value, onChange, ui }: NarrativeBoxProps) {
  const styles = useStyles();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className={styles.box}>
      <Caption1>{ui.narrativeHint}</Caption1>
      <Textarea
        className={styles.text}
        textarea={{ className: styles.inner }}
        aria-label={ui.narrative}
        value={value}
        resize="vertical"
        onChange={(_, data) => {
          onChange(data.value);
          setStatus('idle');
        }}
        data-testid="narrative"
      />
      <div className={styles.row}>
        <Button
          onClick={() => void copyText(value).then((ok) => setStatus(ok ? 'copied' : 'failed'))}
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
