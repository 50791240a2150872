import { listHelpCategories } from '../categories/categories.queries.js';
import { helpCategoryLabel } from '../categories/help-category-rules.js';
import { Hono } from 'hono';
import { requireUser } from '../../auth/guards.js';
import { createMiddleware } from 'hono/factory';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { guardedValue } from '../../http/guarded.js';
import { formBody } from '../../http/validate.js';
import { addDaysToDate } from '../../lib/dates.js';
import { AppError, notFound } from '../../lib/errors.js';
import { ruleText } from '../../lib/i18n.js';
import { categoryLabel } from '../../i18n/category-labels.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import {
  ageText,
  careLocationName,
  durationText,
  whenText,
} from '../../../views/pages/requests/request-text.js';
import type { RulesView } from '../../../views/pages/requests/rules-box.js';
import {
  cancellationHours,
  ConfirmRequestPage,
} from '../../../views/pages/requests/request-confirm.js';
import {
  NewRequestPage,
  RequesterNotActivePage,
  type ChildChoice,
} from '../../../views/pages/requests/request-form.js';
import { selectFeeTable } from '../fees/fee-table.js';
import { childAgeStatus } from '../members/member-rules.js';
import { listChildren, type MemberWithEmail } from '../members/members.queries.js';
import type { CenterSettings } from '../settings/settings.schemas.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { ownMember, todayOf } from './request-pages.js';
import { inFormOrder, requestForm, ruleField, type FormValues } from './request-form.js';
import { createRequests, previewRequest } from './requests.service.js';

/**
 * 援助の申し込み (/requests/new): a parent asks for help in two steps (入力 → 確認, with the
 * expected fee on the confirmation), then sends it.
 */
export const newRequestPages = new Hono<AppEnv>();

function rulesView(settings: CenterSettings, today: string): RulesView {
  const table = selectFeeTable(settings.fees, today);
  return {
    ...settings.requests,
    infantMonths: settings.eligibility.infantMonths,
    infantMaxHours: settings.eligibility.infantMaxHours,
    fees: table
      ? {
          weekdayDay: table.rates.weekdayDay,
          weekdayOther: table.rates.weekdayOther,
          weekendHoliday: table.rates.weekendHoliday,
          yearEnd: table.rates.yearEnd,
          sickChild: table.rates.sickChild,
          dayStart: table.weekdayDayBand.start,
          dayEnd: table.weekdayDayBand.end,
          siblingPercent: Math.round(table.siblingFactor * 100),
        }
      : null,
  };
}

function childChoices(
  c: AppContext,
  children: { id: string; name: string; birth_date: string }[],
): ChildChoice[] {
  const today = todayOf(c);
  return children.map((ch) => ({
    id: ch.id,
    name: ch.name,
    age: ageText(c.var.t, ch.birth_date, today),
    // The same test createRequests applies (its own children of eligible age).
    eligible: childAgeStatus(ch.birth_date, today, 0) === 'eligible',
  }));
}

interface RuleProblem {
  message: string;
  dates: string[];
  field?: string | undefined;
}

async function formPage(
  c: AppContext,
  member: MemberWithEmail,
  values: FormValues,
  errors: FormErrors,
  rule?: RuleProblem,
  status: 200 | 422 = 200,
) {
  const [settings, children, categories] = await Promise.all([
    getCenterSettings(c.var.deps),
    listChildren(c.var.deps.db, member.id),
    listHelpCategories(c.var.deps.db),
  ]);
  const today = todayOf(c);
  return renderPage(
    c,
    NewRequestPage,
    {
      categories: categories
        .filter((x) => x.active)
        .map((x) => ({
          code: x.code,
          label: helpCategoryLabel(x, c.var.locale),
          sickChild: x.sickChild,
        })),
      childList: childChoices(c, children),
      values,
      errors,
      rule,
      rules: rulesView(settings, today),
      minDate: addDaysToDate(today, 1),
      programmeOn: settings.programme.enabled,
      checklist: settings.programme.exclusions.map((i) => ({
        code: i.code,
        label: c.var.locale === 'ja' ? i.ja : i.en,
      })),
    },
    status,
  );
}

