import { beforeEach, describe, expect, it } from 'vitest';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// Issue #19 point 1: an accident recorded on its own (on the way to help, at training, at an
// event, or nowhere in particular), with its details; staff only, every read of one audited.
// The clock starts on Saturday 2026-11-21 10:00 JST.

let ctx: TestContext;
let staff: TestClient;
let staffUserId: string;
const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;

beforeEach(async () => {
  ctx = await setupTestApp();
  const user = await createUser(ctx.deps, { role: 'staff' });
  staffUserId = user.id;
  staff = await TestClient.signedInAs(ctx, user);
});

/** A request for tomorrow, entered by staff, assigned to a helper: status matched. */
async function matchedRequest() {
  const parent = await createMember(ctx.deps, { kind: 'requester' });
  const child = await createChild(ctx.deps, parent.member.id, { birthDate: '2021-06-01' });
  const helper = await createEligibleHelper(ctx.deps);
  const res = await staff.json('POST', '/api/v1/requests', {
    requesterId: parent.member.id,
    childIds: [child.id],
    category: 8,
    startsAt: jst('2026-11-22', '15:00'),
    endsAt: jst('2026-11-22', '17:00'),
  });
  expect(res.status).toBe(201);
  const id = ((await res.json()) as { request: { id: string } }).request.id;
  const assigned = await staff.json('POST', `/api/v1/requests/${id}/assign`, {
    helperId: helper.member.id,
  });
  expect(assigned.status).toBe(200);
  return { id, parent, helper, child };
}

const accident = (overrides: Record<string, unknown> = {}) => ({
  kind: 'accident',
  severity: 'moderate',
  description: '援助に向かう途中、自転車で転倒した。',
  actionTaken: '擦り傷を水で洗い、センターに電話した。',
  occurredAt: jst('2026-11-22', '14:40'),
  place: '駅前の交差点',
  situation: 'travel',
  victim: 'helper',
  victimName: '提供 花子',
  hospital: 'みどり整形外科',
  diagnosis: '左手首の捻挫',
  treatmentDays: 7,
  centerToldAt: jst('2026-11-22', '14:55'),
  ...overrides,
});

interface IncidentJson {
  id: string;
  activityId: string | null;
  link: { kind: string; id: string } | null;
  occurredAt: string;
  situation: string | null;
  victim: string | null;
  diagnosis?: string | null;
  hospital?: string | null;
  treatmentDays: number | null;
  helperName: string | null;
  requesterName: string | null;
  centerToldAt: string | null;
  reportToPrefecture: boolean;
}

