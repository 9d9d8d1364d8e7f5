import { Button, Caption1, Field, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import type { UiStrings } from '../../src/i18n/catalog';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  name: { color: tokens.colorNeutralForeground3, wordBreak: 'break-all' },
  hidden: { display: 'none' },
});

export interface FilePickerProps {
  readonly ui: UiStrings;
  /** The field's label (上月工作簿（可选）); none for a bare button. */
  readonly label?: string;
  /** The button's text; 选择文件… by default. */
  readonly button?: string;
  readonly accept: string;
  readonly onFile: (file: File) => void;
  readonly disabled?: boolean;
  readonly primary?: boolean;
  readonly testId: string;
}

/**
 * A file input as a Fluent button in the UI language, never the browser's own “Choose File”:
 * the native input is hidden and clicked for the user; the chosen name is shown beside.
 * Choosing the same file again reads it again.
 */
export function FilePicker(props: FilePickerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState<string | null>(null);
  const id = useId();
  const buttonText = props.button ?? props.ui.chooseFile;
  const body = (
    <div className={styles.row}>
      <Button
        appearance={props.primary ? 'primary' : 'secondary'}
        disabled={props.disabled}
        onClick={() => input.current?.click()}
        // A Field labels form controls, not buttons: say which file is asked for, and which
        // one was chosen, to screen readers too.
        aria-label={props.label !== undefined ? `${props.label}：${buttonText}` : undefined}
        aria-describedby={props.label !== undefined ? `${id}-chosen` : undefined}
      >
        {buttonText}
      </Button>
      {props.label !== undefined && (
        <Caption1 className={styles.name} id={`${id}-chosen`} aria-live="polite">
          {name ? props.ui.chosenFile(name) : props.ui.noFileChosen}
        </Caption1>
      )}
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept={props.accept}
        data-testid={props.testId}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setName(file.name);
          props.onFile(file);
        }}
      />
    </div>
  );
  return props.label === undefined ? body : <Field label={props.label}>{body}</Field>;
}
