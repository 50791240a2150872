import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requireUser } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { pageCountOf, pageNumberOf } from '../../lib/paging.js';
import { guardedValue } from '../../http/guarded.js';
import { formBody } from '../../http/validate.js';
import { areaName } from '../../i18n/area-labels.js';
import { AppError } from '../../lib/errors.js';
import { isMessageKey } from '../../lib/i18n.js';
import { ageText, timeLeftText } from '../../../views/pages/requests/request-text.js';
import {
  OffersPage,
  type EligibilityView,
  type OfferCardView,
} from '../../../views/pages/requests/offers.js';
import { acceptOffer, declineOffer, ownHelperMemberId } from '../matching/offers.service.js';
import type { MemberWithEmail } from '../members/members.queries.js';
import { declineForm } from './request-form.js';
import { todayOf } from './request-pages.js';
import { ANSWERED_PAGE_SIZE, loadHelperOffers } from './request-pages.service.js';

/**
 * 依頼の紹介: a helper answers offers with one tap (GET /offers, POST /offers/:id/accept,
 * POST /offers/:id/decline) and sees why she gets none while she is not eligible.
 */
export const offerPages = new Hono<AppEnv>();

async function offersPage(
  c: AppContext,
  member: MemberWithEmail,
  declineError?: { offerId: string; message: string; reason: string },
) {
  const deps = c.var.deps;
  const now = deps.clock.now();
  const t = c.var.t;
  const today = todayOf(c);
  // The answered offers grow for years: paged (?page=), the open ones always in full above them.
  const page = pageNumberOf(c.req.query('page'));
  const loaded = await loadHelperOffers(deps, member, page);
  const { settings, eligibility: e, ages } = loaded;
  type Row = (typeof loaded.open)[number];
  const eligibility: EligibilityView = {
    ...e,
    missing: e.missing.map(({ code, module: m }) =>
      m ? (c.var.locale === 'ja' ? m.title_ja : m.title_en) : code,
    ),
  };
  const card = (o: Row, isOpen: boolean): OfferCardView => ({
    id: o.id,
    requestId: o.request_id,
    startsAt: o.starts_at,
    endsAt: o.ends_at,
    category: o.category,
    area: areaName(settings.areas, o.requester_area, c.var.locale),
    childAges: ages
      .filter((a) => a.request_id === o.request_id)
      .map((a) => ageText(t, a.birth_date, today)),
    careLocation: o.care_location,
    // An offer past its expiry that the scheduler has not closed yet is shown as expired.
    status: isOpen ? 'offered' : o.status === 'offered' ? 'expired' : o.status,
    expiresAt: o.expires_at,
    timeLeft: timeLeftText(t, Date.parse(o.expires_at) - now.getTime()),
  });
  const open = loaded.open.map((o) => card(o, true));
  const answered = loaded.answered.map((o) => card(o, false));
  const pageCount = pageCountOf(loaded.answeredTotal, ANSWERED_PAGE_SIZE);
  return renderPage(
    c,
    OffersPage,
    {
      eligibility,
      open,
      answered,
      answeredPaging: {
        page,
        pageCount,
        href: (p: number) => (p > 1 ? `/offers?page=${p}` : '/offers'),
      },
      declineError,
    },
    declineError ? 422 : 200,
  );
}

offerPages.get('/offers', async (c) => {
  const member = await ownHelperMemberId(c.var.deps, requireUser(c), { member: c.var.member });
  return offersPage(c, member);
});

offerPages.post('/offers/:id/accept', async (c) => {
  const user = requireUser(c);
  try {
    const { request } = await acceptOffer(c.var.deps, user, c.req.param('id'), c.var.clientAddress);
    setFlash(c, 'offers.acceptedFlash');
    return c.redirect(`/requests/${request.id}`, 303);
  } catch (err) {
    // Another helper was quicker, the offer expired or the family cancelled: say so kindly.
    if (err instanceof AppError && err.status === 409) {
      setFlash(c, isMessageKey(err.messageKey) ? err.messageKey : 'error.conflict');
      return c.redirect('/offers', 303);
    }
    throw err;
  }
});

const signedInHelper = guardedValue<MemberWithEmail>('ownHelper');

/** Only a helper answers offers (404 for anyone else, before the form is read). */
const ownHelper = createMiddleware<AppEnv>(async (c, next) => {
  signedInHelper.set(
    c,
    await ownHelperMemberId(c.var.deps, requireUser(c), { member: c.var.member }),
  );
  await next();
});

offerPages.post(
  '/offers/:id/decline',
  ownHelper,
  formBody(declineForm, (c, errors, values) =>
    offersPage(c, signedInHelper.of(c), {
      offerId: c.req.param('id') ?? '',
      message: errors.reason ?? '',
      reason: (values.reason ?? '').trim(),
    }),
  ),
  async (c) => {
    const { reason } = c.req.valid('form');
    try {
      await declineOffer(
        c.var.deps,
        requireUser(c),
        c.req.param('id'),
        reason,
        c.var.clientAddress,
      );
      setFlash(c, 'offers.declinedFlash');
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 409) throw err;
      setFlash(c, 'offers.alreadyAnswered');
    }
    return c.redirect('/offers', 303);
  },
);
