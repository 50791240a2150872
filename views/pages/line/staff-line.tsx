import { formatDateTime } from '../../../src/lib/dates.js';
import { isMessageKey } from '../../../src/lib/i18n.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { ScrollTable } from '../../components/scroll-table.js';

export interface StaffLineProps {
  ctx: ViewContext;
  enabled: boolean;
  linked: { memberId: string; memberNo: number | null; name: string; linkedAt: string }[];
  failures: {
    id: string;
    name: string;
    kind: string;
    status: 'failed' | 'dead';
    attempts: number;
    error: string | null;
    nextAttemptAt: string | null;
  }[];
}

/** Staff: who has linked LINE, and the notices LINE could not deliver. */
export function StaffLinePage(props: StaffLineProps) {
  const { ctx } = props;
  const { t, locale } = ctx;
  const kindTitle = (kind: string) => {
    const key = `notification.${kind}.title`;
    return isMessageKey(key) ? t(key, { when: '', helper: '', requester: '' }) : kind;
  };
  return (
    <Layout ctx={ctx} title={t('line.staff.title')}>
      <h1>{t('line.staff.title')}</h1>
      <p>{t('line.staff.lead')}</p>
      {!props.enabled && (
        <p class="notice" role="status">
          {t('line.staff.off')}
        </p>
      )}
      <h2 id="line-linked">{t('line.staff.linked', { count: props.linked.length })}</h2>
      {props.linked.length === 0 ? (
        <p>{t('line.staff.noneLinked')}</p>
      ) : (
        <ScrollTable
          labelledBy="line-linked"
          head={[t('line.staff.memberNo'), t('line.staff.member'), t('line.staff.since')]}
        >
          {props.linked.map((m) => (
            <tr>
              <td>{m.memberNo ?? '—'}</td>
              <td>
                <a href={`/members/${m.memberId}`}>{m.name}</a>
              </td>
              <td>{formatDateTime(m.linkedAt, locale)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <h2 id="line-failures">{t('line.staff.failures')}</h2>
      {props.failures.length === 0 ? (
        <p>{t('line.staff.noFailures')}</p>
      ) : (
        <ScrollTable
          labelledBy="line-failures"
          head={[
            t('line.staff.recipient'),
            t('line.staff.kind'),
            t('line.staff.status'),
            t('line.staff.attempts'),
            t('line.staff.error'),
          ]}
        >
          {props.failures.map((f) => (
            <tr>
              <td>{f.name}</td>
              <td>{kindTitle(f.kind)}</td>
              <td>
                {f.status === 'dead'
                  ? t('line.staff.status.dead')
                  : t('line.staff.status.failed', {
                      when: f.nextAttemptAt ? formatDateTime(f.nextAttemptAt, locale) : '—',
                    })}
              </td>
              <td>{f.attempts}</td>
              <td>{f.error ?? ''}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </Layout>
  );
}
