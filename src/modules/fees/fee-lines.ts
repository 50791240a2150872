import { tokyoDateOf, tokyoTimeOf } from '../../lib/dates.js';
import type { Translator } from '../../lib/i18n.js';
import type { FeeBand, FeeQuote } from './fees.js';
import type { FeeTable } from './fee-table.js';

/**
 * How a fee computed by the engine (fees.ts) is stored with an activity and shown to people.
 * Pure: no database, no clock.
 *
 * - Which child is "the first" (full rate): the oldest present, then by id. Siblings pay the
 *   sibling rate in that order. The total never depends on the order; per-child amounts (and so
 *   the free-childcare statement) do, so the order is fixed and documented.
 * - An activity with several categories is priced at the sick-child rate when one of them is
 *   the sick-child category; otherwise the category does not change the fee.
 * - Line amounts are exact (a sibling's half-rate unit can be ¥212.5); only per-child totals are
 *   rounded (half up), as DOMAIN.md says, and the total is their sum.
 */

export interface StoredFeeLine {
  /** The child this line is for (null in a quote, where children are anonymous). */
  childId: string | null;
  childIndex: number;
  band: FeeBand;
  /** ISO instants (UTC) of the first unit's start and the last charged unit's end. */
  from: string;
  to: string;
  minutes: number;
  units: number;
  /** Yen per hour for this child (the sibling factor applied). */
  rate: number;
  /** Exact yen (may carry a fraction; per-child totals are rounded). */
  amount: number;
}

export interface StoredChildTotal {
  childId: string | null;
  /** Integer yen. */
  amount: number;
}

export interface StoredFee {
  total: number;
  lines: StoredFeeLine[];
  childTotals: StoredChildTotal[];
}

/** A fee line for people: a label in their language plus the figures. */
export interface FeeLineView extends StoredFeeLine {
  label: string;
}

/** Children in fee order: the oldest first (the one who pays the full rate), then by id. */
export function orderChildrenForFee<T extends { id: string; birthDate: string }>(
  children: readonly T[],
): T[] {
  return [...children].sort((a, b) =>
    a.birthDate === b.birthDate ? (a.id < b.id ? -1 : 1) : a.birthDate < b.birthDate ? -1 : 1,
  );
}

/** The category the engine prices: the sick-child one when present, else the first. */
export function feeCategory(categories: readonly number[], table: FeeTable): number {
  if (categories.includes(table.sickChildCategory)) return table.sickChildCategory;
  return categories[0] ?? 0;
}

/** The engine's quote in storable form; `childIds[i]` is the child at fee position i. */
export function toStoredFee(quote: FeeQuote, childIds: readonly (string | null)[]): StoredFee {
  return {
    total: quote.total,
    lines: quote.lines.map((l) => ({
      childId: childIds[l.childIndex] ?? null,
      childIndex: l.childIndex,
      band: l.band,
      from: l.from.toISOString(),
      to: l.to.toISOString(),
      minutes: l.minutes,
      units: l.units,
      rate: l.rate,
      amount: l.amount,
    })),
    childTotals: quote.childTotals.map((amount, i) => ({ childId: childIds[i] ?? null, amount })),
  };
}

/** 「1人目 平日日中 18:30–19:00」 / "Child 1 · weekday daytime 18:30–19:00". */
export function feeLineLabel(
  t: Translator,
  line: Pick<StoredFeeLine, 'childIndex' | 'band' | 'from' | 'to'>,
): string {
  const params = {
    child: t('fees.childOrdinal', { n: line.childIndex + 1 }),
    band: t(`fees.band.${line.band}`),
    from: tokyoTimeOf(line.from),
    // A programme line ending at midnight ends at 24:00 of its day, not 00:00.
    to: line.band.startsWith('programme_')
      ? endTimeOfDay(line.from, line.to)
      : tokyoTimeOf(line.to),
  };
  // Programme care may run overnight: its lines (split at midnight) say their day.
  if (!line.band.startsWith('programme_')) return t('fees.line', params);
  return t('fees.lineDated', { ...params, date: tokyoDateOf(line.from) });
}

export function presentFeeLines(t: Translator, lines: readonly StoredFeeLine[]): FeeLineView[] {
  return lines.map((l) => ({ ...l, label: feeLineLabel(t, l) }));
}

/** Parses a stored JSON column, tolerating a damaged value (shown as no lines, never a 500). */
export function parseStoredJson<T>(raw: string, fallback: T): T {
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

/** The end time of a line as shown on its own day: '24:00' when it ends at the next midnight. */
function endTimeOfDay(from: string, to: string): string {
  const time = tokyoTimeOf(to);
  return time === '00:00' && tokyoDateOf(to) !== tokyoDateOf(from) ? '24:00' : time;
}
