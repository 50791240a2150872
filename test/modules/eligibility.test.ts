import { beforeEach, describe, expect, it } from 'vitest';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// Household eligibility for the fee subsidy and 無償化 certifications (issue #18, point 3), on
// Node and on D1. The clock starts on Saturday 2026-11-21 10:00 JST.
let ctx: TestContext;
let staff: TestClient;
beforeEach(async () => {
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
});

interface HouseholdJson {
  eligibility: {
    id: string;
    category: string;
    inForce: boolean;
    revoked: boolean;
    checkedBy: string;
  }[];
  certifications: { id: string; certificationType: string; taxExempt: boolean; inForce: boolean }[];
}

const singleParent = {
  category: 'single_parent',
  evidence: '児童扶養手当証書',
  checkedOn: '2026-11-20',
  validFrom: '2026-08-01',
  validTo: '2026-12-15',
  note: null,
};

async function household() {
  const parent = await createMember(ctx.deps, { kind: 'requester' });
  const toddler = await createChild(ctx.deps, parent.member.id, { birthDate: '2025-03-10' });
  return { ...parent, toddler, client: await TestClient.signedInAs(ctx, parent.user) };
}

describe('household eligibility', () => {
  it('staff record a category with evidence and validity; the family reads it; it shows as expiring', async () => {
    const h = await household();
    const path = `/api/v1/members/${h.member.id}/eligibility`;
    const res = await staff.json('POST', path, singleParent);
    expect(res.status).toBe(201);
    const body = (await res.json()) as HouseholdJson;
    expect(body.eligibility).toMatchObject([
      { category: 'single_parent', inForce: true, revoked: false },
    ]);
    expect(((await (await h.client.get(path)).json()) as HouseholdJson).eligibility).toHaveLength(
      1,
    );

    const cert = await staff.json(
      'POST',
      `/api/v1/members/${h.member.id}/free-childcare-certifications`,
      {
        childId: h.toddler.id,
        certificationType: 'type3',
        certificateNo: 'M-2026-0042',
        taxExempt: true,
        checkedOn: '2026-11-20',
        validFrom: '2026-04-01',
        validTo: '2027-03-31',
      },
    );
    expect(cert.status).toBe(201);
    expect(((await cert.json()) as HouseholdJson).certifications).toMatchObject([
      { certificationType: 'type3', taxExempt: true, inForce: true },
    ]);

    // Ends on 2026-12-15, within a month of 2026-11-21; the certification (2027-03-31) does not.
    const expiring = await staff.get('/api/v1/eligibility/expiring');
    expect(((await expiring.json()) as { items: { kind: string; what: string }[] }).items).toEqual([
      expect.objectContaining({
        kind: 'eligibility',
        what: 'single_parent',
        validTo: '2026-12-15',
      }),
    ]);
    const home = await (await staff.get('/')).text();
    expect(home).toContain('まもなく期限が切れる助成・無償化の認定');
    expect(home).toContain('ひとり親世帯');
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', h.member.id)
      .where('action', 'in', ['eligibility_recorded', 'certification_recorded'])
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('revokes a record entered wrongly once; refuses bad input and another household’s child', async () => {
    const h = await household();
    const other = await household();
    const path = `/api/v1/members/${h.member.id}/eligibility`;
    const { eligibility } = (await (
      await staff.json('POST', path, singleParent)
    ).json()) as HouseholdJson;
    const revoked = await staff.json('POST', `${path}/revoke`, { recordId: eligibility[0]!.id });
    expect(((await revoked.json()) as HouseholdJson).eligibility[0]).toMatchObject({
      revoked: true,
      inForce: false,
    });
    const again = await staff.json('POST', `${path}/revoke`, { recordId: eligibility[0]!.id });
    expect(again.status).toBe(409);
    // Another household's record id is not revocable from this one.
    const theirs = (await (
      await staff.json('POST', `/api/v1/members/${other.member.id}/eligibility`, singleParent)
    ).json()) as HouseholdJson;
    expect(
      (await staff.json('POST', `${path}/revoke`, { recordId: theirs.eligibility[0]!.id })).status,
    ).toBe(409);

    for (const body of [
      { ...singleParent, category: 'rich' },
      { ...singleParent, validTo: '2026-07-31' },
      { ...singleParent, evidence: '' },
      { ...singleParent, memberId: other.member.id },
    ])
      expect((await staff.json('POST', path, body)).status).toBe(400);
    const wrongChild = await staff.json(
      'POST',
      `/api/v1/members/${h.member.id}/free-childcare-certifications`,
      {
        childId: other.toddler.id,
        certificationType: 'type2',
        certificateNo: 'X-1',
        taxExempt: false,
        checkedOn: '2026-11-20',
        validFrom: '2026-04-01',
        validTo: '2027-03-31',
      },
    );
    expect(wrongChild.status).toBe(422);
    expect(await wrongChild.json()).toMatchObject({ error: { code: 'child_not_in_household' } });
  });

  it('only staff write; a family reads only its own; a helper-only member has no household', async () => {
    const h = await household();
    const other = await household();
    const helper = await createEligibleHelper(ctx.deps);
    const path = `/api/v1/members/${h.member.id}/eligibility`;
    expect((await h.client.json('POST', path, singleParent)).status).toBe(403);
    expect((await other.client.get(path)).status).toBe(404);
    expect((await staff.get(`/api/v1/members/${helper.member.id}/eligibility`)).status).toBe(404);
    expect((await h.client.get(`/members/${h.member.id}/eligibility`)).status).toBe(403);
  });

  it('the staff page records through its forms and re-renders errors next to the fields', async () => {
    const h = await household();
    const page = `/members/${h.member.id}/eligibility`;
    expect((await staff.get(page)).status).toBe(200);
    const invalid = await staff.form(page, { ...singleParent, note: '', validTo: '2026-01-01' });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain('有効期間の終わりは、始まり以降の日付にしてください。');
    const saved = await staff.form(page, { ...singleParent, note: '' });
    expect(saved.status).toBe(303);
    const cert = await staff.form(`/members/${h.member.id}/free-childcare`, {
      childId: h.toddler.id,
      certificationType: 'type3',
      certificateNo: 'M-1',
      taxExempt: 'yes',
      certCheckedOn: '2026-11-20',
      certValidFrom: '2026-04-01',
      certValidTo: '2027-03-31',
    });
    expect(cert.status).toBe(303);
    const html = await (await staff.get(page)).text();
    expect(html).toContain('児童扶養手当証書');
    expect(html).toContain('新3号認定');
  });
});
