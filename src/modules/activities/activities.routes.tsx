import { Hono } from 'hono';
import { requireStaff, requireUser } from '../../auth/guards.js';
import type { AppContext, AppEnv, CurrentUser } from '../../context.js';
import { acceptsAnyForm } from '../../http/form-fields.js';
import { formPosts } from '../../http/form-posts.js';
import { renderPage, setFlash } from '../../http/render.js';
import { pageCountOf, pageNumberOf } from '../../lib/paging.js';
import { signedIn, staffOnly } from '../../http/validate.js';
import { notFound } from '../../lib/errors.js';
import {
  ActivitiesPage,
  type ActivityListItem,
} from '../../../views/pages/activities/activity-list.js';
import {
  ActivityDetailPage,
  type ActivityDetailProps,
} from '../../../views/pages/activities/activity-detail.js';
import { MissingReportsPage } from '../../../views/pages/activities/missing.js';
import { parseStoredJson } from '../fees/fee-lines.js';
import { reportDueDate } from '../fees/statements.js';
import type { ActivityRow } from './activities.queries.js';
import { storedFeeOf } from './activities.json.js';
import {
  addIncident,
  approveActivity,
  confirmActivity,
  disputeActivity,
  loadVisibleActivity,
  minimumChargeFor,
  returnActivity,
  type ActivitySnapshot,
} from './activities.service.js';
import {
  ACTIVITY_PAGE_SIZE,
  loadActivityDetail,
  loadActivityLists,
  loadMissingReports,
  type ListedActivity,
} from './activity-lists.service.js';
import { feeView } from './activity-views.js';
import { reportPages } from './report.routes.js';
import { statementPages } from './statements.routes.js';
import { loadActivityPayment } from '../payments/payments.service.js';
import { toPaymentJson } from '../payments/payments.json.js';
import { incidentForm, reasonForm, reportFormValues, versionForm } from './report-form.js';

/** Pages of activity reports: the lists, missing reports, an activity and its review. */
export const activityPages = new Hono<AppEnv>();

// The report form first: /activities/new is not an activity id.
activityPages.route('/', reportPages);

function listItem({ row: r, childNames }: ListedActivity): ActivityListItem {
  return {
    id: r.id,
    status: r.status,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    requesterName: r.requester_name,
    helperName: r.helper_name,
    childNames,
    amountDue: r.fee_total + r.transport_cost + r.meal_cost,
  };
}

activityPages.get('/activities', async (c) => {
  // Her reports (?reports=) and a family's activities (?past=) are paged apart: a member who
  // helps and asks for help pages one list without losing her place in the other.
  const pages = {
    helper: pageNumberOf(c.req.query('reports')),
    requester: pageNumberOf(c.req.query('past')),
  };
  const lists = await loadActivityLists(c.var.deps, requireUser(c), pages, {
    member: c.var.member,
  });
  const staff = lists.staff && {
    queue: lists.staff.queue.map(listItem),
    missingCount: lists.staff.missingCount,
  };
  const href = (key: 'reports' | 'past', page: number) => {
    const next = { reports: pages.helper, past: pages.requester, [key]: page };
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v > 1) query.set(k, String(v));
    const q = query.toString();
    return q ? `/activities?${q}` : '/activities';
  };
  const helper = lists.helper && {
    awaiting: lists.helper.awaiting.map((r) => ({
      requestId: r.id,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      requesterName: r.requester_name,
      ended: Date.parse(r.ends_at) <= c.var.deps.clock.now().getTime(),
    })),
    reports: lists.helper.reports.map(listItem),
    paging: {
      page: pages.helper,
      pageCount: pageCountOf(lists.helper.total, ACTIVITY_PAGE_SIZE),
      href: (p: number) => href('reports', p),
    },
  };
  const requested = lists.requester?.items.map(listItem);
  const requester = requested && {
    toConfirm: requested.filter((a) => a.status === 'reported'),
    past: requested.filter((a) => a.status !== 'reported'),
    paging: {
      page: pages.requester,
      pageCount: pageCountOf(lists.requester!.total, ACTIVITY_PAGE_SIZE),
      href: (p: number) => href('past', p),
    },
  };
  return renderPage(c, ActivitiesPage, { staff, helper, requester });
});

activityPages.get('/activities/missing', async (c) => {
  requireStaff(c);
  const { dueDay, rows } = await loadMissingReports(c.var.deps);
  return renderPage(c, MissingReportsPage, {
    dueDay,
    items: rows.map((r) => ({
      requestId: r.id,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      requesterName: r.requester_name,
      helperName: r.helper_name,
      dueOn: reportDueDate(r.ends_at, dueDay),
    })),
  });
});

// ---------------------------------------------------------------------------------------------
// Detail and review actions

