import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { SettingsError } from '../../src/core/errors';
import { resolveSettings, schemeOf, type Settings } from '../../src/settings/settings';
import { FUZHOU_ID, PRESET_IDS, presetName } from '../../src/scheme/presets';
import {
  CUSTOM_SCHEME,
  fromForm,
  toForm,
  type FormProblem,
  type SettingsForm,
} from '../../src/settings/settings-form';
import type { Catalog } from '../../src/i18n/catalog';
import { download } from './export';
import { FilePicker } from './FilePicker';
import type { UserDefaults } from './settings-store';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(560px, calc(100vw - 24px))' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  row: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    alignItems: 'flex-end',
  },
  narrow: { width: '96px' },
  weight: { width: '112px' },
  // Fluent's Input keeps a wide minimum: let the narrow ones shrink to their field.
  fit: { minWidth: 0, width: '100%' },
  band: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  tools: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const DENOMINATORS = ['处置数', '应处置数', '应结案数'] as const;

export interface SettingsDialogProps {
  readonly settings: Settings;
  readonly catalog: Catalog;
  /** Where a save goes; 'none' where nothing can be kept. */
  readonly where: 'workbook' | 'document' | 'browser' | 'none';
  /** Per-user issuer and 主送, for 恢复默认. */
  readonly userDefaults: UserDefaults;
  /** Persist and put in force; rejects when the host could not save (the dialog says so). */
  readonly onSave: (settings: Settings) => Promise<void>;
  /** Open at once (the button that loaded the dialog was just pressed). */
  readonly initiallyOpen?: boolean;
  /** False where the host cannot download a file (Excel for Mac): 导出设置文件 says so. */
  readonly canDownload?: boolean;
}

/**
 * 设置: the weights, bands, rounding, paragraph rules, aliases, issuer, 主送 and date, edited
 * as text and validated by the engine's own rules (each refusal in the user's language, next
 * to its field); nothing is saved until every field is right. 导出设置文件 writes the JSON that
 * `--settings` reads; 导入设置文件 reads one back.
 */
