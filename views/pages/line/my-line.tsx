import type { NoticeGroup } from '../../../db/schema.js';
import { formatDateTime } from '../../../src/lib/dates.js';
import { BackToMy, Checkbox, SubmitButton } from '../../components/form-fields.js';
import { QrCode } from '../../components/qr-code.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';

export interface MyLineProps {
  ctx: ViewContext;
  enabled: boolean;
  linkedAt: string | null;
  addFriendUrl: string | null;
  /**
   * A code just made (shown once: only its hash is kept); `messageUrl` opens the official
   * account's chat with the code typed in (when the add-friend URL names the account).
   */
  code?: { code: string; expiresAt: string; minutes: number; messageUrl?: string } | undefined;
  channels: { group: NoticeGroup; email: boolean; line: boolean }[];
}

/** A QR code for a phone's camera, and the same target as a link for the phone itself. */
function LineQr(props: { url: string; qrLabel: string; linkLabel: string; hint: string }) {
  return (
    <div class="line-qr">
      <QrCode value={props.url} label={props.qrLabel} />
      <p>
        <a href={props.url} rel="noopener noreferrer">
          {props.linkLabel}
        </a>
        <span class="hint">{props.hint}</span>
      </p>
    </div>
  );
}

/** LINE: link (a one-time code sent in the official account's chat), unlink, and channels. */
export function MyLinePage(props: MyLineProps) {
  const { ctx, enabled, linkedAt, code } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('line.my.title')}>
      <BackToMy t={t} />
      <h1>{t('line.my.title')}</h1>
      <p>{t('line.my.lead')}</p>
      {!enabled ? (
        <p class="notice" role="status">
          {t('line.my.off')}
        </p>
      ) : linkedAt ? (
        <section class="line-link" aria-labelledby="line-status">
          <p id="line-status" class="line-link__status" role="status">
            {t('line.my.linked', { when: formatDateTime(linkedAt, locale) })}
          </p>
          <form method="post" action="/my/line/unlink">
            <button type="submit" class="button button--secondary">
              {t('line.my.unlink')}
            </button>
          </form>
        </section>
      ) : (
        <section class="line-link" aria-labelledby="line-status">
          <p id="line-status" class="line-link__status" role="status">
            {t('line.my.notLinked')}
          </p>
          <ol class="line-link__steps">
            <li>
              {t('line.my.step1')}
              {props.addFriendUrl && (
                <LineQr
                  url={props.addFriendUrl}
                  qrLabel={t('line.my.qrAddFriend')}
                  linkLabel={t('line.my.addFriend')}
                  hint={t('line.my.qrHint')}
                />
              )}
            </li>
            <li>
              {t('line.my.step2')}
              {code ? (
                <div class="line-code" aria-live="polite">
                  <p class="line-code__label">{t('line.my.code')}</p>
                  <p class="line-code__value" data-testid="line-code">
                    {code.code}
                  </p>
                  <p class="hint">
                    {t('line.my.codeHint', {
                      minutes: code.minutes,
                      until: formatDateTime(code.expiresAt, locale),
                    })}
                  </p>
                  {code.messageUrl && (
                    <LineQr
                      url={code.messageUrl}
                      qrLabel={t('line.my.qrSendCode')}
                      linkLabel={t('line.my.sendCode')}
                      hint={t('line.my.qrHint')}
                    />
                  )}
                </div>
              ) : null}
              <form method="post" action="/my/line/code">
                <button type="submit" class="button">
                  {t('line.my.newCode')}
                </button>
              </form>
            </li>
          </ol>
        </section>
      )}
      <h2 id="line-channels">{t('line.my.channels')}</h2>
      <p>{t('line.my.channelsLead')}</p>
      {enabled && !linkedAt && <p class="hint">{t('line.my.lineNeedsLink')}</p>}
      <form method="post" action="/my/line/channels" class="member-form">
        {props.channels.map((ch) => (
          <fieldset class="fieldset line-channels">
            <legend>{t(`line.group.${ch.group}`)}</legend>
            <Checkbox name={`email.${ch.group}`} label={t('line.my.email')} checked={ch.email} />
            {enabled && linkedAt ? (
              <Checkbox name={`line.${ch.group}`} label={t('line.my.line')} checked={ch.line} />
            ) : (
              // Kept as it is while she cannot choose LINE.
              ch.line && <input type="hidden" name={`line.${ch.group}`} value="yes" />
            )}
          </fieldset>
        ))}
        <SubmitButton>{t('line.my.save')}</SubmitButton>
      </form>
    </Layout>
  );
}
