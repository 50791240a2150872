import { areaName } from '../../../../src/i18n/area-labels.js';
import { Layout } from '../../../layout.js';
import type { ViewContext } from '../../../view-context.js';
import { formatMemberNo } from '../../../../src/modules/members/members.json.js';
import type { Area, MemberTypeLabels } from '../../../../src/modules/settings/settings.schemas.js';
import type { MemberKind } from '../../../../db/schema.js';
import { kindLabel } from '../labels.js';
import { plainDate } from '../../../format.js';
import { StaffBackLink } from '../../../components/back-link.js';

/** 会員証: a credit-card-sized card (85.6 × 54 mm), printed alone in the middle of an A4 sheet. */
export function MemberCardPage(props: {
  ctx: ViewContext;
  member: {
    id: string;
    member_no: number | null;
    name: string;
    name_kana: string;
    kind: MemberKind;
    area: string;
  };
  labels: MemberTypeLabels;
  areas: Area[];
  issuedOn: string;
}) {
  const { t, locale } = props.ctx;
  const { member } = props;
  const memberNo = formatMemberNo(member.member_no);
  return (
    <Layout ctx={props.ctx} title={t('memberAdmin.card.pageTitle', { name: member.name })}>
      <div class="no-print">
        <StaffBackLink href={`/members/${member.id}`} label={t('memberAdmin.card.back')} />
        <h1>{t('memberAdmin.card.pageTitle', { name: member.name })}</h1>
        {memberNo && (
          <>
            <p class="hint">{t('memberAdmin.card.printHint')}</p>
            <p>
              <button type="button" class="button button--primary" data-print hidden>
                {t('memberAdmin.card.print')}
              </button>
            </p>
          </>
        )}
      </div>
      {memberNo ? (
        <div class="member-card-sheet">
          <article class="member-card" aria-labelledby="member-card-title">
            <header class="member-card__head">
              <span class="member-card__center">{t('app.center')}</span>
              <span class="member-card__title" id="member-card-title">
                {t('memberAdmin.card.title')}
              </span>
            </header>
            <dl class="member-card__body">
              <div class="member-card__no">
                <dt>{t('memberAdmin.field.memberNo')}</dt>
                <dd>{memberNo}</dd>
              </div>
              <div class="member-card__name">
                <dt>{t('memberAdmin.field.name')}</dt>
                <dd>
                  <span class="member-card__kana" lang="ja">
                    {member.name_kana}
                  </span>
                  <span class="member-card__fullname">{member.name}</span>
                </dd>
              </div>
              <div>
                <dt>{t('memberAdmin.field.kind')}</dt>
                <dd>{kindLabel(props.labels, member.kind, locale)}</dd>
              </div>
              <div>
                <dt>{t('memberAdmin.field.area')}</dt>
                <dd>{areaName(props.areas, member.area, locale)}</dd>
              </div>
              <div>
                <dt>{t('memberAdmin.card.issuedOn')}</dt>
                <dd>{plainDate(props.issuedOn, locale)}</dd>
              </div>
            </dl>
          </article>
        </div>
      ) : (
        <p class="alert alert--info">{t('memberAdmin.card.noNumber')}</p>
      )}
      <script src="/assets/print.js" defer></script>
    </Layout>
  );
}
