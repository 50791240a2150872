import type { ViewContext } from '../../view-context.js';
import { monthDay, timeRangeText } from '../../format.js';

export interface TimelineItem {
  requestId: string;
  startsAt: string;
  endsAt: string;
  requesterName: string;
  /** planned: in this plan; matched: already assigned; offered: an offer awaiting her answer. */
  kind: 'planned' | 'matched' | 'offered';
}

export interface TimelineHelper {
  helperId: string;
  name: string;
  recent: number;
  days: { day: string; items: TimelineItem[] }[];
}

/**
 * Each planned helper's days, with the planned requests beside the work she already has, so that
 * staff see at a glance how full a day gets. A list rather than a drawn chart: it reads the same
 * at 320 px and to a screen reader; the kind is written out, the colour only repeats it.
 */
export function PlannerTimeline(props: { ctx: ViewContext; helpers: TimelineHelper[] }) {
  const { t, locale } = props.ctx;
  if (props.helpers.length === 0) return null;
  return (
    <section aria-labelledby="timeline-title" class="coord-section planner-timeline">
      <h2 id="timeline-title">{t('planner.timeline.title')}</h2>
      <p class="coord-sub">{t('planner.timeline.help')}</p>
      <div class="planner-timeline__list">
        {props.helpers.map((h) => (
          <article class="planner-helper-card" aria-labelledby={`tl-${h.helperId}`}>
            <h3 id={`tl-${h.helperId}`}>
              {t('coord.family', { name: h.name })}
              <span class="coord-sub">{t('planner.reason.recent', { count: h.recent })}</span>
            </h3>
            <dl class="planner-days">
              {h.days.map((d) => (
                <div class="planner-day">
                  <dt>{monthDay(`${d.day}T12:00:00+09:00`, locale)}</dt>
                  <dd>
                    <ul class="planner-items">
                      {d.items.map((i) => (
                        <li class={`planner-item planner-item--${i.kind}`}>
                          <span class="planner-item__time">
                            {timeRangeText(i.startsAt, i.endsAt, locale)}
                          </span>{' '}
                          <span>{t('coord.family', { name: i.requesterName })}</span>{' '}
                          <span class="planner-item__kind">{t(`planner.kind.${i.kind}`)}</span>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ))}
            </dl>
          </article>
        ))}
      </div>
    </section>
  );
}
