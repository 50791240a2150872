import { Hono } from 'hono';
import { z } from 'zod';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { readForm, validateForm } from '../../http/forms.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { formatDateTime, isValidDateString } from '../../lib/dates.js';
import { AppError, notFound } from '../../lib/errors.js';
import { translateLoose } from '../../lib/i18n.js';
import { AttendanceSheetPage } from '../../../views/pages/orientations/attendance-sheet.js';
import {
  OrientationListPage,
  type ScheduleValues,
} from '../../../views/pages/orientations/orientation-list.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { findMemberByIdentifier } from '../members/member-admin.queries.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { countAttendedBySession, listSheetRows } from './orientation-pages.queries.js';
import { findOrientation, listOrientations } from './orientations.queries.js';
import {
  recordOrientationAttendance,
  registerForOrientation,
  scheduleOrientation,
} from './orientations.service.js';

export const orientationPages = new Hono<AppEnv>();

const SESSION = '/orientations/:id{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}';
const PAST_LIMIT = 30;

/** Full-width digits and colons (１０：００) become ASCII; "9:30" becomes "09:30". */
const timeField = z
  .string()
  .transform((v) => {
    const s = v.normalize('NFKC').trim();
    return /^\d:\d\d$/.test(s) ? `0${s}` : s;
  })
  .pipe(
    z
      .string()
      .min(1)
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'orientationAdmin.validation.time'),
  );

/** The schedule form as typed; turned into the service's orientation input afterwards. */
const scheduleForm = z
  .object({
    date: z
      .string()
      .transform((v) => v.normalize('NFKC').trim())
      .pipe(z.string().min(1).refine(isValidDateString, 'validation.date')),
    startTime: timeField,
    endTime: timeField,
    venue: z.string().trim().min(1).max(200),
    capacity: z
      .string()
      .transform((v) => v.normalize('NFKC').trim())
      .pipe(
        z
          .string()
          .min(1)
          .regex(/^\d{1,3}$/, 'orientationAdmin.validation.capacity'),
      )
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(1, 'orientationAdmin.validation.capacity')
          .max(500, 'orientationAdmin.validation.capacity'),
      ),
    notes: z.string().trim().max(1000),
  })
  .refine((v) => v.endTime > v.startTime, {
    path: ['endTime'],
    message: 'validation.end_after_start',
  });

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
  return render(
    c,
    <OrientationListPage
      ctx={viewContext(c)}
      upcoming={upcoming}
      past={past.map((o) => ({ ...o, attended: attended.get(o.id) ?? 0 }))}
      pastLimit={PAST_LIMIT}
      pastTotal={pastAll.length}
      values={values}
      errors={errors}
    />,
    Object.keys(errors).length ? 422 : 200,
  );
}

orientationPages.get('/orientations', async (c) => {
  requireStaff(c);
  return renderList(c);
});

orientationPages.post('/orientations', async (c) => {
  const staff = requireStaff(c);
  const form = await readForm(c);
  const values: ScheduleValues = {
    date: form.date ?? '',
    startTime: form.startTime ?? '',
    endTime: form.endTime ?? '',
    venue: form.venue ?? '',
    capacity: form.capacity ?? '',
    notes: form.notes ?? '',
  };
  const parsed = validateForm(c, scheduleForm, values);
  if (!parsed.ok) {
    // In the order of the form, so the summary reads top to bottom.
    const ordered = Object.fromEntries(
      Object.keys(values)
        .filter((k) => parsed.errors[k])
        .map((k) => [k, parsed.errors[k]!]),
    );
    return renderList(c, values, ordered);
  }
  const v = parsed.data;
  const session = await scheduleOrientation(c.var.deps, staff, {
    startsAt: `${v.date}T${v.startTime}:00+09:00`,
    endsAt: `${v.date}T${v.endTime}:00+09:00`,
    venue: v.venue,
    capacity: v.capacity,
    notes: v.notes || null,
  });
  setFlash(c, 'orientationAdmin.scheduled', {
    date: formatDateTime(session.starts_at, c.var.locale),
  });
  return c.redirect('/orientations', 303);
});

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
  return render(
    c,
    <AttendanceSheetPage
      ctx={viewContext(c)}
      session={session}
      rows={rows}
      labels={settings.labels}
      checked={options.checked}
      values={options.values ?? {}}
      errors={options.errors ?? {}}
      started={session.starts_at <= nowIso}
      ended={session.ends_at <= nowIso}
    />,
    options.status ?? 200,
  );
}

