import { common } from './en/common.js';
import { categories } from './en/categories.js';
import { helpCategories } from './en/help-categories.js';
import { trainings } from './en/trainings.js';
import { settings } from './en/settings.js';
import { members } from './en/members.js';
import { memberAdmin } from './en/member-admin.js';
import { requests } from './en/requests.js';
import { requestPages } from './en/request-pages.js';
import { memberPages } from './en/member-pages.js';
import { notifications } from './en/notifications.js';
import { availability } from './en/availability.js';
import { coordination } from './en/coordination.js';
import { activities } from './en/activities.js';
import { payments } from './en/payments.js';
import { centerLife } from './en/center-life.js';
import { planner } from './en/planner.js';
import { dashboard } from './en/dashboard.js';
import { memberHome } from './en/member-home.js';
import { reports } from './en/reports.js';
import { accounts } from './en/accounts.js';
import { programme } from './en/programme.js';
import { sickCare } from './en/sick-care.js';
import { line } from './en/line.js';
import { renewal } from './en/renewal.js';
import { claims } from './en/claims.js';
import { attachments, incidents, insurance, seriousAccidents } from './en/incidents.js';
import type { Dictionary } from './ja.js';

export const en: Dictionary = {
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
};
