import type {
  ActivityStatus,
  EventKind,
  EventRegistrationStatus,
  LocalGroupKind,
  OfferStatus,
  RequestStatus,
  SideStatus,
} from '../../db/schema.js';
import type { DisplayStatus } from '../../src/modules/trainings/trainings.views.js';

/**
 * The badge tones (views/styles/components.css `.badge--*`). Each says one thing, the same on
 * every page: `warning` waits for someone, `info` is under way, `success` is settled or allowed,
 * `danger` stopped or must be put right, `muted` is over, `accent` and `neutral` only sort
 * (kinds, audiences).
 */
export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'muted' | 'accent';

/** 説明会: planned until the sheet is filled in, then attended or absent. */
export type OrientationAttendance = 'planned' | 'attended' | 'absent';
export const attendanceOf = (attended: 0 | 1 | null): OrientationAttendance =>
  attended === 1 ? 'attended' : attended === 0 ? 'absent' : 'planned';
/** A fee table by its dates: not yet valid, the one in force, replaced. */
export type FeeTableState = 'scheduled' | 'current' | 'past';

/**
 * Every domain value shown as a badge, mapped to its tone in one place. Typed by the schema's
 * unions, so a status added there fails to compile here until it has a tone.
 */
const TONES = {
  request: {
    open: 'warning',
    offered: 'info',
    matched: 'success',
    completed: 'muted',
    cancelled: 'danger',
    // No helper was found before the help began: staff follow up with the family.
    unfilled: 'danger',
  } satisfies Record<RequestStatus, Tone>,
  offer: {
    offered: 'info',
    accepted: 'success',
    declined: 'warning',
    closed: 'muted',
    expired: 'muted',
    withdrawn: 'muted',
  } satisfies Record<OfferStatus, Tone>,
  side: {
    applied: 'warning',
    active: 'success',
    suspended: 'danger',
    withdrawn: 'muted',
  } satisfies Record<SideStatus, Tone>,
  training: {
    eligible: 'success',
    in_training: 'info',
    awaiting_approval: 'info',
    lapsed: 'danger',
    inactive: 'neutral',
    not_helper: 'neutral',
  } satisfies Record<DisplayStatus, Tone>,
  activity: {
    reported: 'warning',
    confirmed: 'info',
    disputed: 'danger',
    returned: 'danger',
    approved: 'success',
  } satisfies Record<ActivityStatus, Tone>,
  feeTable: {
    scheduled: 'warning',
    current: 'success',
    past: 'muted',
  } satisfies Record<FeeTableState, Tone>,
  preMeeting: { done: 'success', missing: 'warning' } satisfies Record<'done' | 'missing', Tone>,
  orientation: {
    planned: 'neutral',
    attended: 'success',
    absent: 'muted',
  } satisfies Record<OrientationAttendance, Tone>,
  registration: {
    registered: 'success',
    waitlisted: 'warning',
    cancelled: 'muted',
  } satisfies Record<EventRegistrationStatus, Tone>,
  /** The publication of a notice or an event: a draft, or an event called off. */
  publication: { draft: 'warning', cancelled: 'danger' } satisfies Record<
    'draft' | 'cancelled',
    Tone
  >,
  eventKind: {
    exchange: 'info',
    lecture: 'accent',
    open_day: 'success',
    other: 'info',
  } satisfies Record<EventKind, Tone>,
  groupKind: {
    food: 'warning',
    play: 'success',
    study: 'accent',
    consultation: 'accent',
    disability: 'info',
    grief: 'info',
    parents: 'info',
    other: 'info',
  } satisfies Record<LocalGroupKind, Tone>,
};

export type BadgeKind = keyof typeof TONES;
export type BadgeValue<K extends BadgeKind> = keyof (typeof TONES)[K] & string;

export function toneOf<K extends BadgeKind>(kind: K, value: BadgeValue<K>): Tone {
  return (TONES[kind] as Record<string, Tone>)[value] ?? 'neutral';
}
