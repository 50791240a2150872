import { insertOrRefuse, type Atomic, type Compilable } from './atomic.js';

/** What taking a seat answers: a seat (`registered`, `enrolled`) or a place on the waitlist. */
export interface SeatTaken<Status extends string> {
  status: Status | 'waitlisted';
  waitlistPosition: number | null;
}

/**
 * Takes a seat of a session with a capacity (an event, a training session) by ONE conditional
 * INSERT whose SQL decides seat or waitlist (insertOrRefuse's refusals apply), then reads the
 * waitlist place of a waitlisted member: the insert cannot return it (others may have joined).
 */
export async function takeSeat<Status extends string>(
  atomic: Atomic,
  insert: Compilable,
  refuse: { duplicate: () => Error; skipped: () => Error },
  waitlistPosition: () => Promise<number | null | undefined>,
): Promise<SeatTaken<Status>> {
  const { rows } = await insertOrRefuse(atomic, insert, refuse);
  const { status } = rows[0] as { status: Status | 'waitlisted' };
  if (status !== 'waitlisted') return { status, waitlistPosition: null };
  return { status, waitlistPosition: Number((await waitlistPosition()) ?? 1) };
}
