import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import {
  TextField,
  type FormErrors,
  RadioGroup,
  bindFields,
} from '../../components/form-fields.js';
import type { FeeTable } from '../../../src/modules/fees/fee-table.js';
import { yen } from '../../format.js';
import { AddVersionForm, DatedVersionList } from '../../components/dated-versions.js';
import { StaffBackLink } from '../../components/back-link.js';

/**
 * 報酬基準 (fee tables), for admins: every table with the date it applies from, and a form to
 * add a new one. A new table prices activities from its date on; reported activities keep the
 * fee they were stored with.
 */

export type FeeTableFormValues = Record<string, string>;

/** The sick-child and emergency programme's band edges and rates (issue #20). */
export const PROGRAMME_BAND_FIELDS = [
  'programme.earlyStart',
  'programme.dayStart',
  'programme.lateStart',
  'programme.overnightStart',
] as const;
export const PROGRAMME_RATE_FIELDS = [
  'programme.sick',
  'programme.emergency',
  'programme.holiday',
  'programme.early',
  'programme.late',
  'programme.overnight',
] as const;
const PROGRAMME_FEE_FIELDS = [...PROGRAMME_BAND_FIELDS, ...PROGRAMME_RATE_FIELDS] as const;

export const FEE_FORM_FIELDS = [
  'validFrom',
  'weekdayDay',
  'weekdayOther',
  'weekendHoliday',
  'yearEnd',
  'sickChild',
  'dayStart',
  'dayEnd',
  'siblingPercent',
  'unitMinutes',
  'minimumUnits',
  'yearEndFrom',
  'yearEndTo',
  'sickChildCategory',
  'sameDayUnits',
  'noShow',
  ...PROGRAMME_FEE_FIELDS,
] as const;

export function FeeTablesPage(props: {
  ctx: ViewContext;
  tables: FeeTable[];
  today: string;
  values: FeeTableFormValues;
  errors: FormErrors;
}) {
  const { ctx, values: v, errors } = props;
  const { t, locale } = ctx;
  const labels: Record<string, string> = Object.fromEntries(
    FEE_FORM_FIELDS.map((f) => [
      f,
      f.startsWith('programme.')
        ? t(`feeTables.${f}` as 'feeTables.programme.sick')
        : t(`feeTables.field.${f}` as 'feeTables.field.validFrom'),
    ]),
  );
  const field = bindFields(t, v, errors, labels);
  return (
    <Layout ctx={ctx} title={t('feeTables.title')}>
      <StaffBackLink href="/settings" label={t('feeTables.backToSettings')} />
      <h1>{t('feeTables.title')}</h1>
      <p>{t('feeTables.lead')}</p>
      <DatedVersionList
        ctx={ctx}
        versions={props.tables}
        today={props.today}
        idPrefix="table"
        deletePath="/settings/fees/tables"
        rows={(x) => [
          [
            t('feeTables.rates'),
            t('feeTables.ratesValue', {
              day: yen(x.rates.weekdayDay, locale),
              other: yen(x.rates.weekdayOther, locale),
              weekend: yen(x.rates.weekendHoliday, locale),
              yearEnd: yen(x.rates.yearEnd, locale),
              sick: yen(x.rates.sickChild, locale),
            }),
          ],
          [t('feeTables.field.dayStart'), `${x.weekdayDayBand.start}–${x.weekdayDayBand.end}`],
          [
            t('feeTables.units'),
            t('feeTables.unitsValue', {
              unit: x.unitMinutes,
              min: x.minimumUnits,
              sibling: Math.round(x.siblingFactor * 100),
            }),
          ],
          [
            t('feeTables.yearEndRange'),
            x.yearEnd ? `${x.yearEnd.from} – ${x.yearEnd.to}` : t('feeTables.none'),
          ],
          [
            t('feeTables.programme'),
            <>
              {PROGRAMME_RATE_FIELDS.map((f) => {
                const rate = x.programme.rates[f.slice('programme.'.length) as 'sick'];
                return `${labels[f]} ${yen(rate, locale)}`;
              }).join(' / ')}
              <br />
              {PROGRAMME_BAND_FIELDS.map(
                (f) => `${labels[f]} ${x.programme[f.slice('programme.'.length) as 'dayStart']}`,
              ).join(' / ')}
            </>,
          ],
          [
            t('feeTables.cancellation'),
            t('feeTables.cancellationValue', {
              units: x.cancellation.sameDayUnits,
              noShow: t(`feeTables.noShow.${x.cancellation.noShow}`),
            }),
          ],
        ]}
      />
      <AddVersionForm
        ctx={ctx}
        title={t('feeTables.addTitle')}
        lead={t('feeTables.addLead')}
        action="/settings/fees/tables"
        submit={t('feeTables.add')}
        errors={errors}
        labels={labels}
      >
        <TextField {...field('validFrom')} type="date" required />
        <fieldset class="form-section">
          <legend>{t('feeTables.rates')}</legend>
          {(['weekdayDay', 'weekdayOther', 'weekendHoliday', 'yearEnd', 'sickChild'] as const).map(
            (f) => (
              <TextField {...field(f)} inputmode="numeric" size="short" required />
            ),
          )}
        </fieldset>
        <fieldset class="form-section">
          <legend>{t('feeTables.rules')}</legend>
          <div class="act-times">
            <TextField {...field('dayStart')} type="time" required />
            <TextField {...field('dayEnd')} type="time" required />
          </div>
          {(
            [
              'siblingPercent',
              'unitMinutes',
              'minimumUnits',
              'sickChildCategory',
              'sameDayUnits',
            ] as const
          ).map((f) => (
            <TextField
              t={t}
              name={f}
              label={labels[f]!}
              value={v[f]}
              error={errors[f]}
              inputmode="numeric"
              size="short"
              required
            />
          ))}
          <div class="act-times">
            <TextField {...field('yearEndFrom')} hint={t('feeTables.monthDayHint')} size="short" />
            <TextField {...field('yearEndTo')} hint={t('feeTables.monthDayHint')} size="short" />
          </div>
          <RadioGroup
            {...field('noShow')}
            legend={labels.noShow!}
            options={[
              { value: 'full', label: t('feeTables.noShow.full') },
              { value: 'same_day', label: t('feeTables.noShow.same_day') },
            ]}
          />
        </fieldset>
        <fieldset class="form-section">
          <legend>{t('feeTables.programme')}</legend>
          {PROGRAMME_RATE_FIELDS.map((f) => (
            <TextField {...field(f)} inputmode="numeric" size="short" required />
          ))}
        </fieldset>
        <fieldset class="form-section" aria-describedby="programme-bands-hint">
          <legend>{t('feeTables.programmeBands')}</legend>
          <p class="hint" id="programme-bands-hint">
            {t('feeTables.programme.bandsHint')}
          </p>
          <div class="act-times">
            {PROGRAMME_BAND_FIELDS.map((f) => (
              <TextField {...field(f)} type="time" required />
            ))}
          </div>
        </fieldset>
      </AddVersionForm>
    </Layout>
  );
}
