import { Hono } from 'hono';
import { requireUser } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { signedIn } from '../../http/validate.js';
import { formatMonth } from '../../lib/dates.js';
import { ReceiptPage } from '../../../views/pages/payments/receipt.js';
import { whenText } from '../../../views/pages/activities/activity-text.js';
import {
  loadActivityReceipt,
  loadMonthReceipt,
  printActivityReceipt,
  printMonthReceipt,
} from './receipts.service.js';

/** Receipts (領収書): an activity's, and a family's month. */
export const receiptPages = new Hono<AppEnv>();

receiptPages.get('/activities/:id/receipt', async (c) => {
  const { activity, receipt } = await loadActivityReceipt(
    c.var.deps,
    requireUser(c),
    c.req.param('id'),
  );
  return renderPage(c, ReceiptPage, {
    subjectTitle: whenText(activity.started_at, activity.ended_at, c.var.locale),
    receipt,
    printAction: `/activities/${activity.id}/receipt`,
    backHref: `/activities/${activity.id}`,
  });
});

receiptPages.post('/activities/:id/receipt', signedIn, async (c) => {
  const user = requireUser(c);
  const { activity, receipt } = await loadActivityReceipt(c.var.deps, user, c.req.param('id'));
  await printActivityReceipt(c.var.deps, user, activity, receipt, c.var.clientAddress);
  setFlash(c, receipt ? 'receipts.flash.reprinted' : 'receipts.flash.issued');
  return c.redirect(`/activities/${activity.id}/receipt`, 303);
});

receiptPages.get('/statements/:memberId/:month/receipt', async (c) => {
  const { member, month, receipt } = await loadMonthReceipt(
    c.var.deps,
    requireUser(c),
    c.req.param('memberId'),
    c.req.param('month'),
  );
  const t = c.var.t;
  return renderPage(c, ReceiptPage, {
    subjectTitle: t('receipts.subjectMonth', { month: formatMonth(month, c.var.locale) }),
    receipt,
    printAction: `/statements/${member.id}/${month}/receipt`,
    backHref: `/statements/${member.id}/${month}`,
  });
});

receiptPages.post('/statements/:memberId/:month/receipt', signedIn, async (c) => {
  const user = requireUser(c);
  const { member, month, receipt } = await loadMonthReceipt(
    c.var.deps,
    user,
    c.req.param('memberId'),
    c.req.param('month'),
  );
  await printMonthReceipt(c.var.deps, user, member, month, receipt, c.var.clientAddress);
  setFlash(c, receipt ? 'receipts.flash.reprinted' : 'receipts.flash.issued');
  return c.redirect(`/statements/${member.id}/${month}/receipt`, 303);
});
