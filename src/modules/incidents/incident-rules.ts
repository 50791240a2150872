/**
 * Pure rules of incidents (issue #19, DOMAIN.md "Insurance, refreshers, the national programme"):
 * what an incident may be linked to, when it happened, and when an accident is serious.
 */

export const INCIDENT_SITUATIONS = ['during_help', 'travel', 'training', 'event', 'other'] as const;
export const INCIDENT_VICTIMS = ['child', 'helper', 'third_party', 'property', 'none'] as const;
export const INCIDENT_LINKS = ['activity', 'request', 'trainingSession', 'event'] as const;
export type IncidentLinkKind = (typeof INCIDENT_LINKS)[number];

/** An injury needing this many days of treatment or more is a serious accident (重大事故). */
export const SERIOUS_TREATMENT_DAYS = 30;

export const needsSeriousReport = (treatmentDays: number | null | undefined) =>
  treatmentDays !== null && treatmentDays !== undefined && treatmentDays >= SERIOUS_TREATMENT_DAYS;

/**
 * When an incident happened: its own time, or (for one recorded on an activity report before
 * incidents stood on their own) the start of its activity.
 */
export function occurredAtOf(i: {
  occurred_at: string | null;
  activity_started_at: string | null;
  created_at: string;
}): string {
  return i.occurred_at ?? i.activity_started_at ?? i.created_at;
}

/**
 * Where and in what situation an incident happened: its own answers, or (for one recorded on an
 * activity report) the activity's place and "during help".
 */
export function circumstancesOf<Situation extends string>(i: {
  place: string | null;
  activity_place: string | null;
  situation: Situation | null;
  activity_id: string | null;
}) {
  return {
    place: i.place ?? i.activity_place,
    situation: i.situation ?? (i.activity_id ? ('during_help' as const) : null),
  };
}

/** The one link an incident has, if any (the table allows at most one). */
export function linkOf(i: {
  activity_id: string | null;
  request_id: string | null;
  training_session_id: string | null;
  event_id: string | null;
}): { kind: IncidentLinkKind; id: string } | null {
  if (i.activity_id) return { kind: 'activity', id: i.activity_id };
  if (i.request_id) return { kind: 'request', id: i.request_id };
  if (i.training_session_id) return { kind: 'trainingSession', id: i.training_session_id };
  if (i.event_id) return { kind: 'event', id: i.event_id };
  return null;
}

/** The form's one link field ('request:ID') split, or null for none / something unreadable. */
export function parseLinkValue(value: string): { kind: IncidentLinkKind; id: string } | null {
  const at = value.indexOf(':');
  if (at <= 0) return null;
  const kind = value.slice(0, at);
  const id = value.slice(at + 1);
  if (!id || !(INCIDENT_LINKS as readonly string[]).includes(kind)) return null;
  return { kind: kind as IncidentLinkKind, id };
}
