/**
 * The rule every JSON body with a `startsAt`/`endsAt` pair keeps (events, orientations, training
 * sessions, requests, activities): it ends after it starts, reported on `endsAt`.
 *
 *     z.object({ startsAt: instant, endsAt: instant, … }).strict().refine(endsAfterStart, endsAfterStartIssue)
 */
export const endsAfterStart = (v: { startsAt: string; endsAt: string }) =>
  Date.parse(v.endsAt) > Date.parse(v.startsAt);

export const endsAfterStartIssue = { path: ['endsAt'], message: 'validation.end_after_start' };
