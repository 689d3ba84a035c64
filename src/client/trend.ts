/**
 * The dashboard's "Trend" section (rules §13): the adoption rate against training completion
 * over the trend's weeks, the training cohorts' curves by week since training against the
 * programme target, and this week's transitions with names. The charts are inline SVG built
 * node by node (no chart library, nothing parsed from a string); each has a table with the same
 * numbers for screen readers. A null value (a week not ended) is a gap in a line, never a zero.
 */
import type { Cohort, History, HistoryWeek, Transitions } from '../core/history/history-types';
import { COHORT_WEEKS, TARGET_BAND } from '../core/history/history-types';
import { COHORTS_CHARTED } from '../core/history/tables';
import { el, svg, teamList, uniqueId, type Child } from './dom';
import { dateLabel, percent, plural } from './format';

/** The charts' drawing space; the SVG scales to the panel's width (about 280 px in the sidebar). */
const WIDTH = 280;
const HEIGHT = 150;
const PLOT = { left: 38, right: WIDTH - 8, top: 8, bottom: HEIGHT - 22 };

interface Series {
  label: string;
  /** CSS class giving the line its colour. */
  kind: string;
  values: readonly (number | null)[];
}

/** "2 Mar" for an ISO day: the axis and table headers have room for no more. */
function shortDate(iso: string): string {
  const words = dateLabel(iso).split(' ');
  return words.length === 4 ? `${words[1]} ${words[2]}` : iso;
}

function xAt(i: number, count: number): number {
  const span = PLOT.right - PLOT.left;
  return PLOT.left + (count <= 1 ? span / 2 : (i * span) / (count - 1));
}

