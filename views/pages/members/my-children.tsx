import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { Child } from '../../../db/schema.js';
import { formatDate } from '../../../src/lib/dates.js';
import { ageInMonths } from '../../../src/modules/members/member-rules.js';
import { BackToMy } from '../../components/form-fields.js';
import { sexLabel } from './labels.js';

// NOTE: not `children`: hono/jsx unwraps a one-element `children` array, so a family with one
// child got a 500 here.
export function MyChildrenPage(props: { ctx: ViewContext; kids: Child[]; today: string }) {
  const { ctx } = props;
  const { t, locale } = ctx;
  const orEmpty = (v: string | null) => v || t('my.children.empty');
  const withAge = (date: string, months: number) => {
    const age = t('my.children.age', { years: Math.floor(months / 12), months: months % 12 });
    return locale === 'ja' ? `${date}（${age}）` : `${date} (${age})`;
  };
  return (
    <Layout ctx={ctx} title={t('my.children.title')}>
      <BackToMy t={t} />
      <h1>{t('my.children.title')}</h1>
      <p>{t('my.children.lead')}</p>
      <p>
        <a class="button button--primary" href="/my/children/new">
          {t('my.children.add')}
        </a>
      </p>
      {props.kids.length === 0 ? (
        <p>{t('my.children.none')}</p>
      ) : (
        props.kids.map((child) => {
          const months = Math.max(0, ageInMonths(child.birth_date, props.today));
          const headingId = `child-${child.id}`;
          return (
            <section class="card" aria-labelledby={headingId}>
              <h2 id={headingId}>
                {child.name}
                <span class="heading-sub">{child.name_kana}</span>
              </h2>
              <dl class="summary-list">
                <div>
                  <dt>{t('childField.birthDate')}</dt>
                  <dd>{withAge(formatDate(child.birth_date, locale), months)}</dd>
                </div>
                <div>
                  <dt>{t('childField.sex')}</dt>
                  <dd>{sexLabel(t, child.sex)}</dd>
                </div>
                <div>
                  <dt>{t('childField.school')}</dt>
                  <dd>{orEmpty(child.school)}</dd>
                </div>
                <div>
                  <dt>{t('childField.allergies')}</dt>
                  <dd class="pre-line">{orEmpty(child.allergies)}</dd>
                </div>
                <div>
                  <dt>{t('childField.healthNotes')}</dt>
                  <dd class="pre-line">{orEmpty(child.health_notes)}</dd>
                </div>
                <div>
                  <dt>{t('childField.familyDoctor')}</dt>
                  <dd>{orEmpty(child.family_doctor)}</dd>
                </div>
              </dl>
              <p>
                <a
                  class="button button--secondary"
                  href={`/my/children/${child.id}/edit`}
                  aria-describedby={headingId}
                >
                  {t('my.children.edit')}
                </a>
              </p>
            </section>
          );
        })
      )}
    </Layout>
  );
}
