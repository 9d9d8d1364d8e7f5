import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { formatScaled, toScaled } from '../../src/core/fixed';
import type { Settings } from '../../src/core/settings';
import type { UiStrings } from '../../src/i18n/catalog';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** A weight as a percentage, from its exact decimal digits (0.2 → 20%). */
const pct = (w: number) => `${formatScaled(toScaled(w, 4, 'halfUp')?.scaled ?? 0, 2)}%`;

/** The weights, bands and narrative rules in force, as the engine uses them. */
export function SettingsDialog({
  settings,
  ui,
}: {
  readonly settings: Settings;
  readonly ui: UiStrings;
}) {
  const styles = useStyles();
  const e = settings.evaluation;
  const n = settings.narrative;
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle">{ui.settings}</Button>
      </DialogTrigger>
      <DialogSurface aria-label={ui.settingsTitle}>
        <DialogBody>
          <DialogTitle>{ui.settingsTitle}</DialogTitle>
          <DialogContent>
            <section className={styles.section}>
              <Subtitle2>{ui.weights}</Subtitle2>
              <p>
                {ui.weightLine(pct(e.weights.closed), pct(e.weights.onTime), pct(e.weights.rework))}
              </p>
              <p>{ui.rounding(e.decimals, e.rounding)}</p>
              {e.reworkTermWhenNoneDisposed === 'zero' && <p>{ui.zeroRule}</p>}
            </section>
            <section className={styles.section}>
              <Subtitle2>{ui.bands}</Subtitle2>
              <ul className={styles.list}>
                {e.bands.map((b, i) => {
                  const upper = i === 0 ? '100]' : `${e.bands[i - 1]!.min})`;
                  return <li key={b.grade}>{`${b.grade}：[${b.min}, ${upper}`}</li>;
                })}
              </ul>
            </section>
            <section className={styles.section}>
              <Subtitle2>{ui.narrativeSettings}</Subtitle2>
              <p>
                {ui.narrativeLine(
                  n.namedInTies,
                  n.bottomCount,
                  n.improvedCount,
                  n.tiesAtCutoff,
                  n.rateChange,
                )}
              </p>
              <p>{ui.leftOut(n.hotline.leftOut)}</p>
            </section>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">{ui.close}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
