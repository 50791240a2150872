import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { MessageKey } from '../../../src/lib/i18n.js';

export function ErrorPage(props: { ctx: ViewContext; status: number; message: string }) {
  const { t } = props.ctx;
  const titleKey = `error.title.${props.status}` as MessageKey;
  return (
    <Layout ctx={props.ctx} title={t(titleKey)}>
      <section class="card card--narrow">
        <h1>{t(titleKey)}</h1>
        <p>{props.message}</p>
        <p>
          <a href="/">{t('error.backHome')}</a>
        </p>
      </section>
    </Layout>
  );
}