describe('an incident on its own', () => {
  it('records an accident on the way to help, linked to the request, with its details', async () => {
    const req = await matchedRequest();
    ctx.clock.set(jst('2026-11-22', '16:00'));
    staff = await TestClient.signedInAs(ctx, { id: staffUserId, role: 'staff' });
    const res = await staff.json('POST', '/api/v1/incidents', accident({ requestId: req.id }));
    expect(res.status).toBe(201);
    const created = (await res.json()) as IncidentJson;
    expect(created).toMatchObject({
      activityId: null,
      link: { kind: 'request', id: req.id },
      occurredAt: '2026-11-22T14:40:00+09:00',
      situation: 'travel',
      victim: 'helper',
      diagnosis: '左手首の捻挫',
      treatmentDays: 7,
      helperName: req.helper.member.name,
      requesterName: req.parent.member.name,
      centerToldAt: '2026-11-22T14:55:00+09:00',
      reportToPrefecture: false,
    });

    // The list leaves names, hospital and diagnosis out; reading one is audited.
    const list = (await (await staff.get('/api/v1/incidents')).json()) as {
      items: IncidentJson[];
    };
    expect(list.items.map((i) => i.id)).toEqual([created.id]);
    expect(list.items[0]).not.toHaveProperty('diagnosis');
    expect(list.items[0]).not.toHaveProperty('hospital');
    const reads = () =>
      ctx.deps.db
        .selectFrom('audit_log')
        .select(['actor_user_id'])
        .where('action', '=', 'incident_read')
        .where('subject_id', '=', created.id)
        .execute();
    expect(await reads()).toEqual([]);
    const one = await staff.get(`/api/v1/incidents/${created.id}`);
    expect(((await one.json()) as IncidentJson).hospital).toBe('みどり整形外科');
    expect((await staff.get(`/incidents/${created.id}`)).status).toBe(200);
    expect(await reads()).toEqual([{ actor_user_id: staffUserId }, { actor_user_id: staffUserId }]);
  });

  it('is for staff only: members cannot list, read, record or change incidents', async () => {
    const req = await matchedRequest();
    const created = (await (
      await staff.json(
        'POST',
        '/api/v1/incidents',
        accident({ occurredAt: jst('2026-11-21', '09:00') }),
      )
    ).json()) as IncidentJson;
    const helper = await TestClient.signedInAs(ctx, req.helper.user);
    expect((await helper.get('/api/v1/incidents')).status).toBe(403);
    expect((await helper.get(`/api/v1/incidents/${created.id}`)).status).toBe(403);
    expect((await helper.json('POST', '/api/v1/incidents', accident())).status).toBe(403);
    expect((await helper.get(`/incidents/${created.id}`)).status).toBe(403);
  });

  it('refuses an incident in the future, an unknown link, two links, and 30+ days not flagged serious', async () => {
    const req = await matchedRequest();
    const future = await staff.json('POST', '/api/v1/incidents', accident());
    expect(future.status).toBe(422);
    expect(await future.json()).toMatchObject({ error: { code: 'incident_in_future' } });
    const past = { occurredAt: jst('2026-11-21', '09:00'), centerToldAt: null };
    const unknown = await staff.json(
      'POST',
      '/api/v1/incidents',
      accident({ ...past, eventId: 'no-such-event' }),
    );
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ error: { code: 'incident_link_not_found' } });
    const two = await staff.json(
      'POST',
      '/api/v1/incidents',
      accident({ ...past, requestId: req.id, eventId: 'x' }),
    );
    expect(two.status).toBe(400);
    const long = await staff.json(
      'POST',
      '/api/v1/incidents',
      accident({ ...past, treatmentDays: 30 }),
    );
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({
      error: { fields: { seriousReason: [expect.any(String)] } },
    });
    const toldBefore = await staff.json(
      'POST',
      '/api/v1/incidents',
      accident({ ...past, familyToldAt: jst('2026-11-21', '08:00') }),
    );
    expect(toldBefore.status).toBe(400);
    const serious = await staff.json(
      'POST',
      '/api/v1/incidents',
      accident({
        ...past,
        severity: 'serious',
        seriousReason: 'treatment_30_days',
        treatmentDays: 45,
      }),
    );
    expect(serious.status).toBe(201);
    expect(((await serious.json()) as IncidentJson).reportToPrefecture).toBe(true);
    // Every staff member is told of a serious accident at once.
    const notices = await ctx.deps.db
      .selectFrom('notification')
      .select('kind')
      .where('user_id', '=', staffUserId)
      .where('kind', '=', 'incident_serious')
      .execute();
    expect(notices).toHaveLength(1);
  });

  it('is completed later: diagnosis and days of treatment are added by PUT', async () => {
    const past = { occurredAt: jst('2026-11-21', '09:00'), centerToldAt: null };
    const created = (await (
      await staff.json(
        'POST',
        '/api/v1/incidents',
        accident({ ...past, hospital: null, diagnosis: null, treatmentDays: null }),
      )
    ).json()) as IncidentJson;
    expect(created.treatmentDays).toBeNull();
    const res = await staff.json(
      'PUT',
      `/api/v1/incidents/${created.id}`,
      accident({ ...past, diagnosis: '打撲', treatmentDays: 3 }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ diagnosis: '打撲', treatmentDays: 3 });
    expect((await staff.json('PUT', '/api/v1/incidents/nope', accident(past))).status).toBe(404);
  });
});

