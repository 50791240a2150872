import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';

export interface SentLine {
  requestId: string;
  /** 「11月25日(水) 13:00〜16:00 森川さん」. */
  requestLabel: string;
  helperName: string;
  /** Why the offer was refused (translated); absent when it was sent. */
  failure?: string;
}

/** What "send all offers" did: how many went out, and which were refused and why. */
export function PlannerSentPage(props: {
  ctx: ViewContext;
  range: { from: string; to: string };
  sent: SentLine[];
  failed: SentLine[];
}) {
  const { t } = props.ctx;
  const again = `/staff/planner?from=${props.range.from}&to=${props.range.to}`;
  return (
    <Layout ctx={props.ctx} title={t('planner.sent.title')}>
      <div class="coord-page planner-page">
        <h1>{t('planner.sent.title')}</h1>
        <div class={props.failed.length ? 'alert alert--error' : 'notice'} role="status">
          <p>
            <strong>{t('planner.sent.summary', { sent: props.sent.length })}</strong>
            {props.failed.length > 0 && (
              <> {t('planner.sent.failedSummary', { failed: props.failed.length })}</>
            )}
          </p>
        </div>
        {props.failed.length > 0 && (
          <section aria-labelledby="failed-title" class="coord-section">
            <h2 id="failed-title">{t('planner.sent.failedTitle')}</h2>
            <ul class="planner-sent-list">
              {props.failed.map((f) => (
                <li>
                  <a href={`/coordination/requests/${f.requestId}`}>{f.requestLabel}</a>
                  {' → '}
                  {t('coord.family', { name: f.helperName })}
                  <span class="coord-sub">{f.failure}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {props.sent.length > 0 && (
          <section aria-labelledby="sent-title" class="coord-section">
            <h2 id="sent-title">{t('planner.sent.sentTitle')}</h2>
            <p class="coord-sub">{t('planner.sent.help')}</p>
            <ul class="planner-sent-list">
              {props.sent.map((s) => (
                <li>
                  <a href={`/coordination/requests/${s.requestId}`}>{s.requestLabel}</a>
                  {' → '}
                  {t('coord.family', { name: s.helperName })}
                </li>
              ))}
            </ul>
          </section>
        )}
        <div class="button-row">
          <a class="button button--primary" href={again}>
            {t('planner.sent.again')}
          </a>
          <a class="button button--secondary" href="/board">
            {t('coord.nav.board')}
          </a>
        </div>
      </div>
    </Layout>
  );
}
