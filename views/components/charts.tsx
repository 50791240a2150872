/**
 * Server-rendered SVG charts: no script, no library, and they print. Each chart is a <figure>
 * with an HTML legend, an SVG with role="img" named by its <title> and <desc>, and a <details>
 * table with the same numbers (the text alternative that screen readers and Excel users want).
 *
 * Sizes: every chart draws in a narrow viewBox (300 units wide) so that its 12-unit text is still
 * about 11.5 px on a 320 px phone (288 px of content); CSS caps the width on desktop. Series differ by shape and fill
 * (solid, outlined, dashed, marker), never by colour alone, and every colour has at least 3:1
 * contrast on white (WCAG 1.4.11).
 */
import type { Child } from 'hono/jsx';

/**
 * One named row of values, in the order of the chart's categories. `null` is "no value yet"
 * (a month still to come): not drawn, and written as a dash in the table.
 */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

const known = (values: (number | null)[]): number[] =>
  values.filter((v): v is number => v !== null);

/** The words every chart needs, already translated by the page. */
export interface ChartText {
  /** A unique, stable id prefix for the element ids of this chart. */
  id: string;
  title: string;
  /** One or two sentences that say what the chart shows (its <desc>). */
  summary: string;
  /** The <summary> of the data table disclosure, e.g. 「数値を表で見る」. */
  tableLabel: string;
  /** The header of the category column of the data table, e.g. 「月」. */
  categoryHeader: string;
  /** How a value is written in the table and on the axis (e.g. thousands separators). */
  format?: (value: number) => string;
  /** An optional caption of the value axis, e.g. （件）. */
  unit?: string;
  /** An optional caption of the category axis, e.g. （月）. */
  axis?: string;
}

const WIDTH = 300;
const FONT = 12;
/** Colours for series: blue, dark grey, green, orange; all ≥ 4.5:1 on white. */
const COLOURS = ['#0031d8', '#4d4d4d', '#197a4b', '#b34700'] as const;
const DASHES = [undefined, '6 4', '2 3', '10 3 2 3'] as const;
const defaultFormat = (n: number) => n.toLocaleString('ja-JP');

/** A round axis maximum and tick step (1, 2 or 5 × 10^k) with at most about 5 ticks. */
export function niceScale(max: number): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  // Counts are whole numbers: a step below 1 would print 0.5 ticks.
  const wholeStep = Math.max(step, 1);
  return { max: Math.ceil(max / wholeStep) * wholeStep, step: wholeStep };
}

/** Rough text width in viewBox units: CJK and full-width glyphs are 1 em, the rest about 0.6. */
export function textWidth(text: string, fontSize = FONT): number {
  let em = 0;
  for (const ch of text) em += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return em * fontSize;
}

/**
 * Breaks a label into lines no wider than `maxWidth`: between words for Latin text, anywhere for
 * Japanese (which has no spaces). SVG text does not wrap by itself.
 */
export function wrapLabel(text: string, maxWidth: number, fontSize = FONT): string[] {
  // Tokens: one per Japanese character, one per Latin word with its trailing space.
  const tokens =
    text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && textWidth(line + token, fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  // Japanese line breaking (禁則), simply: no line ends with an opening bracket, none starts with
  // a closing bracket or punctuation.
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const cur = lines[i]!;
    if (/[（「『(]$/.test(prev)) {
      lines[i - 1] = prev.slice(0, -1);
      lines[i] = prev.slice(-1) + cur;
    } else if (/^[）」』)、。・ー]/.test(cur)) {
      lines[i - 1] = prev + cur[0];
      lines[i] = cur.slice(1);
    }
  }
  return lines.length ? lines.filter((l) => l !== '') : [''];
}

