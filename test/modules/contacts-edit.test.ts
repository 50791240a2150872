import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { createMember } from '../helpers/factories.js';
import { setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await setupTestApp();
});

async function family() {
  const { user, member } = await createMember(ctx.deps);
  const now = ctx.deps.clock.now().toISOString();
  const contact = {
    id: newId(),
    member_id: member.id,
    name: '田中 一郎',
    relation: '夫',
    phone: '090-3333-4444',
    created_at: now,
  };
  const pickup = {
    id: newId(),
    member_id: member.id,
    name: '山田 花子',
    relation: '祖母',
    phone: '042-123-4567',
    created_at: now,
  };
  await ctx.deps.db.insertInto('emergency_contact').values(contact).execute();
  await ctx.deps.db.insertInto('authorized_pickup').values(pickup).execute();
  return { member, contact, pickup, client: await TestClient.signedInAs(ctx, user) };
}

const fields = (prefix: string, v: { name: string; relation: string; phone: string }) => ({
  [`${prefix}.name`]: v.name,
  [`${prefix}.relation`]: v.relation,
  [`${prefix}.phone`]: v.phone,
});

describe('emergency contacts and pick-up people are edited in place', () => {
  it('shows an edit form in each row, filled with the row, and saves a change', async () => {
    const { contact, pickup, client } = await family();
    const page = await (await client.get('/my/contacts')).text();
    expect(page).toContain(`action="/my/contacts/${contact.id}"`);
    expect(page).toContain(`name="contact.${contact.id}.phone"`);
    expect(page).toContain('value="090-3333-4444"');

    const res = await client.form(
      `/my/contacts/${contact.id}`,
      fields(`contact.${contact.id}`, {
        name: '田中 一郎',
        relation: '夫',
        phone: '０８０－５５５５－６６６６',
      }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/my/contacts#contacts');
    const saved = await ctx.deps.db
      .selectFrom('emergency_contact')
      .select('phone')
      .where('id', '=', contact.id)
      .executeTakeFirstOrThrow();
    expect(saved.phone).toBe('080-5555-6666');

    const res2 = await client.form(
      `/my/pickups/${pickup.id}`,
      fields(`pickup.${pickup.id}`, { name: '山田 花子', relation: '母', phone: '042-123-4567' }),
    );
    expect(res2.status).toBe(303);
    const savedPickup = await ctx.deps.db
      .selectFrom('authorized_pickup')
      .select('relation')
      .where('id', '=', pickup.id)
      .executeTakeFirstOrThrow();
    expect(savedPickup.relation).toBe('母');
  });

  it('re-opens the refused row with its messages and what was typed', async () => {
    const { contact, client } = await family();
    const res = await client.form(
      `/my/contacts/${contact.id}`,
      fields(`contact.${contact.id}`, { name: '', relation: '夫', phone: '090-33' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<details class="contact-edit" open/);
    expect(html).toContain(`id="field-contact.${contact.id}.name-error"`);
    expect(html).toContain('桁が足りません');
    expect(html).toContain('value="090-33"');
    const kept = await ctx.deps.db
      .selectFrom('emergency_contact')
      .select('phone')
      .where('id', '=', contact.id)
      .executeTakeFirstOrThrow();
    expect(kept.phone).toBe('090-3333-4444');
  });

  it('answers 404 for another family’s contact, whatever was sent', async () => {
    const { contact } = await family();
    const other = await family();
    const res = await other.client.form(
      `/my/contacts/${contact.id}`,
      fields(`contact.${contact.id}`, { name: '他人', relation: '他人', phone: '090-0000-0000' }),
    );
    expect(res.status).toBe(404);
    const kept = await ctx.deps.db
      .selectFrom('emergency_contact')
      .select('name')
      .where('id', '=', contact.id)
      .executeTakeFirstOrThrow();
    expect(kept.name).toBe('田中 一郎');
  });
});
