import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { formBody, staffOnly } from '../../http/validate.js';
import { acceptsAnyForm } from '../../http/form-fields.js';
import { renderPage, setFlash } from '../../http/render.js';
import { UUID } from '../../http/paths.js';
import { formatDateTime } from '../../lib/dates.js';
import { AppError, notFound } from '../../lib/errors.js';
import { translateLoose } from '../../lib/i18n.js';
import { AttendanceSheetPage } from '../../../views/pages/orientations/attendance-sheet.js';
import {
  OrientationListPage,
  type ScheduleValues,
} from '../../../views/pages/orientations/orientation-list.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { countAttendedBySession, listSheetRows } from './orientation-pages.queries.js';
import { findOrientation, listOrientations } from './orientations.queries.js';
import {
  attendanceSheetForm,
  memberIdentifierForm,
  scheduleForm,
  scheduleValues,
} from './orientation-form.js';
import {
  recordOrientationAttendance,
  registerByIdentifier,
  resolveMemberIdentifiers,
  scheduleOrientation,
} from './orientations.service.js';

export const orientationPages = new Hono<AppEnv>();

const SESSION = `/orientations/:id{${UUID}}`;
const PAST_LIMIT = 30;

async function renderList(c: AppContext, values: ScheduleValues = {}, errors: FormErrors = {}) {
  const { db } = c.var.deps;
  const nowIso = c.var.deps.clock.now().toISOString();
  const all = await listOrientations(db);
  const upcoming = all.filter((o) => o.ends_at > nowIso);
  const pastAll = all.filter((o) => o.ends_at <= nowIso).reverse();
  const past = pastAll.slice(0, PAST_LIMIT);
  const attended = await countAttendedBySession(
    db,
    past.map((o) => o.id),
  );
  return renderPage(
    c,
    OrientationListPage,
    {
      upcoming,
      past: past.map((o) => ({ ...o, attended: attended.get(o.id) ?? 0 })),
      pastLimit: PAST_LIMIT,
      pastTotal: pastAll.length,
      values,
      errors,
    },
    Object.keys(errors).length ? 422 : 200,
  );
}

orientationPages.get('/orientations', async (c) => {
  requireStaff(c);
  return renderList(c);
});

orientationPages.post(
  '/orientations',
  staffOnly,
  formBody(scheduleForm, (c, errors, values) => renderList(c, scheduleValues(values), errors)),
  async (c) => {
    const staff = requireStaff(c);
    const session = await scheduleOrientation(c.var.deps, staff, c.req.valid('form'));
    setFlash(c, 'orientationAdmin.scheduled', {
      date: formatDateTime(session.starts_at, c.var.locale),
    });
    return c.redirect('/orientations', 303);
  },
);

async function loadSession(c: AppContext) {
  const session = await findOrientation(c.var.deps.db, c.req.param('id') ?? '');
  if (!session) throw notFound();
  return session;
}

async function renderSheet(
  c: AppContext,
  session: NonNullable<Awaited<ReturnType<typeof findOrientation>>>,
  options: {
    values?: { walkIns?: string; member?: string };
    errors?: FormErrors;
    checked?: Set<string>;
    status?: 200 | 409 | 422;
  } = {},
) {
  const nowIso = c.var.deps.clock.now().toISOString();
  const [rows, settings] = await Promise.all([
    listSheetRows(c.var.deps.db, session.id),
    getCenterSettings(c.var.deps),
  ]);
  return renderPage(
    c,
    AttendanceSheetPage,
    {
      session,
      rows,
      labels: settings.labels,
      checked: options.checked,
      values: options.values ?? {},
      errors: options.errors ?? {},
      started: session.starts_at <= nowIso,
      ended: session.ends_at <= nowIso,
    },
    options.status ?? 200,
  );
}

orientationPages.get(SESSION, async (c) => {
  requireStaff(c);
  return renderSheet(c, await loadSession(c));
});

orientationPages.post(
  `${SESSION}/attendance`,
  staffOnly,
  formBody(attendanceSheetForm, acceptsAnyForm),
  async (c) => {
    const staff = requireStaff(c);
    const session = await loadSession(c);
    const { attended, walkIns } = c.req.valid('form');
    const again = (message: string) =>
      renderSheet(c, session, {
        values: { walkIns },
        errors: { walkIns: message },
        checked: new Set(attended),
        status: 422,
      });
    const resolved = await resolveMemberIdentifiers(c.var.deps, walkIns);
    if (resolved.problems.length) {
      return again(
        resolved.problems
          .map((p) => `${p.token}：${translateLoose(c.var.t, p.messageKey, 'error.title.422')}`)
          .join(' '),
      );
    }
    const memberIds = [...new Set([...attended, ...resolved.ids])];
    try {
      await recordOrientationAttendance(c.var.deps, staff, session.id, memberIds);
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 422) throw err;
      return again(translateLoose(c.var.t, err.messageKey, 'error.title.422'));
    }
    setFlash(c, 'orientationAdmin.sheet.saved', { n: String(memberIds.length) });
    return c.redirect(`/orientations/${session.id}`, 303);
  },
);

const registrationFailed = async (
  c: AppContext,
  member: string,
  message: string,
  status: 409 | 422 = 422,
) =>
  renderSheet(c, await loadSession(c), {
    values: { member },
    errors: { member: message },
    status,
  });

orientationPages.post(
  `${SESSION}/registrations`,
  staffOnly,
  formBody(memberIdentifierForm, (c, errors, values) =>
    registrationFailed(c, (values.member ?? '').trim(), errors.member ?? ''),
  ),
  async (c) => {
    const session = await loadSession(c);
    const identifier = c.req.valid('form');
    let member: { name: string };
    try {
      member = await registerByIdentifier(c.var.deps, session.id, identifier);
    } catch (err) {
      if (!(err instanceof AppError) || (err.status !== 409 && err.status !== 422)) throw err;
      const message = translateLoose(c.var.t, err.messageKey, 'error.title.422');
      return registrationFailed(c, identifier, message, err.status);
    }
    setFlash(c, 'memberAdmin.flash.registered', {
      name: member.name,
      date: formatDateTime(session.starts_at, c.var.locale),
    });
    return c.redirect(`/orientations/${session.id}`, 303);
  },
);
