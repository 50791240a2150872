import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { Markdown } from '../announcements/markdown.js';
import { audienceLabel, eventWhen, kindLabel, type EventView } from './event-facts.js';
import { StaffBackLink } from '../../components/back-link.js';

/**
 * A printable flyer (チラシ) for one event, laid out for one A4 sheet: the site's header,
 * menus and this page's instructions are hidden in print (app.css, "Center life" print rules).
 */
export function EventFlyerPage(props: { ctx: ViewContext; event: EventView; url: string | null }) {
  const { t, locale } = props.ctx;
  const e = props.event;
  return (
    <Layout ctx={props.ctx} title={t('events.flyerTitle', { title: e.title })}>
      <div class="no-print">
        <StaffBackLink href={`/events/${e.id}`} label={t('events.backToEvent')} />
        <p class="alert alert--info">{t('events.flyerHowToPrint')}</p>
      </div>
      <article class="cl-flyer" aria-labelledby="flyer-title">
        <p class="cl-flyer__kind">{kindLabel(t, e.kind)}</p>
        <h1 id="flyer-title" class="cl-flyer__title">
          {e.title}
        </h1>
        {e.cancelled && <p class="cl-flyer__cancelled">{t('events.cancelledBadge')}</p>}
        <dl class="cl-flyer__facts">
          <div>
            <dt>{t('events.field.when')}</dt>
            <dd class="cl-flyer__when">{eventWhen(t, locale, e)}</dd>
          </div>
          <div>
            <dt>{t('events.field.venue')}</dt>
            <dd>{e.venue}</dd>
          </div>
          <div>
            <dt>{t('events.field.audience')}</dt>
            <dd>{audienceLabel(t, e.audience)}</dd>
          </div>
          <div>
            <dt>{t('events.field.capacity')}</dt>
            <dd>{t('events.flyerCapacity', { capacity: e.capacity })}</dd>
          </div>
          <div>
            <dt>{t('events.field.childcare')}</dt>
            <dd>{t(e.childcare ? 'events.flyerChildcare' : 'events.childcare.no')}</dd>
          </div>
        </dl>
        {e.description && (
          <Markdown source={e.description} headingLevel={2} class="cl-flyer__body" />
        )}
        <div class="cl-flyer__apply">
          <h2>{t('events.flyerApply')}</h2>
          <p>
            {t(e.audience === 'public' ? 'events.flyerApplyPublic' : 'events.flyerApplyMembers')}
          </p>
          {props.url && <p class="cl-flyer__url">{props.url}</p>}
        </div>
        <p class="cl-flyer__org">{t('footer.contact')}</p>
      </article>
    </Layout>
  );
}
