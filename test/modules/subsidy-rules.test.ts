import { beforeEach, describe, expect, it } from 'vitest';
import { subsidyRulesValuesOf } from '../../src/modules/subsidies/subsidy-rules-form.js';
import {
  DEFAULT_SUBSIDY_RULES,
  type SubsidyRuleSet,
} from '../../src/modules/settings/subsidy-rules.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// Subsidy rules as settings with valid-from dates (issue #18 point 4), on Node and on D1.
// The clock starts on Saturday 2026-11-21 10:00 JST.
let ctx: TestContext;
let admin: TestClient;
beforeEach(async () => {
  ctx = await setupTestApp();
  admin = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'admin' }));
});

const april: SubsidyRuleSet = {
  ...structuredClone(DEFAULT_SUBSIDY_RULES),
  validFrom: '2027-04-01',
  categories: DEFAULT_SUBSIDY_RULES.categories.map((r) =>
    r.category === 'public_assistance'
      ? { ...r, basis: 'per_hour', perHourYen: 500, monthlyCap: 20_000, capPer: 'child' }
      : r,
  ),
};

describe('subsidy rules', () => {
  it('start with the defaults: half the fee up to ¥15,000, 無償化 ¥37,000 / ¥42,000', async () => {
    const res = await admin.get('/api/v1/subsidies/rules');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: SubsidyRuleSet[] };
    expect(items).toHaveLength(1);
    const single = items[0]!.categories.find((r) => r.category === 'single_parent')!;
    expect(single).toMatchObject({ basis: 'rate', ratePercent: 50, monthlyCap: 15_000 });
    expect(single).toMatchObject({ excludeCosts: true, excludeCancellationFees: true });
    expect(items[0]!.freeChildcare).toMatchObject({
      capAge3to5: 37_000,
      capAge0to2TaxExempt: 42_000,
    });
  });

  it('are added through the API with a valid-from date, once per date, and deleted before they apply', async () => {
    const added = await admin.json('POST', '/api/v1/subsidies/rules', april);
    expect(added.status).toBe(201);
    const { items } = (await added.json()) as { items: SubsidyRuleSet[] };
    expect(items.map((s) => s.validFrom)).toEqual(['2027-04-01', '2000-01-01']);
    const again = await admin.json('POST', '/api/v1/subsidies/rules', april);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'duplicate' } });

    const inForce = await admin.json('DELETE', '/api/v1/subsidies/rules/2000-01-01', {});
    expect(inForce.status).toBe(409);
    const gone = await admin.json('DELETE', '/api/v1/subsidies/rules/2027-04-01', {});
    expect(gone.status).toBe(200);
    expect(((await gone.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('are refused when a category is missing or a rate is out of range', async () => {
    const missing = { ...april, categories: april.categories.slice(1) };
    expect((await admin.json('POST', '/api/v1/subsidies/rules', missing)).status).toBe(400);
    const badRate = {
      ...april,
      categories: april.categories.map((r) => ({ ...r, ratePercent: 150 })),
    };
    expect((await admin.json('POST', '/api/v1/subsidies/rules', badRate)).status).toBe(400);
  });

  it('are edited on the admin page: the form starts as a copy, errors name the field', async () => {
    const page = await admin.get('/settings/subsidies');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('利用料助成・無償化の基準');
    expect(html).toContain('利用料の50%');

    const values = subsidyRulesValuesOf(april, '2027-04-01');
    const bad = await admin.form('/settings/subsidies/rules', {
      ...values,
      'tax_exempt.monthlyCap': 'たくさん',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('住民税非課税世帯：月の上限（円）');

    const ok = await admin.form('/settings/subsidies/rules', values);
    expect(ok.status).toBe(303);
    const { items } = (await (await admin.get('/api/v1/subsidies/rules')).json()) as {
      items: SubsidyRuleSet[];
    };
    expect(items[0]).toEqual(april);
    const dup = await admin.form('/settings/subsidies/rules', values);
    expect(dup.status).toBe(422);
    expect(await dup.text()).toContain('この日から適用する基準がすでにあります。');
  });

  it('are for admins only', async () => {
    const staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    expect((await staff.get('/settings/subsidies')).status).toBe(403);
    expect((await staff.json('POST', '/api/v1/subsidies/rules', april)).status).toBe(403);
  });
});
