import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import type { z } from 'zod';
import { render, renderPage, viewContext } from '../../http/render.js';
import { formBody, staffOnly } from '../../http/validate.js';
import { badRequest } from '../../lib/errors.js';
import { isMessageKey, translateLoose } from '../../lib/i18n.js';
import { getCenterSettings } from '../settings/settings.service.js';
import {
  PlannerPage,
  rowLabel,
  type HelperChoice,
  type PlanRow,
  type Problem,
} from '../../../views/pages/planner/planner.js';
import { PlannerSentPage, type SentLine } from '../../../views/pages/planner/sent.js';
import type { TimelineHelper, TimelineItem } from '../../../views/pages/planner/timeline.js';
import { explainUnassigned, planWeek, type PlanAssignment, type PlanViolation } from './planner.js';
import {
  checkPlan,
  feasibleChoices,
  loadPlannerInstance,
  parseRange,
  sendPlanOffers,
  type PlannerInstance,
  type PlannerRange,
} from './planner.service.js';
import { listMemberNames, listRequestsWithRequester } from './planner.queries.js';
import { plannerForm, plannerFormProblem } from './planner-form.js';

/**
 * 週間調整プラン (/staff/planner): the planner proposes a helper for every open request of a
 * range; staff review it as a table and a per-helper timeline, swap or remove assignments, then
 * send every offer at once.
 *
 * Stateless and without JavaScript: the plan lives in the form (one select per request, named
 * `assign.<requestId>`, plus a hidden `basis.<requestId>` with the helper the planner proposed,
 * to mark what staff changed). Every post loads the instance afresh and re-validates the
 * posted plan with `validatePlan`; an invalid plan is shown again as posted, with the problem on
 * its row, and nothing is sent until the plan on screen is valid.
 */
export const plannerPages = new Hono<AppEnv>();

/** Choices listed per request in the swap menu (the best ones; the page stays small). */
const MAX_OPTIONS = 8;

function labelOf(instance: PlannerInstance, requestId: string, c: AppContext): string {
  const r = instance.requestById.get(requestId);
  return r ? rowLabel(c.var.t, c.var.locale, r) : requestId;
}