function yAt(rate: number): number {
  return PLOT.top + (1 - Math.min(1, Math.max(0, rate))) * (PLOT.bottom - PLOT.top);
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The runs of consecutive indexes at which every one of `values` is known. */
function knownRuns(count: number, ...values: readonly (readonly (number | null)[])[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (let i = 0; i < count; i++) {
    if (values.every((v) => v[i] !== null && v[i] !== undefined)) run.push(i);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function line(series: Series, count: number): SVGElement {
  const at = (i: number) => `${round(xAt(i, count))},${round(yAt(series.values[i]!))}`;
  return svg(
    'g',
    { class: `series ${series.kind}` },
    knownRuns(count, series.values).map((run) => [
      run.length > 1 && svg('polyline', { points: run.map(at).join(' ') }),
      run.map((i) => svg('circle', { cx: round(xAt(i, count)), cy: round(yAt(series.values[i]!)), r: 2 })),
    ]),
  );
}

/** The area between two series where both are known: the gap made visible. */
function areaBetween(upper: Series, lower: Series, count: number): SVGElement {
  const at = (values: Series['values']) => (i: number) => `${round(xAt(i, count))},${round(yAt(values[i]!))}`;
  return svg(
    'g',
    { class: 'trend-gap' },
    knownRuns(count, upper.values, lower.values)
      .filter((run) => run.length > 1)
      .map((run) =>
        svg('polygon', {
          points: [...run.map(at(upper.values)), ...[...run].reverse().map(at(lower.values))].join(' '),
        }),
      ),
  );
}

function axes(xLabels: readonly string[], showX: (i: number) => boolean): SVGElement {
  const count = xLabels.length;
  return svg(
    'g',
    { class: 'axes' },
    [0, 0.5, 1].map((rate) => [
      svg('line', { x1: PLOT.left, x2: PLOT.right, y1: yAt(rate), y2: yAt(rate), class: 'grid' }),
      svg('text', { x: PLOT.left - 4, y: yAt(rate) + 4, 'text-anchor': 'end' }, percent(rate)),
    ]),
    xLabels.map(
      // The last label ends at the plot's edge rather than running past the sidebar's.
      (label, i) =>
        showX(i) &&
        svg(
          'text',
          { x: round(xAt(i, count)), y: HEIGHT - 6, 'text-anchor': i === count - 1 ? 'end' : 'middle' },
          label,
        ),
    ),
  );
}

function chart(label: string, drawing: Child[]): SVGElement {
  return svg(
    'svg',
    { class: 'trend-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label, focusable: 'false' },
    drawing,
  );
}

function legend(items: readonly { label: string; kind: string }[]): HTMLElement {
  return el(
    'ul',
    { class: 'trend-legend' },
    items.map((item) =>
      el('li', null, el('span', { class: `swatch ${item.kind}`, 'aria-hidden': 'true' }), item.label),
    ),
  );
}

/** The chart's numbers as a table, closed under a summary so that it costs no room until asked for. */
function numbers(caption: string, head: readonly string[], rows: readonly (readonly string[])[], id: string) {
  return el(
    'details',
    { class: 'trend-table' },
    el('summary', null, 'Show as a table'),
    el(
      'div',
      { class: 'table-scroll' },
      el(
        'table',
        { id },
        el('caption', null, caption),
        el(
          'thead',
          null,
          el(
            'tr',
            null,
            head.map((h) => el('th', { scope: 'col' }, h)),
          ),
        ),
        el(
          'tbody',
          null,
          rows.map(([first, ...rest]) =>
            el(
              'tr',
              null,
              el('th', { scope: 'row' }, first),
              rest.map((v) => el('td', null, v)),
            ),
          ),
        ),
      ),
    ),
  );
}

function adoptionChart(weeks: readonly HistoryWeek[]): Child[] {
  const adoption: Series = { label: 'Adoption rate', kind: 'trend-adoption', values: weeks.map((w) => w.adoptionRate) };
  const training: Series = {
    label: 'Training completion',
    kind: 'trend-training',
    values: weeks.map((w) => w.trainingCompletionRate),
  };
  const last = weeks[weeks.length - 1];
  const labels = weeks.map((w) => shortDate(w.asOf));
  const ariaLabel =
    `Adoption rate and training completion over ${plural(weeks.length, 'week')} ending ${dateLabel(last.asOf)}: ` +
    `adoption ${percent(last.adoptionRate)}, training ${percent(last.trainingCompletionRate)} in the last week.`;
  return [
    el('h3', null, 'Adoption against training'),
    chart(ariaLabel, [
      axes(labels, (i) => i === 0 || i === weeks.length - 1 || i === Math.floor((weeks.length - 1) / 2)),
      areaBetween(training, adoption, weeks.length),
      line(training, weeks.length),
      line(adoption, weeks.length),
    ]),
    legend([adoption, training, { label: 'Gap: trained, not adopting', kind: 'trend-gap' }]),
    numbers(
      'Adoption rate and training completion by week (– : not known)',
      ['Week ending', 'Adoption', 'Trained'],
      weeks.map((w) => [shortDate(w.asOf), percent(w.adoptionRate), percent(w.trainingCompletionRate)]),
      'trend-weeks-table',
    ),
  ];
}

function cohortChart(cohorts: readonly Cohort[], allCohorts: History['allCohorts']): Child[] {
  if (cohorts.length === 0) return [el('p', { class: 'hint' }, 'No member in scope has a training date yet.')];
  const charted = cohorts.slice(-COHORTS_CHARTED);
  const all: Series = { label: 'All cohorts', kind: 'trend-all', values: allCohorts };
  const series: Series[] = charted.map((c, i) => ({
    label: `Trained week of ${shortDate(c.week)}`,
    kind: `trend-cohort-${i}`,
    values: c.genuineShare,
  }));
  const labels = Array.from({ length: COHORT_WEEKS }, (_, i) => String(i + 1));
  const known = allCohorts.filter((v): v is number => v !== null);
  const ariaLabel =
    `Share of Genuine adopters by week since training, weeks 1 to ${COHORT_WEEKS}, for ${plural(charted.length, 'cohort')} ` +
    `and all cohorts, against the programme target of ${percent(TARGET_BAND.low)} to ${percent(TARGET_BAND.high)}` +
    (known.length > 0 ? `: all cohorts at ${percent(known[known.length - 1])} in week ${known.length}.` : '.');
  const bandTop = yAt(TARGET_BAND.high);
  return [
    el('h3', null, 'Cohorts by week since training'),
    chart(ariaLabel, [
      svg('rect', {
        class: 'trend-band',
        x: PLOT.left,
        y: bandTop,
        width: PLOT.right - PLOT.left,
        height: round(yAt(TARGET_BAND.low) - bandTop),
      }),
      axes(labels, (i) => i === 0 || (i + 1) % 4 === 0),
      series.map((s) => line(s, COHORT_WEEKS)),
      line(all, COHORT_WEEKS),
    ]),
    legend([
      all,
      ...series,
      {
        label: `Programme target ${percent(TARGET_BAND.low)}–${percent(TARGET_BAND.high)} (day 30)`,
        kind: 'trend-band',
      },
    ]),
    numbers(
      'Share of Genuine adopters by week since training; columns: all cohorts, then each cohort by the Monday of its training week (– : week not ended)',
      ['Week', 'All', ...cohorts.map((c) => shortDate(c.week))],
      labels.map((label, k) => [
        label,
        percent(allCohorts[k] ?? null),
        ...cohorts.map((c) => percent(c.genuineShare[k] ?? null)),
      ]),
      'trend-cohorts-table',
    ),
  ];
}

const TRANSITIONS: readonly [keyof Transitions, string][] = [
  ['retained', 'Retained'],
  ['newAdopters', 'New adopters'],
  ['reactivated', 'Reactivated'],
  ['lapsed', 'Lapsed'],
];

function transitions(t: Transitions): Child[] {
  return [
    el('h3', null, 'This week against last week'),
    el(
      'dl',
      { class: 'trend-transitions', id: 'trend-transitions' },
      TRANSITIONS.map(([key, label]) => [
        el('dt', null, `${label} (${t[key].length})`),
        el('dd', { 'data-transition': key }, t[key].length === 0 ? 'none' : teamList(t[key], (name) => name)),
      ]),
    ),
  ];
}

/** The Trend section, or nothing when the dashboard has no history (a set-up problem). */
export function trendSection(history: History | null): HTMLElement[] {
  if (!history || history.weeks.length === 0) return [];
  const id = uniqueId('section');
  return [
    el(
      'section',
      { class: 'panel trend', id: 'trend', 'aria-labelledby': id },
      el('h2', { id }, 'Trend'),
      adoptionChart(history.weeks),
      cohortChart(history.cohorts, history.allCohorts),
      transitions(history.transitions),
    ),
  ];
}
