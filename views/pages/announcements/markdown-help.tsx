import type { Translator } from '../../../src/lib/i18n.js';

/** The Markdown cheat sheet under a text box (in plain words, with examples). */
export function MarkdownHelp(props: { t: Translator }) {
  const { t } = props;
  return (
    <details class="disclosure cl-md-help">
      <summary>{t('markdown.helpTitle')}</summary>
      <table class="table cl-md-table">
        <caption class="visually-hidden">{t('markdown.helpTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('markdown.helpWrite')}</th>
            <th scope="col">{t('markdown.helpResult')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <code>## {t('markdown.exHeading')}</code>
            </td>
            <td>{t('markdown.heading')}</td>
          </tr>
          <tr>
            <td>
              <code>**{t('markdown.exBold')}**</code>
            </td>
            <td>
              <strong>{t('markdown.exBold')}</strong>
            </td>
          </tr>
          <tr>
            <td>
              <code>- {t('markdown.exItem')}</code>
            </td>
            <td>{t('markdown.list')}</td>
          </tr>
          <tr>
            <td>
              <code>[{t('markdown.exLink')}](https://…)</code>
            </td>
            <td>{t('markdown.link')}</td>
          </tr>
        </tbody>
      </table>
      <p class="hint">{t('markdown.noHtml')}</p>
    </details>
  );
}