/** A refused rule: the alert on top, a short message at the field it concerns. */
function ruleFailurePage(
  c: AppContext,
  member: MemberWithEmail,
  values: FormValues,
  err: AppError,
) {
  const at = ruleField(err.code);
  const errors: FormErrors = at ? { [at.field]: c.var.t(at.key) } : {};
  const rule = {
    message: ruleText(c.var.t, err),
    dates: err.fields?.occurrences ?? [],
    field: at?.field,
  };
  return formPage(c, member, values, errors, rule, 422);
}

newRequestPages.get('/requests/new', async (c) => {
  const { member } = ownMember(c);
  if (member.requester_status === null || member.requester_status === 'withdrawn') throw notFound();
  if (member.requester_status !== 'active')
    return renderPage(c, RequesterNotActivePage, { status: member.requester_status });
  const children = await listChildren(c.var.deps.db, member.id);
  const eligible = childChoices(c, children).filter((ch) => ch.eligible);
  const values: FormValues = { careLocation: 'helper_home', skipHolidays: 'yes' };
  // With one child there is nothing to choose.
  if (eligible.length === 1) values[`childIds.${eligible[0]!.id}`] = 'yes';
  return formPage(c, member, values, {});
});

const signedInRequester = guardedValue<MemberWithEmail>('activeRequester');
const requesterOf = signedInRequester.of;

/**
 * Only an active requester may post the form (before anything is validated): 404 without a
 * requester side; an applied or suspended side gets the page that says why (403, issue #22).
 */
const activeRequester = createMiddleware<AppEnv>(async (c, next) => {
  const { member } = ownMember(c);
  if (member.requester_status === null || member.requester_status === 'withdrawn') throw notFound();
  if (member.requester_status !== 'active')
    return renderPage(c, RequesterNotActivePage, { status: member.requester_status }, 403);
  signedInRequester.set(c, member);
  await next();
});

newRequestPages.post(
  '/requests/new',
  activeRequester,
  formBody(requestForm, (c, errors, values) => {
    const { step: _, ...shown } = values;
    return formPage(c, requesterOf(c), shown, inFormOrder(errors), undefined, 422);
  }),
  async (c) => {
    const user = requireUser(c);
    const member = requesterOf(c);
    const { step, values, input } = c.req.valid('form');
    if (step === 'edit' || !input) return formPage(c, member, values, {});
    const t = c.var.t;
    try {
      if (step === 'confirm') {
        // 確認: the same rules in advance, then the expected cost before anything is written.
        const preview = await previewRequest(c.var.deps, member, input);
        const today = todayOf(c);
        const first = preview.occurrences[0]!;
        const sameDay = preview.sameDayCancellation;
        return renderPage(c, ConfirmRequestPage, {
          values,
          childList: preview.children.map((ch) => ({
            name: ch.name,
            age: ageText(t, ch.birth_date, today),
          })),
          category: categoryLabel(t, input.category),
          when: whenText(t, c.var.locale, first.startsAt.toISOString(), first.endsAt.toISOString()),
          duration: durationText(t, input.startsAt, input.endsAt),
          location: careLocationName(t, input.careLocation),
          locationNote: input.careLocationNote,
          pickup: input.pickup,
          dropoff: input.dropoff,
          notes: input.notes,
          series: input.recurrence ?? null,
          fee: preview.fee,
          cancellation: {
            sameDayHours: sameDay ? cancellationHours(sameDay.units, sameDay.unitMinutes) : 1,
          },
          firstTime:
            preview.firstRequestLeadDays === null ? null : { days: preview.firstRequestLeadDays },
        });
      }
      const ids = await createRequests(c.var.deps, user, input, c.var.clientAddress);
      if (ids.length > 1) {
        setFlash(c, 'req.createdSeries', { count: String(ids.length) });
        return c.redirect('/requests', 303);
      }
      setFlash(c, 'req.created');
      return c.redirect(`/requests/${ids[0]}`, 303);
    } catch (err) {
      if (err instanceof AppError && (err.status === 422 || err.status === 409))
        return ruleFailurePage(c, member, values, err);
      throw err;
    }
  },
);
