import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import { formatMemberNo } from '../../../src/modules/members/members.json.js';
import { hoursText, moduleTitle } from './training-text.js';
import { paren } from '../../format.js';
import type { ModuleView } from '../../../src/modules/trainings/trainings.views.js';
import { DataTable } from '../../components/data-table.js';

/**
 * The certificate of completion (修了証) of the helper course, laid out for A4 printing: the
 * print section of app.css hides the site's header, menus and this page's hint and button.
 */
export function CertificatePage(props: {
  ctx: ViewContext;
  member: { name: string; memberNo: number | null };
  modules: { module: ModuleView; completedOn: string; exempt: boolean }[];
  completedOn: string;
  issuedOn: string;
}) {
  const { t, locale } = props.ctx;
  const center = t('app.center');
  const hours = Math.round(props.modules.reduce((n, m) => n + m.module.hours, 0) * 100) / 100;
  return (
    <Layout ctx={props.ctx} title={t('training.certificate.title')}>
      <div class="no-print training-actions">
        <p class="hint">{t('training.certificate.printHint')}</p>
        {/* Shown by print.js only when JavaScript runs; the browser's own Print works anyway. */}
        <button type="button" class="button button--primary" data-print hidden>
          {t('training.certificate.print')}
        </button>
      </div>
      <article class="certificate" aria-labelledby="certificate-title">
        <h1 id="certificate-title" class="certificate__title">
          {t('training.certificate.title')}
        </h1>
        <p class="certificate__recipient">
          {t('training.certificate.recipient', { name: props.member.name })}
        </p>
        {props.member.memberNo !== null && (
          <p class="certificate__meta">
            {t('training.certificate.memberNo', {
              memberNo: formatMemberNo(props.member.memberNo) ?? '',
            })}
          </p>
        )}
        <p class="certificate__statement">
          {t('training.certificate.statement', { center, hours: String(hours) })}
        </p>
        <h2 class="certificate__subtitle">{t('training.certificate.modules')}</h2>
        <DataTable
          class="certificate__modules"
          head={[
            t('training.curriculum.name'),
            t('training.field.hours'),
            t('training.field.completedOn'),
          ]}
        >
          {props.modules.map((m) => (
            <tr>
              <th scope="row">{moduleTitle(locale, m.module)}</th>
              <td>{hoursText(t, m.module.hours)}</td>
              <td>
                {formatDate(m.completedOn, locale)}
                {m.exempt && paren(locale, t('training.source.exemption'))}
              </td>
            </tr>
          ))}
        </DataTable>
        <p class="certificate__meta">
          {t('training.certificate.completedOn', { date: formatDate(props.completedOn, locale) })}
          <br />
          {t('training.certificate.issuedOn', { date: formatDate(props.issuedOn, locale) })}
        </p>
        <p class="certificate__issuer">{t('training.certificate.issuer', { center })}</p>
      </article>
      <script src="/assets/print.js" defer></script>
    </Layout>
  );
}