export function SettingsDialog(props: SettingsDialogProps) {
  const styles = useStyles();
  const { catalog } = props;
  const ui = catalog.ui;
  const names = catalog.settings;
  const [open, setOpen] = useState(props.initiallyOpen === true);
  const [form, setForm] = useState<SettingsForm>(() => toForm(props.settings));
  // What the form does not show (fonts, 12345 list lengths) comes from the settings the form
  // was last filled from: the ones in force, an imported file, or the defaults.
  const [base, setBase] = useState<Settings>(props.settings);
  // The presets, and the scheme a settings file wrote out when there is one.
  const schemeOptions = [
    ...PRESET_IDS.map((id) => ({ id, name: presetName(id) })),
    ...(typeof base.scheme === 'string'
      ? []
      : [{ id: CUSTOM_SCHEME, name: ui.customScheme(schemeOf(base).name) }]),
  ];
  const schemeFigures = (() => {
    try {
      const choice = form.scheme === CUSTOM_SCHEME ? base.scheme : form.scheme;
      return schemeOf({ ...base, scheme: choice }).figures.map((f) => f.key);
    } catch {
      return [];
    }
  })();
  const [problems, setProblems] = useState<readonly FormProblem[]>([]);
  const [note, setNote] = useState<{ intent: 'error' | 'success'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const reset = (settings: Settings) => {
    setBase(settings);
    setForm(toForm(settings));
    setProblems([]);
  };
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const problemAt = (...paths: string[]) => {
    const p = problems.find((x) => paths.some((path) => x.path === path));
    return p ? names.problem(p.path, p.rule) : undefined;
  };
  const read = (): Settings | null => {
    const result = fromForm(form, base);
    if (result.ok) {
      setProblems([]);
      return result.settings;
    }
    setProblems(result.problems);
    setNote({
      intent: 'error',
      text: `${ui.settingsInvalid}${result.problems.map((p) => names.problem(p.path, p.rule)).join('；')}`,
    });
    return null;
  };
  const save = async () => {
    const settings = read();
    if (!settings) return;
    setSaving(true);
    try {
      await props.onSave(settings);
      setNote(null);
      setOpen(false);
    } catch (e) {
      setNote({
        intent: 'error',
        text: ui.settingsSaveFailed(e instanceof Error ? e.message : String(e)),
      });
    } finally {
      setSaving(false);
    }
  };
  const exportFile = () => {
    const settings = read();
    if (!settings) return;
    if (props.canDownload === false) {
      setNote({ intent: 'error', text: ui.macNoDownload });
      return;
    }
    download(
      'tongbao-settings.json',
      new Blob([JSON.stringify(settings, null, 2) + '\n'], { type: 'application/json' }),
    );
  };
  const importFile = async (file: File) => {
    try {
      const settings = resolveSettings(JSON.parse(await file.text()) as never);
      reset(settings);
      setNote({ intent: 'success', text: ui.settingsImported(file.name) });
    } catch (e) {
      const detail =
        e instanceof SettingsError
          ? names.problem(e.path, e.rule)
          : e instanceof SyntaxError
            ? 'JSON'
            : String(e);
      setNote({ intent: 'error', text: ui.settingsFileBad(file.name, detail) });
    }
  };

  const text = (key: keyof SettingsForm, path: string, hint?: string) => (
    <Field label={names.field(path)} hint={hint} validationMessage={problemAt(path)}>
      <Input
        value={form[key] as string}
        onChange={(_, d) => set(key, d.value as never)}
        data-testid={`setting-${key}`}
      />
    </Field>
  );
  const choice = <K extends keyof SettingsForm>(
    key: K,
    path: string,
    options: readonly string[],
    label: (o: string) => string = names.option,
  ) => (
    <Field label={names.field(path)} validationMessage={problemAt(path)}>
      <Select
        value={form[key] as string}
        onChange={(_, d) => set(key, d.value as SettingsForm[K])}
        data-testid={`setting-${key}`}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </Select>
    </Field>
  );
  const count = (key: keyof SettingsForm, path: string) => (
    <Field className={styles.narrow} label={names.field(path)} validationMessage={problemAt(path)}>
      <Input
        className={styles.fit}
        value={form[key] as string}
        inputMode="numeric"
        onChange={(_, d) => set(key, d.value as never)}
        data-testid={`setting-${key}`}
      />
    </Field>
  );
  // Under the 权重 heading the rate's name is enough: 结案率, not 结案率权重.
  const weight = (key: 'weightClosed' | 'weightOnTime' | 'weightRework', path: string) => (
    <Field
      className={styles.weight}
      label={names.field(path).replace(/权重$|^weight of /, '')}
      validationMessage={problemAt(path)}
    >
      <Input
        className={styles.fit}
        value={form[key]}
        inputMode="decimal"
        contentAfter="%"
        onChange={(_, d) => set(key, d.value)}
        data-testid={`setting-${key}`}
      />
    </Field>
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (d.open) {
          reset(props.settings);
          setNote(null);
        }
        setOpen(d.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle">{ui.settings}</Button>
      </DialogTrigger>
      <DialogSurface aria-label={ui.settingsTitle} className={styles.surface}>
        <DialogBody>
          <DialogTitle>{ui.settingsTitle}</DialogTitle>
          <DialogContent>
            <Caption1 as="p">{ui.settingsWhere(props.where)}</Caption1>
            <section className={styles.section}>
              <Field
                className={styles.fit}
                label={names.field('scheme')}
                hint={ui.schemeFigures(schemeFigures)}
                validationMessage={problemAt('scheme') ?? problemAt('evaluation')}
              >
                <Select
                  className={styles.fit}
                  value={form.scheme}
                  onChange={(_, d) => set('scheme', d.value)}
                  data-testid="setting-scheme"
                >
                  {schemeOptions.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </Select>
              </Field>
            </section>
            {form.scheme === FUZHOU_ID ? (
              <>
                <section className={styles.section}>
                  <Subtitle2>{ui.weightsPercent}</Subtitle2>
                  <div className={styles.row}>
                    {weight('weightClosed', 'evaluation.weights.closed')}
                    {weight('weightOnTime', 'evaluation.weights.onTime')}
                    {weight('weightRework', 'evaluation.weights.rework')}
                  </div>
                  {problemAt('evaluation.weights') && (
                    <Caption1 role="alert">{problemAt('evaluation.weights')}</Caption1>
                  )}
                  <div className={styles.row}>
                    {choice('denomClosed', 'evaluation.denominators.closed', DENOMINATORS, String)}
                    {choice('denomOnTime', 'evaluation.denominators.onTime', DENOMINATORS, String)}
                    {choice('denomRework', 'evaluation.denominators.rework', DENOMINATORS, String)}
                  </div>
                  <div className={styles.row}>
                    {count('decimals', 'evaluation.decimals')}
                    {choice('rounding', 'evaluation.rounding', ['halfUp', 'halfEven'])}
                    {choice('zeroRule', 'evaluation.reworkTermWhenNoneDisposed', ['zero', 'full'])}
                  </div>
                </section>
                <section className={styles.section} data-testid="setting-bands">
                  <Subtitle2>{ui.bands}</Subtitle2>
                  <Caption1>{ui.bandsHint}</Caption1>
                  {form.bands.map((band, i) => (
                    <div className={styles.band} key={i}>
                      <Field
                        className={styles.narrow}
                        label={i === 0 ? ui.bandGrade : undefined}
                        validationMessage={problemAt(`evaluation.bands[${i}].grade`)}
                      >
                        <Input
                          className={styles.fit}
                          aria-label={names.field(`evaluation.bands[${i}].grade`)}
                          value={band.grade}
                          onChange={(_, d) =>
                            set(
                              'bands',
                              form.bands.map((b, j) => (j === i ? { ...b, grade: d.value } : b)),
                            )
                          }
                        />
                      </Field>
                      <Field
                        className={styles.narrow}
                        label={i === 0 ? ui.bandMin : undefined}
                        validationMessage={problemAt(`evaluation.bands[${i}].min`)}
                      >
                        <Input
                          className={styles.fit}
                          aria-label={names.field(`evaluation.bands[${i}].min`)}
                          value={band.min}
                          inputMode="decimal"
                          onChange={(_, d) =>
                            set(
                              'bands',
                              form.bands.map((b, j) => (j === i ? { ...b, min: d.value } : b)),
                            )
                          }
                        />
                      </Field>
                      <Button
                        appearance="subtle"
                        aria-label={ui.removeBand(band.grade)}
                        disabled={form.bands.length <= 1}
                        onClick={() =>
                          set(
                            'bands',
                            form.bands.filter((_, j) => j !== i),
                          )
                        }
                      >
                        ×
                      </Button>
                    </div>
                  ))}
                  {problemAt('evaluation.bands') && (
                    <Caption1 role="alert">{problemAt('evaluation.bands')}</Caption1>
                  )}
                  <div>
                    <Button
                      size="small"
                      onClick={() => set('bands', [...form.bands, { grade: '', min: '0' }])}
                    >
                      {ui.addBand}
                    </Button>
                  </div>
                </section>
              </>
            ) : (
              <Caption1 as="p" data-testid="scheme-own-formulas">
                {ui.schemeOwnFormulas}
              </Caption1>
            )}
            <section className={styles.section}>
              <Subtitle2>{ui.narrativeSettings}</Subtitle2>
              <div className={styles.row}>
                {count('namedInTies', 'narrative.namedInTies')}
                {count('bottomCount', 'narrative.bottomCount')}
                {count('improvedCount', 'narrative.improvedCount')}
              </div>
              <div className={styles.row}>
                {choice('tiesAtCutoff', 'narrative.tiesAtCutoff', ['includeAll', 'cut'])}
                {choice('rateChange', 'narrative.rateChange', ['percent', 'percentagePoints'])}
              </div>
              <Field
                label={names.field('narrative.aliases')}
                hint={ui.aliasesHint}
                validationMessage={problemAt('narrative.aliases')}
              >
                <Textarea
                  value={form.aliases}
                  onChange={(_, d) => set('aliases', d.value)}
                  data-testid="setting-aliases"
                />
              </Field>
              <Field
                label={names.field('narrative.hotline.leftOut')}
                hint={ui.leftOutHint}
                validationMessage={problemAt('narrative.hotline.leftOut')}
              >
                <Textarea value={form.leftOut} onChange={(_, d) => set('leftOut', d.value)} />
              </Field>
            </section>
            <section className={styles.section}>
              <Subtitle2>{ui.reportSettings}</Subtitle2>
              {text('issuer', 'report.issuer')}
              {text('recipients', 'report.recipients')}
              {text('title', 'report.title', ui.titleHint)}
              {text('date', 'report.date', ui.dateHint)}
            </section>
            <div className={styles.tools}>
              <Button
                size="small"
                onClick={() => reset(resolveSettings({ report: { ...props.userDefaults } }))}
              >
                {ui.restoreDefaults}
              </Button>
              <Button size="small" onClick={exportFile}>
                {ui.exportSettings}
              </Button>
              <FilePicker
                ui={ui}
                button={ui.importSettings}
                accept=".json,application/json"
                testId="settings-file"
                onFile={(f) => void importFile(f)}
              />
            </div>
            {note && (
              <MessageBar intent={note.intent} role="alert">
                <MessageBarBody>{note.text}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{ui.cancel}</Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={saving} onClick={() => void save()}>
              {ui.save}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
