import { common } from './ja/common.js';
import { categories } from './ja/categories.js';
import { helpCategories } from './ja/help-categories.js';
import { trainings } from './ja/trainings.js';
import { settings } from './ja/settings.js';
import { members } from './ja/members.js';
import { memberAdmin } from './ja/member-admin.js';
import { requests } from './ja/requests.js';
import { requestPages } from './ja/request-pages.js';
import { memberPages } from './ja/member-pages.js';
import { notifications } from './ja/notifications.js';
import { availability } from './ja/availability.js';
import { coordination } from './ja/coordination.js';
import { activities } from './ja/activities.js';
import { payments } from './ja/payments.js';
import { centerLife } from './ja/center-life.js';
import { planner } from './ja/planner.js';
import { dashboard } from './ja/dashboard.js';
import { memberHome } from './ja/member-home.js';
import { reports } from './ja/reports.js';
import { accounts } from './ja/accounts.js';
import { programme } from './ja/programme.js';
import { sickCare } from './ja/sick-care.js';
import { line } from './ja/line.js';
import { renewal } from './ja/renewal.js';
import { claims } from './ja/claims.js';
import { attachments, incidents, insurance, seriousAccidents } from './ja/incidents.js';

/**
 * The Japanese dictionary, the master list of keys, composed of one file per module
 * (src/i18n/ja/<module>.ts). en.ts must provide exactly the same keys (the compiler checks).
 */
export const ja = {
  ...common,
  ...categories,
  ...trainings,
  ...settings,
  ...members,
  ...memberAdmin,
  ...requests,
  ...requestPages,
  ...memberPages,
  ...notifications,
  ...availability,
  ...coordination,
  ...activities,
  ...payments,
  ...centerLife,
  ...planner,
  ...dashboard,
  ...memberHome,
  ...reports,
  ...accounts,
  ...programme,
  ...sickCare,
  ...line,
  ...renewal,
  ...claims,
  ...incidents,
  ...insurance,
  ...seriousAccidents,
  ...attachments,
  ...helpCategories,
} as const;

export type MessageKey = keyof typeof ja;
export type Dictionary = Record<MessageKey, string>;
