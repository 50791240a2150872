import { areaName } from '../../../src/i18n/area-labels.js';
import { ErrorSummary, TextField, bindFields } from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { Area } from '../../../src/modules/settings/settings.schemas.js';
import type { SideStatus } from '../../../db/schema.js';
import { FieldFrame, TextareaField, describedBy } from '../../components/form-fields.js';
import { CATEGORIES, categoryNumberedLabel } from '../../../src/i18n/category-labels.js';
import { ageText } from './coordination-text.js';
import { FailureAlert } from './failure-alert.js';
import { Hidden } from '../../components/visually-hidden.js';
import { TelLink } from './tel-link.js';
import { StaffBackLink } from '../../components/back-link.js';
import { DataTable } from '../../components/data-table.js';

export interface IntakeMatch {
  id: string;
  memberNo: string | null;
  name: string;
  nameKana: string;
  area: string;
  phone: string;
  requesterStatus: SideStatus | null;
}

export interface IntakeMember {
  id: string;
  memberNo: string | null;
  name: string;
  phone: string;
  children: { id: string; name: string; ageMonths: number; eligible: boolean }[];
}

export interface IntakePageProps {
  ctx: ViewContext;
  areas: Area[];
  q: string;
  /** Null before a search. */
  matches: IntakeMatch[] | null;
  member: IntakeMember | null;
  values: Record<string, string>;
  /** Ticked checkboxes (children, weekdays) of a failed post. */
  childIds: string[];
  weekdays: number[];
  errors: Record<string, string>;
  failure?: string | undefined;
}

