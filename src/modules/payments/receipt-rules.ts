import { parseStoredJson } from '../fees/fee-lines.js';
import type { PaymentMethodCode } from './payment-rules.js';

/**
 * Receipts (領収書) of received payments (issue #18), pure. A receipt lists what the family paid
 * and the helper acknowledged: per activity its date and times, categories, each child's fee,
 * the costs, the total, the payment date and method, and who received it when. Its total is the
 * sum of the amounts received. Numbers run per fiscal year of issue: 2026-000001.
 */

export interface ReceiptLine {
  kind: 'activity' | 'cancellation';
  id: string;
  startedAt: string;
  endedAt: string | null;
  categories: number[];
  /** Each child's share of the fee (first child full rate, siblings the sibling rate). */
  children: { name: string; amount: number }[];
  fee: number;
  transportCost: number;
  mealCost: number;
  /** What was due: fee + costs, or the cancellation fee. */
  due: number;
  paidOn: string;
  method: PaymentMethodCode;
  amountPaid: number;
  helperName: string;
  /** When the helper acknowledged receipt (ISO instant). */
  receivedAt: string;
}

export interface ReceiptContent {
  familyName: string;
  memberNo: number | null;
  month: string | null;
  lines: ReceiptLine[];
  total: number;
}

export function receiptNumber(fiscalYear: number, seq: number): string {
  return `${fiscalYear}-${String(seq).padStart(6, '0')}`;
}

/** The receipt's content: lines by date, the total received. */
export function buildReceiptContent(input: {
  familyName: string;
  memberNo: number | null;
  month: string | null;
  lines: ReceiptLine[];
}): ReceiptContent {
  const lines = [...input.lines].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return { ...input, lines, total: lines.reduce((a, l) => a + l.amountPaid, 0) };
}

/** A reprint: the same receipt printed again is marked 再発行. */
export const isReissue = (printCount: number) => printCount > 1;

/** A receipt as pages and the API show it. */
export function receiptView(row: {
  id: string;
  fiscal_year: number;
  seq: number;
  kind: 'activity' | 'month';
  issued_at: string;
  last_printed_at: string;
  print_count: number;
  content: string;
}) {
  return {
    id: row.id,
    number: receiptNumber(row.fiscal_year, row.seq),
    kind: row.kind,
    issuedAt: row.issued_at,
    lastPrintedAt: row.last_printed_at,
    printCount: row.print_count,
    content: parseStoredJson<ReceiptContent>(row.content, {
      familyName: '',
      memberNo: null,
      month: null,
      lines: [],
      total: 0,
    }),
  };
}
export type ReceiptView = ReturnType<typeof receiptView>;
