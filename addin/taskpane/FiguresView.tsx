import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { CHART_WIDTH } from '../../src/charts/option';
import { renderChartSvg } from '../../src/charts/svg';
import type { UiStrings } from '../../src/i18n/catalog';
import { textBlocks } from '../../src/report/model';
import type { ChartSpec } from '../../src/summary/chart-spec';

/**
 * The figures the paragraphs announce, under them: each chart the text still names
 * (“【图：标题】”), numbered as the document numbers them (图1, 图2…), drawn by ECharts as SVG
 * and shown as an <img> (a data: URL; the web page's CSP allows `img-src data:`).
 *
 * This module brings ECharts (≈ 176 KB gzipped): it is only ever loaded lazily (see
 * NarrativeSection), so the panes' first paint does not wait for it.
 */

/**
 * Charts are drawn 600 px wide with 14–15 px text (the .docx prints them 15 cm wide). Shrunk
 * to a 320 px pane that text would be 7 px: a picture is never shown narrower than this, and
 * a narrow pane scrolls it sideways instead (about 0.8 of its size: 12 px text).
 */
const MIN_SHOWN_WIDTH = 480;

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginTop: tokens.spacingVerticalL,
  },
  figure: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    alignItems: 'center',
  },
  frame: {
    width: '100%',
    maxWidth: `${CHART_WIDTH + 2}px`,
    overflowX: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#FFFFFF',
  },
  image: {
    display: 'block',
    width: '100%',
    minWidth: `${MIN_SHOWN_WIDTH}px`,
    maxWidth: `${CHART_WIDTH}px`,
    height: 'auto',
    margin: '0 auto',
  },
  caption: { textAlign: 'center' },
  // Said only where the pictures do not fit: the frame is narrower than MIN_SHOWN_WIDTH.
  hint: {
    color: tokens.colorNeutralForeground3,
    [`@media (min-width: ${MIN_SHOWN_WIDTH + 40}px)`]: { display: 'none' },
  },
});

/** A pie's middle is where its slices and largest labels are: a narrow frame starts there. */
function centre(image: HTMLImageElement): void {
  const frame = image.parentElement;
  if (frame) frame.scrollLeft = Math.max(0, (frame.scrollWidth - frame.clientWidth) / 2);
}

/** Each chart drawn once: the text is re-read at every keystroke, the charts stay the same. */
const drawn = new WeakMap<ChartSpec, string | null>();

/** The chart as a data: URL; null when ECharts cannot draw it (the pane says so in its place). */
function svgUrl(chart: ChartSpec): string | null {
  let url = drawn.get(chart);
  if (url === undefined) {
    try {
      url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderChartSvg(chart))}`;
    } catch {
      url = null;
    }
    drawn.set(chart, url);
  }
  return url;
}

export interface FiguresViewProps {
  /** The paragraphs as they stand in the box (the user's edits included). */
  readonly text: string;
  readonly charts: readonly ChartSpec[];
  readonly ui: UiStrings;
}

export default function FiguresView({ text, charts, ui }: FiguresViewProps) {
  const styles = useStyles();
  // The same reading as the document's: a figure the user deleted from the text is not shown,
  // and the numbering is the one the exported bulletin prints.
  const figures = useMemo(
    () =>
      textBlocks(text, undefined, charts).flatMap((b) =>
        b.kind === 'figure' ? [{ chart: b.chart, caption: b.caption }] : [],
      ),
    [text, charts],
  );
  if (figures.length === 0) return null;
  return (
    <section aria-label={ui.figures} className={styles.list} data-testid="figures">
      <Subtitle2 as="h3">{ui.figures}</Subtitle2>
      <Caption1 className={styles.hint}>{ui.figuresScroll}</Caption1>
      {figures.map(({ chart, caption }) => {
        const url = svgUrl(chart);
        return (
          <figure key={caption} className={styles.figure}>
            {url === null ? (
              <Caption1 as="p" role="alert" data-testid="figure-failed">
                {ui.figureNotDrawn}
              </Caption1>
            ) : (
              <div className={styles.frame}>
                <img
                  className={styles.image}
                  src={url}
                  alt={caption}
                  onLoad={chart.kind === 'pie' ? (e) => centre(e.currentTarget) : undefined}
                />
              </div>
            )}
            <Caption1 as="p" className={styles.caption}>
              {caption}
            </Caption1>
          </figure>
        );
      })}
    </section>
  );
}
