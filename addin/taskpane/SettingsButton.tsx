import { Button } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import type { SettingsDialogProps } from './SettingsDialog';

// The dialog (its form, inputs and validation) loads on first use: the pane's first paint
// does not wait for it.
const SettingsDialog = lazy(() =>
  import('./SettingsDialog').then((m) => ({ default: m.SettingsDialog })),
);

/** 设置: a plain button until first pressed, then the dialog, opened. */
export function SettingsButton(props: SettingsDialogProps) {
  const [wanted, setWanted] = useState(false);
  const label = props.catalog.ui.settings;
  if (!wanted)
    return (
      <Button appearance="subtle" onClick={() => setWanted(true)}>
        {label}
      </Button>
    );
  return (
    <Suspense
      fallback={
        <Button appearance="subtle" disabled>
          {label}
        </Button>
      }
    >
      <SettingsDialog {...props} initiallyOpen />
    </Suspense>
  );
}
