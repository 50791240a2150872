import { raw } from 'hono/html';
import { renderMarkdown } from '../../../src/lib/markdown.js';

/**
 * Staff-written Markdown in a page. NOTE: `raw` is safe here only because renderMarkdown
 * escapes every piece of the source's text and writes no tag or URL it has not checked
 * (see src/lib/markdown.ts); never pass other strings through `raw`.
 */
export function Markdown(props: { source: string; headingLevel?: number; class?: string }) {
  return (
    <div class={props.class ? `markdown ${props.class}` : 'markdown'}>
      {raw(renderMarkdown(props.source, { headingLevel: props.headingLevel }))}
    </div>
  );
}
