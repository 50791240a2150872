import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// The Kysely view of db/migrations/*.sql. test/unit/schema.test.ts keeps the two in step.

export type Role = 'admin' | 'staff' | 'member';
export type Locale = 'ja' | 'en';

export interface UserTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  locale: Locale | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
}

export interface LoginAttemptTable {
  id: string;
  email: string;
  client_address: string;
  succeeded: 0 | 1;
  attempted_at: string;
}

export interface PasswordResetTable {
  id: string;
  /** SHA-256 (hex) of the mailed token or the read-out code. */
  secret_hash: string;
  user_id: string;
  kind: 'link' | 'code';
  issued_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  client_address: string | null;
  details: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export type MemberKind = 'requester' | 'helper' | 'both';
export type SideStatus = 'applied' | 'active' | 'suspended' | 'withdrawn';
export type Side = 'requester' | 'helper';

export interface MemberTable {
  id: string;
  user_id: string;
  member_no: number | null;
  kind: MemberKind;
  name: string;
  name_kana: string;
  birth_date: string;
  phone: string;
  postal_code: string | null;
  address: string;
  area: string;
  /** Name, kana and address as `memberSearchKey` (src/lib/search-key.ts); NULL until backfilled. */
  search_key: string | null;
  /** The phone number's digits; NULL until backfilled. */
  phone_key: string | null;
  requester_status: SideStatus | null;
  helper_status: SideStatus | null;
  requester_approved_at: string | null;
  helper_approved_at: string | null;
  helper_areas: Generated<string>;
  helper_categories: Generated<string>;
  helper_child_age_min_months: number | null;
  helper_child_age_max_months: number | null;
  helper_max_children: Generated<number>;
  helper_has_pets: Generated<number>;
  helper_smoker_in_home: Generated<number>;
  helper_preschoolers_at_home: Generated<number>;
  helper_household_notes: string | null;
  consent_terms_version: string;
  consent_terms_at: string;
  consent_health_version: string | null;
  consent_health_at: string | null;
  entered_by_user_id: string | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
  purged_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberStatusEventTable {
  id: string;
  member_id: string;
  side: Side;
  from_status: SideStatus | null;
  to_status: SideStatus;
  reason: string | null;
  actor_user_id: string | null;
  at: string;
}

export interface ChildTable {
  id: string;
  member_id: string;
  name: string;
  name_kana: string;
  sex: 'female' | 'male' | 'other' | null;
  birth_date: string;
  school: string | null;
  allergies: string | null;
  health_notes: string | null;
  family_doctor: string | null;
  removed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EmergencyContactTable {
  id: string;
  member_id: string;
  name: string;
  relation: string;
  phone: string;
  created_at: string;
}

export interface AuthorizedPickupTable {
  id: string;
  member_id: string;
  name: string;
  relation: string;
  phone: string;
  created_at: string;
}

export interface OrientationTable {
  id: string;
  starts_at: string;
  ends_at: string;
  venue: string;
  capacity: number;
  notes: string | null;
  created_by: string | null;
  created_at: string;
}

export interface OrientationRegistrationTable {
  id: string;
  orientation_id: string;
  member_id: string;
  registered_at: string;
  attended: 0 | 1 | null;
  attendance_recorded_at: string | null;
}

export type TrainingModuleKind = 'basic' | 'cpr' | 'followup' | 'sick_child';
export type TrainingValidityMode = 'months' | 'fiscal_year_end';
export type TrainingEnrollmentStatus = 'enrolled' | 'waitlisted' | 'cancelled';
export type TrainingRecordSource = 'attendance' | 'external' | 'exemption';
export type TrainingRecordStatus = 'approved' | 'pending' | 'rejected';

export interface TrainingModuleTable {
  id: string;
  code: string;
  title_ja: string;
  title_en: string;
  hours: number;
  kind: TrainingModuleKind;
  validity_mode: Generated<TrainingValidityMode>;
  validity_months: number | null;
  sort_order: Generated<number>;
  active: Generated<0 | 1>;
  created_at: string;
}

export interface TrainingSessionTable {
  id: string;
  starts_at: string;
  ends_at: string;
  venue: string;
  instructor: string | null;
  capacity: number;
  notes: string | null;
  created_by: string | null;
  created_at: string;
  cancelled_at: string | null;
}

export interface TrainingSessionModuleTable {
  session_id: string;
  module_id: string;
}

export interface TrainingEnrollmentTable {
  id: string;
  session_id: string;
  member_id: string;
  status: TrainingEnrollmentStatus;
  position: number;
  enrolled_by: string | null;
  created_at: string;
  updated_at: string;
  promoted_at: string | null;
  cancelled_at: string | null;
}

export interface TrainingRecordTable {
  id: string;
  member_id: string;
  module_id: string;
  completed_on: string;
  source: TrainingRecordSource;
  session_id: string | null;
  evidence_note: string | null;
  status: TrainingRecordStatus;
  recorded_by: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  created_at: string;
}

/** One row (id 1): a token replaced by triggers whenever qualifications may change (0009). */
export interface QualificationStampTable {
  id: number;
  token: string;
}

/** One row (id 1): a version bumped by triggers on every change to `setting` (0013). */
export interface SettingsStampTable {
  id: number;
  version: number;
}

/** Tokens replaced by triggers when the ranking's cached inputs may change (0009). */
export interface MatchingStampTable {
  topic: 'helpers' | 'workload';
  token: string;
}

/** Per-day sums of approved activities, kept by the triggers of 0011 (read by the reports). */
export interface ReportDayTotalTable {
  day: string;
  band: 'early' | 'daytime' | 'evening' | 'night';
  count: number;
  minutes: number;
  fees: number;
  transport: number;
  meal: number;
}

export interface ReportCategoryTotalTable {
  day: string;
  category: number;
  count: number;
  minutes: number;
  fees: number;
}

export interface ReportChildBandTotalTable {
  day: string;
  band: string;
  count: number;
  minutes: number;
}

/**
 * Member and child counts as events per Tokyo day, and their sums, kept by the triggers of 0026
 * (the reports' counts at a month end). `side`: 'r' requester, 'h' helper, 'b' both;
 * `birth_key`: the birth date's month (April 1 and February 29 kept as days).
 */
export interface ReportCensusMemberTotalTable {
  side: 'r' | 'h' | 'b';
  birth_key: string;
  count: number;
}

export interface ReportCensusMemberDeltaTable {
  day: string;
  side: 'r' | 'h' | 'b';
  birth_key: string;
  delta: number;
}

export interface ReportCensusChildTotalTable {
  birth_key: string;
  count: number;
}

export interface ReportCensusChildDeltaTable {
  day: string;
  birth_key: string;
  delta: number;
}

export type RequestStatus = 'open' | 'offered' | 'matched' | 'completed' | 'cancelled' | 'unfilled';
export type OfferStatus = 'offered' | 'accepted' | 'declined' | 'closed' | 'expired' | 'withdrawn';
export type CareLocation = 'helper_home' | 'requester_home' | 'other';

export interface AvailabilitySlotTable {
  id: string;
  member_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
}

export interface AvailabilityExceptionTable {
  id: string;
  member_id: string;
  date: string;
  start_time: string | null;
  end_time: string | null;
  note: string | null;
  created_at: string;
}

export interface CalendarFeedTable {
  member_id: string;
  token_hash: string;
  created_at: string;
}

export interface RequestSeriesTable {
  id: string;
  requester_member_id: string;
  weekdays: string;
  start_time: string;
  end_time: string;
  from_date: string;
  to_date: string;
  skip_holidays: 0 | 1;
  created_at: string;
}

/** A request in the 病児・緊急対応強化事業: sick-child care or emergency care (issue #20). */
export type ProgrammeKind = 'sick' | 'emergency';

export interface CareRequestTable {
  id: string;
  requester_member_id: string;
  series_id: string | null;
  category: number;
  starts_at: string;
  ends_at: string;
  care_location: CareLocation;
  care_location_note: string | null;
  pickup: string | null;
  dropoff: string | null;
  notes: string | null;
  status: RequestStatus;
  helper_member_id: string | null;
  matched_at: string | null;
  cancelled_at: string | null;
  cancelled_by_user_id: string | null;
  cancelled_by_role: 'requester' | 'helper' | 'staff' | null;
  cancel_kind: 'cancel' | 'no_show' | 'weather' | null;
  cancel_reason: string | null;
  cancellation_fee: number | null;
  created_by_user_id: string;
  created_at: string;
  updated_at: string;
  helper_lost_at: string | null;
  unfilled_at: string | null;
  /** The sick-child and emergency programme (issue #20); null for an ordinary request. */
  programme: ProgrammeKind | null;
}

/** 医師連絡票 and 代理受診委任状 of a sick-child programme request (issue #20). */
export interface SickCareNoteTable {
  request_id: string;
  doctor_name: string;
  institution: string;
  seen_on: string;
  diagnosis: string;
  instructions: string;
  proxy_institution: string | null;
  proxy_reason: string | null;
  recorded_by_user_id: string;
  recorded_at: string;
  updated_at: string;
  /** 病児 (sick) or 病後児 (recovering), as the doctor saw the child (0029; old notes: sick). */
  condition: Generated<SickCondition>;
}

export type SickCondition = 'sick' | 'recovering';

/** The exclusion checklist as answered at request time and at handover (issue #20). */
export interface SickCareCheckTable {
  request_id: string;
  stage: 'request' | 'handover';
  answers: string;
  temperature: number | null;
  child_state: string | null;
  recorded_by_user_id: string;
  recorded_at: string;
}

export interface CareRequestChildTable {
  request_id: string;
  child_id: string;
}

export interface OfferTable {
  id: string;
  request_id: string;
  helper_member_id: string;
  status: OfferStatus;
  offered_by_user_id: string;
  offered_at: string;
  expires_at: string;
  responded_at: string | null;
  decline_reason: string | null;
}

export interface PairingTable {
  id: string;
  requester_member_id: string;
  helper_member_id: string;
  created_at: string;
}

export interface PreMeetingTable {
  id: string;
  requester_member_id: string;
  helper_member_id: string;
  held_on: string;
  fiscal_year: number;
  place: string;
  attendees: string;
  emergency_procedure: string;
  agreed_details: string | null;
  notes: string | null;
  recorded_by_user_id: string;
  created_at: string;
  /** The kind of help it covered (0028); null on older rows: any kind that fiscal year. */
  category: number | null;
  care_location: CareLocation | null;
}

export interface PreMeetingRevisionTable {
  id: string;
  pre_meeting_id: string;
  snapshot: string;
  changed_by: string;
  reason: string;
  at: string;
}

export interface BlockedHelperTable {
  requester_member_id: string;
  helper_member_id: string;
  reason: string | null;
  created_at: string;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  params: Generated<string>;
  link: string | null;
  dedupe_key: string | null;
  title: string;
  body: string;
  created_at: string;
  read_at: string | null;
}

export interface OutboxTable {
  id: string;
  notification_id: string | null;
  to_email: string;
  subject: string;
  body: string;
  locale: Locale;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  next_attempt_at: string | null;
}

export type ActivityStatus = 'reported' | 'confirmed' | 'disputed' | 'returned' | 'approved';
export type IncidentKind = 'near_miss' | 'accident';
export type IncidentSeverity = 'minor' | 'moderate' | 'serious';
export type SeriousReason = 'death' | 'loss_of_consciousness' | 'treatment_30_days';

export interface ActivityTable {
  id: string;
  request_id: string;
  helper_member_id: string;
  requester_member_id: string;
  started_at: string;
  ended_at: string;
  place: string | null;
  transport_cost: number;
  meal_cost: number;
  notes: string | null;
  fee_total: number;
  fee_lines: string;
  fee_child_totals: string;
  fee_table_valid_from: string;
  status: ActivityStatus;
  dispute_reason: string | null;
  return_reason: string | null;
  reported_at: string;
  confirmed_at: string | null;
  approved_at: string | null;
  approved_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export type PaymentMethod = 'cash' | 'bank_transfer' | 'qr';
export type PaymentStatus = 'recorded' | 'received' | 'disputed';

/** A family's payment to the helper for an approved activity or a cancellation fee (#18). */
export interface PaymentTable {
  id: string;
  activity_id: string | null;
  request_id: string | null;
  requester_member_id: string;
  helper_member_id: string;
  amount: number;
  paid_on: string;
  method: PaymentMethod;
  status: PaymentStatus;
  recorded_by_user_id: string;
  recorded_by_role: 'requester' | 'helper' | 'staff';
  recorded_at: string;
  received_at: string | null;
  dispute_reason: string | null;
  updated_at: string;
}

/** A numbered receipt of received payments: one activity, or a family's month (#18). */
export interface ReceiptTable {
  id: string;
  fiscal_year: number;
  seq: number;
  kind: 'activity' | 'month';
  activity_id: string | null;
  requester_member_id: string;
  month: string | null;
  content: string;
  total: number;
  issued_at: string;
  issued_by_user_id: string;
  print_count: number;
  last_printed_at: string;
}

/** A family's claim for a month under one scheme, and the city's decision (#18 point 5). */
export interface SubsidyClaimTable {
  id: string;
  member_id: string;
  month: string;
  fiscal_year: number;
  scheme: 'subsidy' | 'free_childcare';
  category: string | null;
  claimed_amount: number;
  content: string;
  status: 'submitted' | 'approved' | 'paid';
  submitted_on: string;
  submitted_by_user_id: string;
  approved_amount: number | null;
  approved_on: string | null;
  paid_amount: number | null;
  paid_on: string | null;
  updated_at: string;
}

/** A household's subsidy category (ひとり親, 住民税非課税, …) with evidence and validity (#18). */
export interface HouseholdEligibilityTable {
  id: string;
  member_id: string;
  category: string;
  evidence: string;
  checked_on: string;
  checked_by_user_id: string;
  valid_from: string;
  valid_to: string;
  note: string | null;
  created_at: string;
  revoked_at: string | null;
  revoked_by_user_id: string | null;
}

/** A child's 施設等利用給付認定 for 無償化 (#18). */
export interface FreeChildcareCertificationTable {
  id: string;
  member_id: string;
  child_id: string;
  certification_type: 'type1' | 'type2' | 'type3';
  certificate_no: string;
  tax_exempt: number;
  checked_on: string;
  checked_by_user_id: string;
  valid_from: string;
  valid_to: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by_user_id: string | null;
}

export interface ActivityChildTable {
  activity_id: string;
  child_id: string;
}

export interface ActivityCategoryTable {
  activity_id: string;
  category: number;
}

export interface ActivityRevisionTable {
  id: string;
  activity_id: string;
  version: number;
  snapshot: string;
  changed_by: string;
  reason: string | null;
  at: string;
}

export type IncidentSituation = 'during_help' | 'travel' | 'training' | 'event' | 'other';
export type IncidentVictim = 'child' | 'helper' | 'third_party' | 'property' | 'none';

export interface IncidentTable {
  id: string;
  activity_id: string | null;
  request_id: string | null;
  training_session_id: string | null;
  event_id: string | null;
  kind: IncidentKind;
  severity: IncidentSeverity;
  serious_reason: SeriousReason | null;
  description: string;
  action_taken: string;
  reported_to_prefecture_at: string | null;
  created_by: string;
  created_at: string;
  // 0023: incidents on their own (issue #19).
  occurred_at: string | null;
  place: string | null;
  situation: IncidentSituation | null;
  victim: IncidentVictim | null;
  victim_name: string | null;
  damage: string | null;
  hospital: string | null;
  diagnosis: string | null;
  treatment_days: number | null;
  family_told_at: string | null;
  center_told_at: string | null;
  police_told_at: string | null;
  updated_at: string | null;
}

/** An accident's insurance claim for one cover (0023, issue #19). */
export interface InsuranceCaseTable {
  id: string;
  incident_id: string;
  cover: string;
  claim_deadline_on: string;
  insurer_notified_on: string | null;
  documents_sent: string | null;
  documents_sent_on: string | null;
  amount_paid: number | null;
  paid_on: string | null;
  note: string | null;
  closed_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One step of a serious accident's reporting chain (0030). */
export interface SeriousReportStepTable {
  id: string;
  incident_id: string;
  stage: 'first' | 'detailed';
  level: 'municipality' | 'prefecture' | 'national';
  reported_on: string;
  reported_by: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** A photo or document of an incident (0031); the file is in the file store under file_key. */
export interface IncidentAttachmentTable {
  id: string;
  incident_id: string;
  file_key: string;
  file_name: string;
  content_type: 'image/jpeg' | 'image/png' | 'image/heic' | 'image/heif' | 'application/pdf';
  size_bytes: number;
  kind: 'photo' | 'document';
  description: string | null;
  uploaded_by: string;
  uploaded_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
}

// Center life (0007): events, announcements, newsletters, the directory of local groups.
export type EventKind = 'exchange' | 'lecture' | 'open_day' | 'other';
export type EventAudience = 'members' | 'helpers' | 'requesters' | 'public';
export type EventRegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';
export type AnnouncementAudience = 'all' | 'helpers' | 'requesters' | 'staff';
export type LocalGroupKind =
  'food' | 'play' | 'study' | 'disability' | 'grief' | 'parents' | 'consultation' | 'other';

export interface EventTable {
  id: string;
  kind: EventKind;
  title: string;
  description: Generated<string>;
  starts_at: string;
  ends_at: string;
  venue: string;
  capacity: number;
  audience: EventAudience;
  childcare: Generated<0 | 1>;
  cancelled_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventRegistrationTable {
  id: string;
  event_id: string;
  member_id: string;
  status: EventRegistrationStatus;
  position: number;
  children: Generated<number>;
  attended: 0 | 1 | null;
  registered_by: string | null;
  created_at: string;
  updated_at: string;
  promoted_at: string | null;
  cancelled_at: string | null;
  attendance_recorded_at: string | null;
}

export interface AnnouncementTable {
  id: string;
  title: string;
  body: string;
  audience: AnnouncementAudience;
  email: Generated<0 | 1>;
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewsletterTable {
  id: string;
  title: string;
  issued_on: string;
  format: 'pdf' | 'page';
  body: string | null;
  file_name: string | null;
  file_size: number | null;
  created_by: string | null;
  created_at: string;
}

export interface NewsletterFilePartTable {
  newsletter_id: string;
  seq: number;
  data: Uint8Array;
}

export interface LocalGroupTable {
  id: string;
  name: string;
  kind: LocalGroupKind;
  area: string;
  schedule: Generated<string>;
  contact: Generated<string>;
  age_min: number | null;
  age_max: number | null;
  description: Generated<string>;
  url: string | null;
  archived_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReferralTable {
  id: string;
  member_id: string;
  group_id: string;
  referred_on: string;
  note: string | null;
  staff_user_id: string;
  created_at: string;
}

export type NoticeGroup =
  'offers' | 'matches' | 'pre_meetings' | 'reports' | 'cancellations' | 'other';

export interface LineLinkTable {
  user_id: string;
  line_user_id: string;
  linked_at: string;
}

export interface LineLinkCodeTable {
  code_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LineWebhookEventTable {
  webhook_event_id: string;
  received_at: string;
}

export interface NoticeChannelTable {
  user_id: string;
  notice_group: NoticeGroup;
  line: number;
  email: number;
}

export type LineOutboxStatus = 'pending' | 'sent' | 'failed' | 'dead';

export interface LineOutboxTable {
  id: string;
  notification_id: string;
  user_id: string;
  status: LineOutboxStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  next_attempt_at: string | null;
}

export interface LineOfferPushTable {
  offer_id: string;
  offered_at: string;
  pushed_at: string;
}

/** 年度更新: a member's confirmation for the fiscal year that begins (0022_renewal.sql). */
export interface RenewalConfirmationTable {
  id: string;
  member_id: string;
  fiscal_year: number;
  continue_requester: number | null;
  continue_helper: number | null;
  consent_terms_version: string;
  channel: 'online' | 'paper';
  confirmed_at: string;
  recorded_by_user_id: string;
  lapsed_at: string | null;
}

/** Help categories (援助内容) as data: names, order, flags, national survey category (0027). */
export interface HelpCategoryTable {
  code: number;
  label_ja: string;
  label_en: string;
  sort_order: number;
  active: number;
  transport_only: number;
  sick_child: number;
  national_category: string;
  updated_at: string;
}

export interface Database {
  user: UserTable;
  notification: NotificationTable;
  outbox: OutboxTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  password_reset: PasswordResetTable;
  audit_log: AuditLogTable;
  setting: SettingTable;
  member: MemberTable;
  member_status_event: MemberStatusEventTable;
  child: ChildTable;
  emergency_contact: EmergencyContactTable;
  authorized_pickup: AuthorizedPickupTable;
  orientation: OrientationTable;
  orientation_registration: OrientationRegistrationTable;
  training_module: TrainingModuleTable;
  training_session: TrainingSessionTable;
  training_session_module: TrainingSessionModuleTable;
  training_enrollment: TrainingEnrollmentTable;
  training_record: TrainingRecordTable;
  qualification_stamp: QualificationStampTable;
  settings_stamp: SettingsStampTable;
  matching_stamp: MatchingStampTable;
  report_day_total: ReportDayTotalTable;
  report_category_total: ReportCategoryTotalTable;
  report_child_band_total: ReportChildBandTotalTable;
  report_census_member_total: ReportCensusMemberTotalTable;
  report_census_member_delta: ReportCensusMemberDeltaTable;
  report_census_child_total: ReportCensusChildTotalTable;
  report_census_child_delta: ReportCensusChildDeltaTable;
  availability_slot: AvailabilitySlotTable;
  availability_exception: AvailabilityExceptionTable;
  calendar_feed: CalendarFeedTable;
  request_series: RequestSeriesTable;
  care_request: CareRequestTable;
  care_request_child: CareRequestChildTable;
  sick_care_note: SickCareNoteTable;
  sick_care_check: SickCareCheckTable;
  offer: OfferTable;
  pairing: PairingTable;
  pre_meeting: PreMeetingTable;
  pre_meeting_revision: PreMeetingRevisionTable;
  blocked_helper: BlockedHelperTable;
  activity: ActivityTable;
  activity_child: ActivityChildTable;
  activity_category: ActivityCategoryTable;
  activity_revision: ActivityRevisionTable;
  incident: IncidentTable;
  insurance_case: InsuranceCaseTable;
  serious_report_step: SeriousReportStepTable;
  incident_attachment: IncidentAttachmentTable;
  payment: PaymentTable;
  receipt: ReceiptTable;
  subsidy_claim: SubsidyClaimTable;
  household_eligibility: HouseholdEligibilityTable;
  free_childcare_certification: FreeChildcareCertificationTable;
  event: EventTable;
  event_registration: EventRegistrationTable;
  announcement: AnnouncementTable;
  newsletter: NewsletterTable;
  newsletter_file_part: NewsletterFilePartTable;
  local_group: LocalGroupTable;
  referral: ReferralTable;
  line_link: LineLinkTable;
  line_link_code: LineLinkCodeTable;
  line_webhook_event: LineWebhookEventTable;
  notice_channel: NoticeChannelTable;
  line_outbox: LineOutboxTable;
  line_offer_push: LineOfferPushTable;
  renewal_confirmation: RenewalConfirmationTable;
  help_category: HelpCategoryTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type Member = Selectable<MemberTable>;
export type NewMember = Insertable<MemberTable>;
export type MemberUpdate = Updateable<MemberTable>;
export type Child = Selectable<ChildTable>;
export type NewChild = Insertable<ChildTable>;
export type EmergencyContact = Selectable<EmergencyContactTable>;
export type AuthorizedPickup = Selectable<AuthorizedPickupTable>;
export type Orientation = Selectable<OrientationTable>;
export type TrainingModule = Selectable<TrainingModuleTable>;
export type TrainingSession = Selectable<TrainingSessionTable>;
export type TrainingRecordRow = Selectable<TrainingRecordTable>;
export type CareRequest = Selectable<CareRequestTable>;
export type Offer = Selectable<OfferTable>;