orientationPages.get(SESSION, async (c) => {
  requireStaff(c);
  return renderSheet(c, await loadSession(c));
});

/** Member ids for what staff typed (numbers, phones, emails), or the message for the field. */
async function resolveMembers(
  c: AppContext,
  text: string,
): Promise<{ ids: string[] } | { error: string }> {
  const tokens = text
    .normalize('NFKC')
    .split(/[\s,、，]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const ids: string[] = [];
  const problems: string[] = [];
  for (const token of tokens) {
    const found = await findMemberByIdentifier(c.var.deps.db, token);
    if (found.found) ids.push(found.member.id);
    else
      problems.push(
        `${token}：${c.var.t(
          found.reason === 'ambiguous'
            ? 'memberAdmin.rule.member_ambiguous'
            : 'memberAdmin.rule.member_not_found',
        )}`,
      );
  }
  return problems.length ? { error: problems.join(' ') } : { ids };
}

orientationPages.post(`${SESSION}/attendance`, async (c) => {
  const staff = requireStaff(c);
  const session = await loadSession(c);
  const body = await c.req.parseBody({ all: true });
  const attended = [body.attended]
    .flat()
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
  const walkIns = typeof body.walkIns === 'string' ? body.walkIns : '';
  const resolved = await resolveMembers(c, walkIns);
  if ('error' in resolved) {
    return renderSheet(c, session, {
      values: { walkIns },
      errors: { walkIns: resolved.error },
      checked: new Set(attended),
      status: 422,
    });
  }
  const memberIds = [...new Set([...attended, ...resolved.ids])];
  try {
    await recordOrientationAttendance(c.var.deps, staff, session.id, memberIds);
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 422) throw err;
    return renderSheet(c, session, {
      values: { walkIns },
      errors: { walkIns: translateLoose(c.var.t, err.messageKey, 'error.title.422') },
      checked: new Set(attended),
      status: 422,
    });
  }
  setFlash(c, 'orientationAdmin.sheet.saved', { n: String(memberIds.length) });
  return c.redirect(`/orientations/${session.id}`, 303);
});

orientationPages.post(`${SESSION}/registrations`, async (c) => {
  requireStaff(c);
  const session = await loadSession(c);
  const form = await readForm(c);
  const member = (form.member ?? '').trim();
  const fail = (message: string, status: 409 | 422 = 422) =>
    renderSheet(c, session, { values: { member }, errors: { member: message }, status });
  if (!member) return fail(c.var.t('validation.required'));
  const found = await findMemberByIdentifier(c.var.deps.db, member);
  if (!found.found)
    return fail(
      c.var.t(
        found.reason === 'ambiguous'
          ? 'memberAdmin.rule.member_ambiguous'
          : 'memberAdmin.rule.member_not_found',
      ),
    );
  try {
    await registerForOrientation(c.var.deps, session.id, found.member.id);
  } catch (err) {
    if (!(err instanceof AppError) || (err.status !== 409 && err.status !== 422)) throw err;
    return fail(translateLoose(c.var.t, err.messageKey, 'error.title.422'), err.status);
  }
  setFlash(c, 'memberAdmin.flash.registered', {
    name: found.member.name,
    date: formatDateTime(session.starts_at, c.var.locale),
  });
  return c.redirect(`/orientations/${session.id}`, 303);
});
