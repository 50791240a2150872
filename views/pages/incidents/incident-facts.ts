import type { Translator } from '../../../src/lib/i18n.js';
import { formatDateTime } from '../../../src/lib/dates.js';
import type { Locale } from '../../../db/schema.js';

/** An incident as the staff pages show it (plain values; built by incidents.routes.tsx). */
export interface IncidentView {
  id: string;
  link: { kind: 'activity' | 'request' | 'trainingSession' | 'event'; id: string } | null;
  /** What the link is, in words (e.g. the family and helper, or the event's title). */
  linkText: string | null;
  kind: 'near_miss' | 'accident';
  severity: 'minor' | 'moderate' | 'serious';
  seriousReason: 'death' | 'loss_of_consciousness' | 'treatment_30_days' | null;
  occurredAt: string;
  place: string | null;
  situation: 'during_help' | 'travel' | 'training' | 'event' | 'other' | null;
  victim: 'child' | 'helper' | 'third_party' | 'property' | 'none' | null;
  victimName: string | null;
  damage: string | null;
  description: string;
  actionTaken: string;
  hospital: string | null;
  diagnosis: string | null;
  treatmentDays: number | null;
  familyToldAt: string | null;
  centerToldAt: string | null;
  policeToldAt: string | null;
  reportedToPrefectureAt: string | null;
  helperName: string | null;
  requesterName: string | null;
  authorName: string | null;
  createdAt: string;
}

const or = (v: string | null | undefined) => (v ? v : '—');

/** The incident's heading: 「事故 · 重大」. */
export const incidentHeading = (t: Translator, i: Pick<IncidentView, 'kind' | 'severity'>) =>
  t('activities.incident.heading', {
    kind: t(`activities.incident.kind.${i.kind}`),
    severity: t(`activities.incident.severity.${i.severity}`),
  });

/** Label/value rows of everything recorded (the detail page and the printed report). */
export function incidentFacts(t: Translator, locale: Locale, i: IncidentView): [string, string][] {
  const when = (v: string | null) => (v ? formatDateTime(v, locale) : '—');
  return [
    [t('incidents.field.occurredAt'), formatDateTime(i.occurredAt, locale)],
    [t('incidents.field.place'), or(i.place)],
    [t('incidents.field.situation'), i.situation ? t(`incidents.situation.${i.situation}`) : '—'],
    [
      t('incidents.field.link'),
      i.link
        ? `${t(`incidents.linkKind.${i.link.kind}`)}: ${or(i.linkText)}`
        : t('incidents.link.none'),
    ],
    [t('activities.helper'), or(i.helperName)],
    [t('activities.requester'), or(i.requesterName)],
    [t('activities.incident.kind'), t(`activities.incident.kind.${i.kind}`)],
    [t('activities.incident.severity'), t(`activities.incident.severity.${i.severity}`)],
    [
      t('activities.incident.seriousReason'),
      i.seriousReason ? t(`activities.incident.seriousReason.${i.seriousReason}`) : '—',
    ],
    [t('incidents.field.victim'), i.victim ? t(`incidents.victim.${i.victim}`) : '—'],
    [t('incidents.field.victimName'), or(i.victimName)],
    [t('incidents.field.damage'), or(i.damage)],
    [t('activities.incident.description'), i.description],
    [t('incidents.field.actionTaken'), i.actionTaken],
    [t('incidents.field.hospital'), or(i.hospital)],
    [t('incidents.field.diagnosis'), or(i.diagnosis)],
    [
      t('incidents.field.treatmentDays'),
      i.treatmentDays === null ? '—' : t('incidents.days', { n: i.treatmentDays }),
    ],
    [t('incidents.field.familyTold'), when(i.familyToldAt)],
    [t('incidents.field.centerTold'), when(i.centerToldAt)],
    [t('incidents.field.policeTold'), when(i.policeToldAt)],
  ];
}