async function renderDetail(
  c: AppContext,
  activity: ActivityRow,
  viewer: ActivityDetailProps['viewer'],
  extra: Pick<ActivityDetailProps, 'errors' | 'form' | 'values'> = {},
  status: 200 | 422 = 200,
) {
  const t = c.var.t;
  const [{ children, categories, incidents, revisions }, payment] = await Promise.all([
    loadActivityDetail(c.var.deps, activity),
    loadActivityPayment(c.var.deps, activity),
  ]);
  const fee = storedFeeOf(activity);
  const minimum = await minimumChargeFor(c.var.deps, activity.fee_table_valid_from, {
    startsAt: new Date(activity.started_at),
    endsAt: new Date(activity.ended_at),
  });
  return renderPage(
    c,
    ActivityDetailPage,
    {
      viewer,
      activity: {
        id: activity.id,
        status: activity.status,
        version: activity.version,
        requesterId: activity.requester_member_id,
        requesterName: activity.requester_name,
        helperName: activity.helper_name,
        plannedStartsAt: activity.planned_starts_at,
        plannedEndsAt: activity.planned_ends_at,
        startedAt: activity.started_at,
        endedAt: activity.ended_at,
        children: children.map((ch) => ch.name),
        categories: categories.map((x) => x.category),
        place: activity.place,
        notes: activity.notes,
        transportCost: activity.transport_cost,
        mealCost: activity.meal_cost,
        disputeReason: activity.dispute_reason,
        returnReason: activity.return_reason,
        reportedAt: activity.reported_at,
        confirmedAt: activity.confirmed_at,
        approvedAt: activity.approved_at,
        tableValidFrom: activity.fee_table_valid_from,
        fee: feeView(t, { total: activity.fee_total, ...fee }, children, minimum),
      },
      incidents: incidents.map((i) => ({
        id: i.id,
        kind: i.kind,
        severity: i.severity,
        seriousReason: i.serious_reason,
        description: i.description,
        actionTaken: i.action_taken,
        reportedToPrefectureAt: i.reported_to_prefecture_at,
        createdAt: i.created_at,
      })),
      revisions: revisions.map((r) => {
        const s = parseStoredJson<Partial<ActivitySnapshot>>(r.snapshot, {});
        return {
          version: r.version,
          at: r.at,
          changedByName: r.changed_by_name,
          reason: r.reason,
          startedAt: s.startedAt ?? activity.started_at,
          endedAt: s.endedAt ?? activity.ended_at,
          feeTotal: s.feeTotal ?? 0,
          transportCost: s.transportCost ?? 0,
          mealCost: s.mealCost ?? 0,
          returnReason: s.returnReason ?? null,
          disputeReason: s.disputeReason ?? null,
        };
      }),
      payment: toPaymentJson(payment),
      ...extra,
    },
    status,
  );
}

/** The activity of the path as the user sees it (404 for one she may not see). */
const visibleActivity = (c: AppContext, user: CurrentUser) =>
  loadVisibleActivity(c.var.deps, user, c.req.param('id') ?? '');

activityPages.get('/activities/:id', async (c) => {
  const user = requireUser(c);
  const { activity, viewer } = await visibleActivity(c, user);
  return renderDetail(c, activity, viewer.kind);
});

/** The activity page again with a form's messages (422), for whoever may see that form. */
const rerenderWith =
  (form: 'dispute' | 'return' | 'incident', mayUse: (kind: string) => boolean) =>
  async (c: AppContext, errors: Record<string, string>, values: Record<string, string>) => {
    const user = requireUser(c);
    const { activity, viewer } = await visibleActivity(c, user);
    if (!mayUse(viewer.kind)) throw notFound();
    const shown = form === 'incident' ? reportFormValues(values) : { reason: values.reason ?? '' };
    return renderDetail(c, activity, viewer.kind, { form, errors, values: shown }, 422);
  };

/** The forms of the activity page: the signed-in user (the page's own checks follow), or staff. */
const userForm = formPosts(activityPages, [signedIn], requireUser);
const staffForm = formPosts(activityPages, [staffOnly], requireStaff);

userForm('/activities/:id/confirm', versionForm, acceptsAnyForm, async (c, user, { version }) => {
  const { activity, viewer } = await visibleActivity(c, user);
  await confirmActivity(c.var.deps, viewer, activity, version, c.var.clientAddress);
  setFlash(c, 'activities.flash.confirmed');
  return c.redirect(`/activities/${activity.id}`, 303);
});

userForm(
  '/activities/:id/dispute',
  reasonForm,
  rerenderWith('dispute', (kind) => kind === 'requester'),
  async (c, user, { reason, version }) => {
    const { activity, viewer } = await visibleActivity(c, user);
    await disputeActivity(c.var.deps, viewer, activity, reason, version, c.var.clientAddress);
    setFlash(c, 'activities.flash.disputed');
    return c.redirect(`/activities/${activity.id}`, 303);
  },
);

staffForm('/activities/:id/approve', versionForm, acceptsAnyForm, async (c, staff, { version }) => {
  const { activity } = await visibleActivity(c, staff);
  await approveActivity(c.var.deps, staff, activity, version, c.var.clientAddress);
  setFlash(c, 'activities.flash.approved');
  return c.redirect('/activities', 303);
});

staffForm(
  '/activities/:id/return',
  reasonForm,
  rerenderWith('return', () => true),
  async (c, staff, { reason, version }) => {
    const { activity } = await visibleActivity(c, staff);
    await returnActivity(c.var.deps, staff, activity, reason, version, c.var.clientAddress);
    setFlash(c, 'activities.flash.returned');
    return c.redirect('/activities', 303);
  },
);

userForm(
  '/activities/:id/incidents',
  incidentForm,
  rerenderWith('incident', (kind) => kind !== 'requester'),
  async (c, user, form) => {
    const { activity, viewer } = await visibleActivity(c, user);
    if (viewer.kind === 'requester') throw notFound();
    await addIncident(c.var.deps, viewer, activity, form, c.var.clientAddress);
    setFlash(c, 'activities.flash.incident');
    return c.redirect(`/activities/${activity.id}`, 303);
  },
);

activityPages.route('/', statementPages);