describe('the incident pages', () => {
  it('records one from the form, linked to a recent request, and shows it', async () => {
    const req = await matchedRequest();
    ctx.clock.set(jst('2026-11-22', '16:00'));
    staff = await TestClient.signedInAs(ctx, { id: staffUserId, role: 'staff' });
    const page = await staff.get(`/incidents/new?request=${req.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`value="request:${req.id}" selected`);

    const fields = {
      link: `request:${req.id}`,
      date: '2026-11-22',
      time: '14:40',
      place: '駅前の交差点',
      situation: 'travel',
      kind: 'accident',
      severity: 'moderate',
      seriousReason: '',
      victim: 'helper',
      victimName: '',
      damage: '',
      description: '自転車で転倒した。',
      actionTaken: '傷を洗った。',
      hospital: 'みどり整形外科',
      diagnosis: '',
      treatmentDays: '7',
      centerToldDate: '2026-11-22',
      centerToldTime: '14:55',
    };
    const bad = await staff.form('/incidents/new', {
      ...fields,
      time: '25:00',
      treatmentDays: 'x',
    });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('自転車で転倒した。');
    expect(badHtml).toContain('field-time-error');
    expect(badHtml).toContain('field-treatmentDays-error');

    const res = await staff.form('/incidents/new', fields);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/incidents\/[0-9a-f-]{36}$/);
    const detail = await (await staff.get(location)).text();
    expect(detail).toContain('みどり整形外科');
    expect(detail).toContain('援助の行き帰り');

    const edit = await staff.form(`${location}/edit`, { ...fields, diagnosis: '左手首の捻挫' });
    expect(edit.status).toBe(303);
    expect(await (await staff.get(`${location}/print`)).text()).toContain('左手首の捻挫');
    const list = await (await staff.get('/incidents')).text();
    expect(list).toContain('自転車で転倒した。');
  });
});

describe('insurance cases', () => {
  interface CaseJson {
    id: string;
    cover: string;
    claimDeadlineOn: string;
    nearingDeadline: boolean;
    knownInAdvance: boolean;
    insurerNotifiedOn: string | null;
    amountPaid: number | null;
    closedOn: string | null;
  }

  it('opens a case per cover with the 180-day deadline, records progress, and closes it', async () => {
    const req = await matchedRequest();
    ctx.clock.set(jst('2026-11-22', '16:00'));
    staff = await TestClient.signedInAs(ctx, { id: staffUserId, role: 'staff' });
    const incident = (await (
      await staff.json('POST', '/api/v1/incidents', accident({ requestId: req.id }))
    ).json()) as IncidentJson;
    const res = await staff.json('POST', `/api/v1/incidents/${incident.id}/insurance-cases`, {
      cover: 'helper_injury',
    });
    expect(res.status).toBe(201);
    const opened = (await res.json()) as CaseJson;
    // 2026-11-22 + 180 days; the request was arranged before the accident: insured help.
    expect(opened).toMatchObject({
      cover: 'helper_injury',
      claimDeadlineOn: '2027-05-21',
      nearingDeadline: false,
      knownInAdvance: true,
      closedOn: null,
    });
    const again = await staff.json('POST', `/api/v1/incidents/${incident.id}/insurance-cases`, {
      cover: 'helper_injury',
    });
    expect(again.status).toBe(409);
    const unknown = await staff.json('POST', `/api/v1/incidents/${incident.id}/insurance-cases`, {
      cover: 'car',
    });
    expect(await unknown.json()).toMatchObject({ error: { code: 'insurance_unknown_cover' } });

    const progress = await staff.json('PUT', `/api/v1/insurance-cases/${opened.id}`, {
      insurerNotifiedOn: '2026-11-22',
      documentsSent: '事故報告書、診断書',
      documentsSentOn: '2026-11-22',
      amountPaid: 15000,
      paidOn: '2026-11-22',
    });
    expect(progress.status).toBe(200);
    expect(await progress.json()).toMatchObject({
      insurerNotifiedOn: '2026-11-22',
      amountPaid: 15000,
    });
    const early = await staff.json('POST', `/api/v1/insurance-cases/${opened.id}/close`, {
      closedOn: '2026-11-21',
    });
    expect(await early.json()).toMatchObject({ error: { code: 'insurance_close_date' } });
    const closed = await staff.json('POST', `/api/v1/insurance-cases/${opened.id}/close`, {
      closedOn: '2026-11-22',
    });
    expect(closed.status).toBe(200);
    expect(
      (await staff.json('PUT', `/api/v1/insurance-cases/${opened.id}`, { note: 'x' })).status,
    ).toBe(409);
    const open = (await (await staff.get('/api/v1/insurance-cases')).json()) as {
      items: CaseJson[];
    };
    expect(open.items).toEqual([]);
    const done = (await (await staff.get('/api/v1/insurance-cases?state=closed')).json()) as {
      items: CaseJson[];
    };
    expect(done.items.map((c) => c.id)).toEqual([opened.id]);
  });

  it('warns when the help was not known to the center before the accident, and flags a near deadline', async () => {
    // An accident on the way to help that no request announced.
    const incident = (await (
      await staff.json(
        'POST',
        '/api/v1/incidents',
        accident({ occurredAt: jst('2026-11-21', '09:00'), centerToldAt: null }),
      )
    ).json()) as IncidentJson;
    const opened = (await (
      await staff.json('POST', `/api/v1/incidents/${incident.id}/insurance-cases`, {
        cover: 'liability',
      })
    ).json()) as CaseJson;
    expect(opened.knownInAdvance).toBe(false);
    const page = await (await staff.get(`/incidents/${incident.id}`)).text();
    expect(page).toContain('事前にセンターが把握していない援助は保険の対象外です');

    // 155 days later the deadline (2027-05-20) is 25 days away: within the 30-day warning.
    ctx.clock.set(jst('2027-04-25', '10:00'));
    staff = await TestClient.signedInAs(ctx, { id: staffUserId, role: 'staff' });
    const list = (await (await staff.get('/api/v1/insurance-cases')).json()) as {
      items: CaseJson[];
    };
    expect(list.items).toEqual([
      expect.objectContaining({
        id: opened.id,
        nearingDeadline: true,
        claimDeadlineOn: '2027-05-20',
      }),
    ]);
    // The staff dashboard lists it with its deadline.
    const home = await (await staff.get('/')).text();
    expect(home).toContain('id="dash-insurance"');
    expect(home).toContain(`/insurance-cases/${opened.id}`);
    // A near-miss is no claim.
    const nearMiss = (await (
      await staff.json(
        'POST',
        '/api/v1/incidents',
        accident({
          kind: 'near_miss',
          severity: 'minor',
          occurredAt: jst('2027-04-25', '09:00'),
          centerToldAt: null,
        }),
      )
    ).json()) as IncidentJson;
    const refused = await staff.json('POST', `/api/v1/incidents/${nearMiss.id}/insurance-cases`, {
      cover: 'liability',
    });
    expect(await refused.json()).toMatchObject({ error: { code: 'insurance_near_miss' } });
  });

  it('runs through the pages: open from the accident, record the insurer, close', async () => {
    const incident = (await (
      await staff.json(
        'POST',
        '/api/v1/incidents',
        accident({ occurredAt: jst('2026-11-21', '09:00'), centerToldAt: null }),
      )
    ).json()) as IncidentJson;
    const opened = await staff.form(`/incidents/${incident.id}/insurance-cases`, {
      cover: 'helper_injury',
    });
    expect(opened.status).toBe(303);
    const casePath = opened.headers.get('location')!;
    const bad = await staff.form(casePath, { insurerNotifiedOn: '2026-11-21', amountPaid: 'abc' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('field-amountPaid-error');
    const saved = await staff.form(casePath, {
      insurerNotifiedOn: '2026-11-21',
      documentsSent: '事故報告書',
      amountPaid: '１２,０００',
      paidOn: '2026-11-21',
    });
    expect(saved.status).toBe(303);
    expect(await (await staff.get(casePath)).text()).toContain('12,000');
    const close = await staff.form(`${casePath}/close`, { closedOn: '2026-11-21' });
    expect(close.status).toBe(303);
    const list = await (await staff.get('/insurance-cases?state=closed')).text();
    expect(list).toContain(casePath);
  });
});