function Legend(props: { series: { label: string; swatch: Child }[] }) {
  return (
    <ul class="chart__legend">
      {props.series.map((s) => (
        <li>
          <svg class="chart__swatch" viewBox="0 0 24 12" width="24" height="12" aria-hidden="true">
            {s.swatch}
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}

function DataTable(props: { text: ChartText; categories: string[]; series: ChartSeries[] }) {
  // The table names each row in full (「2026年4月」) where the axis has room only for 「4」.
  const { text, categories, series } = props;
  const format = text.format ?? defaultFormat;
  return (
    <details class="chart__data">
      <summary>{text.tableLabel}</summary>
      <div class="table-scroll">
        <table class="table table--figures">
          <caption class="visually-hidden">{text.title}</caption>
          <thead>
            <tr>
              <th scope="col">{text.categoryHeader}</th>
              {series.map((s) => (
                <th scope="col">{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, i) => (
              <tr>
                <th scope="row">{category}</th>
                {series.map((s) => (
                  <td class="num">{s.values[i] == null ? '—' : format(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Frame(props: {
  text: ChartText;
  height: number;
  legend?: Child;
  /** Row names of the data table. */
  categories: string[];
  series: ChartSeries[];
  children: Child;
}) {
  const { text } = props;
  return (
    <figure class="chart" id={text.id}>
      <figcaption class="chart__title">{text.title}</figcaption>
      {props.legend}
      <svg
        class="chart__svg"
        viewBox={`0 0 ${WIDTH} ${props.height}`}
        role="img"
        aria-labelledby={`${text.id}-title ${text.id}-desc`}
        font-size={FONT}
      >
        <title id={`${text.id}-title`}>{text.title}</title>
        <desc id={`${text.id}-desc`}>{text.summary}</desc>
        {props.children}
      </svg>
      <DataTable text={text} categories={props.categories} series={props.series} />
    </figure>
  );
}

/** Horizontal grid lines with their values on the left; returns the y of a value. */
function YAxis(props: {
  scale: { max: number; step: number };
  left: number;
  top: number;
  bottom: number;
  format: (n: number) => string;
}) {
  const { scale, left, top, bottom } = props;
  const ticks: number[] = [];
  for (let v = 0; v <= scale.max; v += scale.step) ticks.push(v);
  const y = (v: number) => bottom - ((bottom - top) * v) / scale.max;
  return (
    <g class="chart__axis">
      {ticks.map((v) => (
        <>
          <line x1={left} x2={WIDTH - 4} y1={y(v)} y2={y(v)} stroke="#d8d8db" stroke-width="1" />
          <text x={left - 4} y={y(v) + 4} text-anchor="end" fill="#4d4d4d">
            {props.format(v)}
          </text>
        </>
      ))}
      <line x1={left} x2={WIDTH - 4} y1={bottom} y2={bottom} stroke="#1a1a1c" stroke-width="1" />
    </g>
  );
}

/** （件） above the value axis and （月） under the category axis, when given. */
function AxisCaptions(props: { text: ChartText; left: number; bottom: number }) {
  const { text } = props;
  return (
    <g class="chart__captions" fill="#4d4d4d">
      {text.unit && (
        <text x={0} y={12}>
          {text.unit}
        </text>
      )}
      {text.axis && (
        <text x={(props.left + WIDTH) / 2} y={props.bottom + 34} text-anchor="middle">
          {text.axis}
        </text>
      )}
    </g>
  );
}

function leftMargin(max: number, format: (n: number) => string): number {
  return Math.ceil(textWidth(format(max))) + 10;
}

/**
 * Columns per category (e.g. the 12 months of a fiscal year), with up to two series side by side:
 * the first solid, the second (the previous year) outlined.
 */
export function ColumnChart(props: {
  text: ChartText;
  /** Axis labels (short). */
  categories: string[];
  /** Full names for the data table; the axis labels when absent. */
  rowLabels?: string[];
  series: ChartSeries[];
}) {
  const { text, categories } = props;
  const series = props.series.slice(0, 2);
  const format = text.format ?? defaultFormat;
  const top = text.unit ? 24 : 12;
  const bottom = top + 174;
  const height = bottom + (text.axis ? 40 : 24);
  const scale = niceScale(Math.max(0, ...series.flatMap((s) => known(s.values))));
  const left = leftMargin(scale.max, format);
  const slot = (WIDTH - 4 - left) / Math.max(categories.length, 1);
  const barWidth = Math.max(2, (slot - 4) / series.length);
  const y = (v: number) => bottom - ((bottom - top) * v) / scale.max;
  return (
    <Frame
      text={text}
      height={height}
      categories={props.rowLabels ?? categories}
      series={series}
      legend={
        <Legend
          series={series.map((s, i) => ({
            label: s.label,
            swatch: columnSwatch(i),
          }))}
        />
      }
    >
      <YAxis scale={scale} left={left} top={top} bottom={bottom} format={format} />
      <AxisCaptions text={text} left={left} bottom={bottom} />
      {series.map((s, si) => (
        <g class={`chart__series chart__series--${si}`}>
          {categories.map((_, ci) => {
            const value = s.values[ci] ?? 0;
            const x = left + ci * slot + 2 + si * barWidth;
            const h = bottom - y(value);
            return si === 0 ? (
              <rect x={x} y={y(value)} width={barWidth - 1} height={h} fill={COLOURS[0]} />
            ) : (
              <rect
                x={x + 0.75}
                y={y(value) + 0.75}
                width={Math.max(barWidth - 2.5, 0.5)}
                height={Math.max(h - 0.75, 0)}
                fill="#ffffff"
                stroke={COLOURS[1]}
                stroke-width="1.5"
              />
            );
          })}
        </g>
      ))}
      <g class="chart__labels" fill="#1a1a1c">
        {categories.map((c, ci) => (
          <text x={left + ci * slot + slot / 2} y={bottom + 16} text-anchor="middle">
            {c}
          </text>
        ))}
      </g>
    </Frame>
  );
}

function columnSwatch(index: number) {
  return index === 0 ? (
    <rect x="1" y="1" width="22" height="10" fill={COLOURS[0]} />
  ) : (
    <rect
      x="1.5"
      y="1.5"
      width="21"
      height="9"
      fill="#fff"
      stroke={COLOURS[1]}
      stroke-width="1.5"
    />
  );
}

/**
 * One bar per category, drawn horizontally with its label above it (long Japanese category names
 * get the full width) and its value after it.
 */
export function BarChart(props: { text: ChartText; categories: string[]; values: number[] }) {
  const { text, categories, values } = props;
  const format = text.format ?? defaultFormat;
  const max = Math.max(0, ...values);
  // Labels have the whole width to themselves: a size larger than the other charts' text.
  const font = 14;
  const lineHeight = 17;
  const barHeight = 14;
  const valueRoom = Math.ceil(textWidth(format(max), font)) + 8;
  const barMax = WIDTH - 4 - valueRoom;
  const rows = categories.map((c) => wrapLabel(c, WIDTH - 4, font));
  const rowHeights = rows.map((lines) => lines.length * lineHeight + barHeight + 10);
  const height = rowHeights.reduce((a, b) => a + b, 0) + 4;
  let cursor = 2;
  return (
    <Frame
      text={text}
      height={height}
      categories={categories}
      series={[{ label: text.title, values }]}
    >
      {rows.map((lines, i) => {
        const top = cursor;
        cursor += rowHeights[i] ?? 0;
        const value = values[i] ?? 0;
        const length = max > 0 ? (barMax * value) / max : 0;
        const barTop = top + lines.length * lineHeight + 3;
        return (
          <g>
            <text x="0" y={top + 13} fill="#1a1a1c" font-size={font}>
              {lines.map((line, li) => (
                <tspan x="0" dy={li === 0 ? 0 : lineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
            <rect
              x="0"
              y={barTop}
              width={Math.max(length, 0)}
              height={barHeight}
              fill={COLOURS[0]}
            />
            <text x={length + 4} y={barTop + 12} fill="#1a1a1c" font-size={font} font-weight="700">
              {format(value)}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

/** Lines over categories (e.g. month-end member totals), each with its own dash and marker. */
export function LineChart(props: {
  text: ChartText;
  categories: string[];
  rowLabels?: string[];
  series: ChartSeries[];
}) {
  const { text, categories } = props;
  const series = props.series.slice(0, COLOURS.length);
  const format = text.format ?? defaultFormat;
  const top = text.unit ? 24 : 12;
  const bottom = top + 174;
  const height = bottom + (text.axis ? 40 : 24);
  const scale = niceScale(Math.max(0, ...series.flatMap((s) => known(s.values))));
  const left = leftMargin(scale.max, format);
  const slot = (WIDTH - 4 - left) / Math.max(categories.length, 1);
  const x = (i: number) => left + i * slot + slot / 2;
  const y = (v: number) => bottom - ((bottom - top) * v) / scale.max;
  return (
    <Frame
      text={text}
      height={height}
      categories={props.rowLabels ?? categories}
      series={series}
      legend={
        <Legend
          series={series.map((s, i) => ({
            label: s.label,
            swatch: (
              <>
                <line
                  x1="1"
                  x2="23"
                  y1="6"
                  y2="6"
                  stroke={COLOURS[i]}
                  stroke-width="2"
                  stroke-dasharray={DASHES[i]}
                />
                <Marker index={i} cx={12} cy={6} />
              </>
            ),
          }))}
        />
      }
    >
      <YAxis scale={scale} left={left} top={top} bottom={bottom} format={format} />
      <AxisCaptions text={text} left={left} bottom={bottom} />
      {series.map((s, si) => (
        <g class={`chart__series chart__series--${si}`}>
          <polyline
            points={points(s.values)
              .map(([i, v]) => `${x(i)},${y(v)}`)
              .join(' ')}
            fill="none"
            stroke={COLOURS[si]}
            stroke-width="2"
            stroke-dasharray={DASHES[si]}
          />
          {points(s.values).map(([i, v]) => (
            <Marker index={si} cx={x(i)} cy={y(v)} />
          ))}
        </g>
      ))}
      <g class="chart__labels" fill="#1a1a1c">
        {categories.map((c, i) => (
          <text x={x(i)} y={bottom + 16} text-anchor="middle">
            {c}
          </text>
        ))}
      </g>
    </Frame>
  );
}

/** The drawn points of a line: index and value, skipping the months still to come. */
function points(values: (number | null)[]): [number, number][] {
  return values.flatMap((v, i): [number, number][] => (v === null ? [] : [[i, v]]));
}

/** Circle, square, triangle, diamond: a series is told apart without its colour. */
function Marker(props: { index: number; cx: number; cy: number }) {
  const { index, cx, cy } = props;
  const colour = COLOURS[index] ?? COLOURS[0];
  switch (index) {
    case 1:
      return <rect x={cx - 3} y={cy - 3} width="6" height="6" fill={colour} />;
    case 2:
      return (
        <polygon points={`${cx},${cy - 4} ${cx + 4},${cy + 3} ${cx - 4},${cy + 3}`} fill={colour} />
      );
    case 3:
      return (
        <polygon
          points={`${cx},${cy - 4} ${cx + 4},${cy} ${cx},${cy + 4} ${cx - 4},${cy}`}
          fill={colour}
        />
      );
    default:
      return <circle cx={cx} cy={cy} r="3.5" fill={colour} />;
  }
}
