import type { Translator } from '../../../src/lib/i18n.js';
import { DataTable } from '../../components/data-table.js';

/** The Markdown cheat sheet under a text box (in plain words, with examples). */
export function MarkdownHelp(props: { t: Translator }) {
  const { t } = props;
  return (
    <details class="disclosure cl-md-help">
      <summary>{t('markdown.helpTitle')}</summary>
      <DataTable
        class="cl-md-table"
        caption={t('markdown.helpTitle')}
        head={[t('markdown.helpWrite'), t('markdown.helpResult')]}
      >
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
      </DataTable>
      <p class="hint">{t('markdown.noHtml')}</p>
    </details>
  );
}