/** Names of helpers who are not candidates in this instance (chosen earlier, now out). */
async function outsideNames(c: AppContext, instance: PlannerInstance, plan: PlanAssignment[]) {
  const ids = [...new Set(plan.map((a) => a.helperId))].filter((id) => !instance.helpers.has(id));
  if (ids.length === 0) return new Map<string, string>();
  const rows = await listMemberNames(c.var.deps.db, ids);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every request's helper in `plan` ('' when unassigned): the hidden basis of the form. */
const basisOf = (instance: PlannerInstance, plan: readonly PlanAssignment[]) => {
  const by = new Map(plan.map((a) => [a.requestId, a.helperId]));
  return new Map(instance.requests.map((r) => [r.id, by.get(r.id) ?? '']));
};

async function buildPage(
  c: AppContext,
  instance: PlannerInstance,
  plan: PlanAssignment[],
  options: {
    basis: Map<string, string>;
    violations: PlanViolation[];
    upperBound: number;
    gone: { requestId: string; label: string }[];
    alert?: { kind: 'error' | 'success'; message: string };
  },
) {
  const { t } = c.var;
  const settings = await getCenterSettings(c.var.deps);
  const others = await outsideNames(c, instance, plan);
  const nameOf = (id: string) =>
    instance.helpers.get(id)?.name ?? others.get(id) ?? t('planner.unknownHelper');
  const chosenBy = new Map(plan.map((a) => [a.requestId, a.helperId]));
  const inRange = new Map<string, number>();
  const bump = (id: string) => inRange.set(id, (inRange.get(id) ?? 0) + 1);
  for (const x of instance.commitments) bump(x.helperId);
  for (const a of plan) bump(a.helperId);

  const choice = (requestId: string, helperId: string, invalid = false): HelperChoice => {
    const edge = instance.edges.get(requestId)?.find((e) => e.helperId === helperId);
    return {
      helperId,
      name: nameOf(helperId),
      paired: edge?.paired ?? false,
      areaMatch: edge ? edge.areaMatch : null,
      recent: instance.helpers.get(helperId)?.recent ?? 0,
      inRange: inRange.get(helperId) ?? 0,
      invalid,
    };
  };

  const problems = new Map<string, Problem[]>();
  const addProblem = (requestId: string, p: Problem) =>
    problems.set(requestId, [...(problems.get(requestId) ?? []), p]);
  for (const v of options.violations) {
    switch (v.code) {
      case 'unknown_request':
        break; // listed under `gone`
      case 'unknown_helper':
      case 'no_edge':
        addProblem(v.requestId, { code: 'not_candidate', params: { name: nameOf(v.helperId) } });
        break;
      case 'overlap_existing':
        addProblem(v.requestId, { code: 'overlap_existing', params: { name: nameOf(v.helperId) } });
        break;
      case 'overlap_planned':
        addProblem(v.requestId, {
          code: 'overlap_planned',
          params: { name: nameOf(v.helperId), other: labelOf(instance, v.otherRequestId, c) },
        });
        break;
      case 'day_cap':
        for (const a of plan) {
          if (a.helperId === v.helperId && instance.requestById.get(a.requestId)?.day === v.day)
            addProblem(a.requestId, {
              code: 'day_cap',
              params: { name: nameOf(v.helperId), count: v.count, cap: v.cap },
            });
        }
        break;
      default:
        addProblem(v.requestId, { code: 'invalid' });
    }
  }

  const choices = feasibleChoices(instance, plan);
  const rows: PlanRow[] = instance.requests.map((r) => {
    const chosenId = chosenBy.get(r.id);
    const feasible = choices.get(r.id) ?? [];
    const rowProblems = problems.get(r.id) ?? [];
    const chosenOk = chosenId !== undefined && feasible.some((e) => e.helperId === chosenId);
    const chosen = chosenId === undefined ? null : choice(r.id, chosenId, !chosenOk);
    const listed = feasible
      .filter((e) => e.helperId !== chosenId)
      .slice(0, MAX_OPTIONS)
      .map((e) => choice(r.id, e.helperId));
    let explanation: Problem | null = null;
    if (!chosen) {
      const why = explainUnassigned(instance.input, r.id, plan);
      explanation = {
        code: `why.${why.code}`,
        params: {
          count: why.helpers.length,
          free: why.helpers.filter((h) => h.blocks.length === 0).length,
        },
      };
    }
    return {
      id: r.id,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      requesterName: r.requesterName,
      childAges: r.childAges,
      category: r.category,
      area: r.area,
      chosen,
      basisHelperId: options.basis.has(r.id) ? (options.basis.get(r.id) ?? '') : null,
      options: chosen ? [chosen, ...listed] : listed,
      problems: rowProblems,
      explanation,
    };
  });

  // Per-helper timeline: every helper with a planned request, her days with planned and
  // existing work side by side.
  const items = new Map<string, { day: string; item: TimelineItem }[]>();
  const push = (helperId: string, day: string, item: TimelineItem) =>
    items.set(helperId, [...(items.get(helperId) ?? []), { day, item }]);
  for (const a of plan) {
    const r = instance.requestById.get(a.requestId);
    if (r)
      push(a.helperId, r.day, {
        requestId: r.id,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        requesterName: r.requesterName,
        kind: 'planned',
      });
  }
  const planned = new Set(items.keys());
  for (const x of instance.commitments) {
    if (planned.has(x.helperId))
      push(x.helperId, x.day, {
        requestId: x.requestId,
        startsAt: x.startsAt,
        endsAt: x.endsAt,
        requesterName: x.requesterName,
        kind: x.kind,
      });
  }
  const timeline: TimelineHelper[] = [...items.entries()]
    .map(([helperId, list]) => {
      const byDay = new Map<string, TimelineItem[]>();
      for (const { day, item } of list.sort((a, b) =>
        a.item.startsAt.localeCompare(b.item.startsAt),
      ))
        byDay.set(day, [...(byDay.get(day) ?? []), item]);
      return {
        helperId,
        name: nameOf(helperId),
        recent: instance.helpers.get(helperId)?.recent ?? 0,
        days: [...byDay.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([day, dayItems]) => ({ day, items: dayItems })),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'ja'));

  return (
    <PlannerPage
      ctx={viewContext(c)}
      areas={settings.areas}
      range={instance.range}
      rangeErrors={{}}
      maxPerDay={instance.maxPerDay}
      coverage={{
        covered: plan.filter((a) => instance.requestById.has(a.requestId)).length,
        total: instance.requests.length,
        upperBound: options.upperBound,
      }}
      rows={rows}
      timeline={timeline}
      gone={options.gone}
      alert={options.alert}
    />
  );
}

plannerPages.get('/staff/planner', async (c) => {
  requireStaff(c);
  const { deps } = c.var;
  const parsed = parseRange(c.req.query('from'), c.req.query('to'), deps.clock.now());
  if (!parsed.ok) {
    const settings = await getCenterSettings(deps);
    return renderPage(
      c,
      PlannerPage,
      {
        areas: settings.areas,
        range: { from: c.req.query('from') ?? '', to: c.req.query('to') ?? '' },
        rangeErrors: parsed.errors,
        maxPerDay: settings.requests.plannerMaxPerDay,
        coverage: null,
        rows: [],
        timeline: [],
        gone: [],
      },
      422,
    );
  }
  const instance = await loadPlannerInstance(deps, parsed.range);
  const result = planWeek(instance.input);
  return render(
    c,
    await buildPage(c, instance, result.assignments, {
      basis: basisOf(instance, result.assignments),
      violations: [],
      upperBound: result.upperBound,
      gone: [],
    }),
  );
});

interface PostedPlan {
  range: PlannerRange;
  plan: PlanAssignment[];
  basis: Map<string, string>;
  /** Posted requests that are no longer plannable. */
  goneIds: string[];
}

/** The posted grid against the planner's instance of its week (rows gone since are set apart). */
async function readPostedPlan(
  c: AppContext,
  posted: z.output<typeof plannerForm>,
): Promise<PostedPlan & { instance: PlannerInstance }> {
  const parsed = parseRange(posted.from, posted.to, c.var.deps.clock.now());
  if (!parsed.ok) throw badRequest('invalid_range');
  const instance = await loadPlannerInstance(c.var.deps, parsed.range);
  const plan: PlanAssignment[] = [];
  const goneIds: string[] = [];
  for (const { requestId, helperId } of posted.assign) {
    if (!instance.requestById.has(requestId)) {
      goneIds.push(requestId);
      continue;
    }
    if (helperId) plan.push({ requestId, helperId });
  }
  // Keep the page's order (the instance's), whatever the order of the fields.
  const order = new Map(instance.requests.map((r, i) => [r.id, i]));
  plan.sort((a, b) => order.get(a.requestId)! - order.get(b.requestId)!);
  return { range: parsed.range, plan, basis: posted.basis, goneIds, instance };
}

/** The grid's form, after the staff check: a form not from the page is a 400. */
const plannerFormBody = [
  staffOnly,
  formBody(plannerForm, (_c, errors) => {
    throw badRequest(plannerFormProblem(errors));
  }),
] as const;

async function goneLabels(c: AppContext, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await listRequestsWithRequester(c.var.deps.db, ids);
  return rows.map((r) => ({
    requestId: r.id,
    label: rowLabel(c.var.t, c.var.locale, {
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      requesterName: r.name,
    }),
  }));
}

/** Re-checks the plan as edited: shows it again with every problem on its row. */
plannerPages.post('/staff/planner', ...plannerFormBody, async (c) => {
  requireStaff(c);
  const { t } = c.var;
  const posted = await readPostedPlan(c, c.req.valid('form'));
  const { instance, plan } = posted;
  const violations = checkPlan(instance, plan);
  const gone = await goneLabels(c, posted.goneIds);
  const bad = violations.length > 0 || gone.length > 0;
  const page = await buildPage(c, instance, plan, {
    // The basis stays the planner's proposal, so every edit keeps its 変更あり mark until sent.
    basis: posted.basis,
    violations,
    upperBound: planWeek(instance.input).upperBound,
    gone,
    alert: bad
      ? { kind: 'error', message: t(gone.length ? 'planner.alert.gone' : 'planner.alert.invalid') }
      : { kind: 'success', message: t('planner.alert.valid') },
  });
  return render(c, page, bad ? 422 : 200);
});

/** Sends every offer of a valid plan, through the ordinary offer flow. */
plannerPages.post('/staff/planner/send', ...plannerFormBody, async (c) => {
  const staff = requireStaff(c);
  const { t } = c.var;
  const posted = await readPostedPlan(c, c.req.valid('form'));
  const { instance, plan } = posted;
  const violations = checkPlan(instance, plan);
  const gone = await goneLabels(c, posted.goneIds);
  if (violations.length > 0 || gone.length > 0 || plan.length === 0) {
    const message =
      plan.length === 0 && violations.length === 0 && gone.length === 0
        ? t('planner.alert.nothing')
        : t(gone.length ? 'planner.alert.goneNotSent' : 'planner.alert.invalidNotSent');
    const page = await buildPage(c, instance, plan, {
      basis: posted.basis,
      violations,
      upperBound: planWeek(instance.input).upperBound,
      gone,
      alert: { kind: 'error', message },
    });
    return render(c, page, 422);
  }
  const outcome = await sendPlanOffers(c.var.deps, staff, instance, plan, c.var.clientAddress);
  const line = (a: PlanAssignment): SentLine => ({
    requestId: a.requestId,
    requestLabel: labelOf(instance, a.requestId, c),
    helperName: instance.helpers.get(a.helperId)?.name ?? a.helperId,
  });
  const failureText = (code: string, messageKey: string) => {
    const ruleKey = `rule.${code}`;
    return isMessageKey(ruleKey) ? t(ruleKey) : translateLoose(t, messageKey, 'error.title.422');
  };
  return renderPage(c, PlannerSentPage, {
    range: posted.range,
    sent: outcome.sent.map(line),
    failed: outcome.failed.map((f) => ({
      ...line(f),
      failure: failureText(f.code, f.messageKey),
    })),
  });
});
