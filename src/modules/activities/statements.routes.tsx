import { Hono } from 'hono';
import { requireUser } from '../../auth/guards.js';
import { isStaff, type AppEnv } from '../../context.js';
import { renderPage } from '../../http/render.js';
import { notFound } from '../../lib/errors.js';
import { StatementIndexPage, StatementPage } from '../../../views/pages/activities/statement.js';
import { findMemberById, findMemberByUserId } from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import {
  isValidMonth,
  monthOf,
  nextMonth,
  previousMonth,
  recentMonths,
} from '../fees/statements.js';
import { loadMonthMoney } from '../claims/claims.service.js';
import { loadStatement } from './activities.service.js';
import { listMonthStatements } from './activity-lists.service.js';

/** Statements (利用明細): the month's index and one member's statement. */
export const statementPages = new Hono<AppEnv>();

statementPages.get('/statements', async (c) => {
  const user = requireUser(c);
  const deps = c.var.deps;
  const thisMonth = monthOf(deps.clock.now());
  const months = recentMonths(thisMonth, 13);
  if (isStaff(user)) {
    const requested = c.req.query('month') ?? '';
    const month = isValidMonth(requested) ? requested : thisMonth;
    const { families, helpers } = await listMonthStatements(deps, month);
    return renderPage(c, StatementIndexPage, {
      month,
      months: months.includes(month) ? months : [month, ...months],
      families,
      helpers,
    });
  }
  const member = await findMemberByUserId(deps.db, user.id);
  if (!member) throw notFound();
  return renderPage(c, StatementIndexPage, {
    month: thisMonth,
    months,
    self: { memberId: member.id },
  });
});

statementPages.get('/statements/:memberId/:month', async (c) => {
  const user = requireUser(c);
  const deps = c.var.deps;
  const month = c.req.param('month');
  if (!isValidMonth(month)) throw notFound();
  const member = await findMemberById(deps.db, c.req.param('memberId'));
  if (!member || !canViewMember(user, member)) throw notFound();
  const [statement, money] = await Promise.all([
    loadStatement(deps, member, month),
    member.requester_status === null ? null : loadMonthMoney(deps, member.id, month),
  ]);
  const thisMonth = monthOf(deps.clock.now());
  return renderPage(c, StatementPage, {
    statement,
    money,
    prevHref: `/statements/${member.id}/${previousMonth(month)}`,
    nextHref: month < thisMonth ? `/statements/${member.id}/${nextMonth(month)}` : null,
  });
});