export function IntakePage(props: IntakePageProps) {
  const { t, locale } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t('coord.intake.title')}>
      <div class="coord-page">
        <StaffBackLink href="/board" label={t('coord.request.back')} />
        <h1>{t('coord.intake.title')}</h1>
        <p>{t('coord.intake.lead')}</p>
        {props.member ? (
          <IntakeForm {...props} member={props.member} />
        ) : (
          <section aria-labelledby="step1-title">
            <h2 id="step1-title">{t('coord.intake.step1')}</h2>
            <form
              method="get"
              action="/coordination/requests/new"
              class="card search-form"
              role="search"
            >
              <div class="field search-form__q">
                <label for="intake-q">{t('coord.intake.search')}</label>
                <input
                  id="intake-q"
                  name="q"
                  type="search"
                  value={props.q}
                  maxlength={100}
                  autocomplete="off"
                />
              </div>
              <button type="submit" class="button button--primary">
                {t('coord.intake.searchSubmit')}
              </button>
            </form>
            {props.matches &&
              (props.matches.length === 0 ? (
                <p role="status">{t('coord.intake.noResults')}</p>
              ) : (
                <>
                  <h3 id="matches-title" role="status">
                    {t('coord.intake.results', { count: props.matches.length })}
                  </h3>
                  <DataTable
                    class="coord-table coord-match-table"
                    head={[
                      t('coord.field.memberNo'),
                      t('coord.field.family'),
                      t('coord.field.area'),
                      t('coord.field.phone'),
                      t('coord.col.actions'),
                    ]}
                  >
                    {props.matches.map((m) => (
                      <tr>
                        <td data-label={t('coord.field.memberNo')} class="num">
                          {m.memberNo ?? '―'}
                        </td>
                        <th scope="row" data-label={t('coord.field.family')} class="coord-family">
                          {m.name}
                          <span class="coord-sub" lang="ja">
                            {m.nameKana}
                          </span>
                        </th>
                        <td data-label={t('coord.field.area')}>
                          {areaName(props.areas, m.area, locale)}
                        </td>
                        <td data-label={t('coord.field.phone')}>
                          <TelLink phone={m.phone} />
                        </td>
                        <td data-label={t('coord.col.actions')}>
                          {m.requesterStatus === 'active' ? (
                            <a
                              class="button button--primary button--small"
                              href={`/coordination/requests/new?member=${m.id}`}
                            >
                              {t('coord.intake.choose')}
                              <Hidden>{t('coord.intake.chooseFor', { name: m.name })}</Hidden>
                            </a>
                          ) : (
                            <span class="muted">{t('coord.intake.notActive')}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </DataTable>
                </>
              ))}
          </section>
        )}
      </div>
    </Layout>
  );
}

function IntakeForm(props: IntakePageProps & { member: IntakeMember }) {
  const { t } = props.ctx;
  const { member, values, errors } = props;
  const labels: Record<string, string> = {
    childIds: t('coord.intake.children'),
    category: t('coord.intake.category'),
    date: t('coord.intake.date'),
    start: t('coord.intake.start'),
    end: t('coord.intake.end'),
    careLocationNote: t('coord.intake.locationNote'),
    pickup: t('coord.intake.pickup'),
    dropoff: t('coord.intake.dropoff'),
    notes: t('coord.intake.notes'),
    weekdays: t('coord.intake.weekdays'),
    until: t('coord.intake.until'),
  };
  const repeatOpen = props.weekdays.length > 0 || !!errors.weekdays || !!errors.until;
  const field = bindFields(t, values, errors);
  return (
    <section aria-labelledby="step2-title">
      <h2 id="step2-title">
        {t('coord.intake.for', { name: member.name, memberNo: member.memberNo ?? '―' })}
      </h2>
      <p class="button-row">
        <TelLink phone={member.phone} />
        <a href="/coordination/requests/new">{t('coord.intake.changeMember')}</a>
      </p>
      <FailureAlert t={t} message={props.failure} />
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action="/coordination/requests/new" class="card coord-intake-form">
        <input type="hidden" name="requesterId" value={member.id} />
        <fieldset
          class={errors.childIds ? 'field field--error choice-group' : 'field choice-group'}
          id="field-childIds"
          tabindex={-1}
        >
          <legend>
            {t('coord.intake.children')}
            <span class="required">{t('form.required')}</span>
          </legend>
          {errors.childIds && <p class="field-error">{errors.childIds}</p>}
          {member.children.length === 0 ? (
            <p>{t('coord.intake.noChildren')}</p>
          ) : (
            <div class="choices choices--columns">
              {member.children.map((c) => (
                <div class="choice">
                  <input
                    type="checkbox"
                    id={`child-${c.id}`}
                    name="childIds"
                    value={c.id}
                    checked={props.childIds.includes(c.id)}
                    disabled={!c.eligible}
                  />
                  <label for={`child-${c.id}`}>
                    {t(c.eligible ? 'coord.intake.childAge' : 'coord.intake.childNotEligible', {
                      name: c.name,
                      age: ageText(t, c.ageMonths),
                    })}
                  </label>
                </div>
              ))}
            </div>
          )}
        </fieldset>

        <FieldFrame
          t={t}
          id="field-category"
          label={t('coord.intake.category')}
          error={errors.category}
          required
        >
          <select
            id="field-category"
            name="category"
            required
            aria-invalid={errors.category ? 'true' : undefined}
            aria-describedby={describedBy('field-category', undefined, errors.category)}
          >
            <option value="">{t('coord.select.placeholder')}</option>
            {CATEGORIES.map((n) => (
              <option value={String(n)} selected={values.category === String(n)}>
                {categoryNumberedLabel(t, n)}
              </option>
            ))}
          </select>
        </FieldFrame>

        <div class="coord-form-row">
          <TextField {...field('date')} type="date" label={t('coord.intake.date')} required />
          <TextField {...field('start')} type="time" label={t('coord.intake.start')} required />
          <TextField {...field('end')} type="time" label={t('coord.intake.end')} required />
        </div>

        <fieldset class="field choice-group">
          <legend>{t('coord.intake.location')}</legend>
          <div class="choices choices--inline">
            {(['helper_home', 'requester_home', 'other'] as const).map((loc) => (
              <div class="choice">
                <input
                  type="radio"
                  id={`location-${loc}`}
                  name="careLocation"
                  value={loc}
                  checked={(values.careLocation ?? 'helper_home') === loc}
                />
                <label for={`location-${loc}`}>{t(`coord.location.${loc}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextField
          {...field('careLocationNote')}
          label={t('coord.intake.locationNote')}
          maxlength={200}
        />
        <div class="coord-form-row">
          <TextField {...field('pickup')} label={t('coord.intake.pickup')} maxlength={200} />
          <TextField {...field('dropoff')} label={t('coord.intake.dropoff')} maxlength={200} />
        </div>
        <TextareaField
          {...field('notes')}
          id="field-notes"
          label={t('coord.intake.notes')}
          maxlength={2000}
        />

        <details class="disclosure" open={repeatOpen ? true : undefined}>
          <summary>{t('coord.intake.repeat')}</summary>
          <fieldset
            class={errors.weekdays ? 'field field--error choice-group' : 'field choice-group'}
            id="field-weekdays"
            tabindex={-1}
          >
            <legend>{t('coord.intake.weekdays')}</legend>
            {errors.weekdays && <p class="field-error">{errors.weekdays}</p>}
            <div class="choices coord-weekdays">
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <div class="choice">
                  <input
                    type="checkbox"
                    id={`weekday-${d}`}
                    name="weekdays"
                    value={String(d)}
                    checked={props.weekdays.includes(d)}
                  />
                  <label for={`weekday-${d}`}>{t(`coord.weekday.${d}` as 'coord.weekday.1')}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <TextField {...field('until')} type="date" label={t('coord.intake.until')} />
          <div class="choice choice-single">
            <input
              type="checkbox"
              id="field-skipHolidays"
              name="skipHolidays"
              value="1"
              checked={values.skipHolidays !== '0'}
            />
            <label for="field-skipHolidays">{t('coord.intake.skipHolidays')}</label>
          </div>
          <input type="hidden" name="repeatShown" value="1" />
        </details>

        <button type="submit" class="button button--primary">
          {t('coord.intake.submit')}
        </button>
      </form>
    </section>
  );
}
