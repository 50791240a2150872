/**
 * A small, safe Markdown subset for text staff write (announcements, newsletters, event
 * descriptions). Pure: no DOM, no dependencies; the same output on Node and Workers.
 *
 * Blocks: paragraphs (a single line break inside one becomes <br>), headings `## ` and `### `,
 * lists `- item` and `1. item` (an indented line continues the item).
 * Inline: `**strong**`, `*em*`, links `[text](url)`, bare http(s) URLs, `\*` for a literal star.
 *
 * NOTE: why this is safe. Output is built only from (a) tags this file writes itself, with fixed
 * names and no attributes except `href`, `rel` and `start`, and (b) the author's text passed
 * through `escapeHtml`, which escapes & < > " ' everywhere, so raw HTML in the source is shown as
 * text and can never open a tag or an attribute. A link's URL is kept only when `safeUrl`
 * accepts it (http:, https:, mailto: or a relative path; no whitespace, control characters or
 * backslashes, which browsers strip or normalise into a scheme), and is escaped as well; any
 * other link (javascript:, data:, vbscript:, //host …) is dropped and only its text is shown.
 * There are no images and no HTML passthrough.
 */

export interface MarkdownOptions {
  /** The level `## ` maps to (`### ` is one below). 2 by default; at most 5. */
  headingLevel?: number;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

// Whitespace, C0/C1 controls, DEL and the backslash never appear in a URL we keep: browsers drop
// tabs and newlines inside URLs and treat "\" like "/", which could hide a scheme.
// eslint-disable-next-line no-control-regex
const UNSAFE_URL_CHARS = /[\s\u0000-\u001f\u007f-\u009f\\]/;

/**
 * The URL if a link may point there, else null: absolute http(s) URLs, mailto: addresses and
 * relative references (`/path`, `#anchor`, `?query`, `page`), never another scheme
 * (javascript:, data:, vbscript:, file: …) nor a protocol-relative `//host`.
 */
export function safeUrl(raw: string): string | null {
  const url = raw.trim();
  if (url === '' || url.length > 2000 || UNSAFE_URL_CHARS.test(url)) return null;
  if (/^https?:\/\/[^/?#]/i.test(url)) return url;
  if (/^mailto:[^:/?#]+@[^:/?#]+/i.test(url)) return url;
  if (url.startsWith('//')) return null;
  // A relative reference: no scheme, i.e. no ":" before the first "/", "?" or "#".
  const firstDelimiter = url.search(/[/?#]/);
  const head = firstDelimiter === -1 ? url : url.slice(0, firstDelimiter);
  return head.includes(':') ? null : url;
}

function anchor(url: string, innerHtml: string): string {
  return `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${innerHtml}</a>`;
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!>|~]/;
/** A bare URL: ASCII URL characters only, so Japanese text right after it is not swallowed. */
const BARE_URL = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+/y;
/**
 * `[text](url)`: the text has no brackets or line breaks; the url no spaces, and parentheses only
 * in balanced pairs (so `[x](javascript:alert(1))` is read whole, then refused).
 */
const LINK = /\[([^[\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))*)\)/y;
const LINK_GLOBAL = new RegExp(LINK.source, 'g');

/** Inline Markdown to HTML. Every piece of the source's text goes through escapeHtml. */
function inline(src: string, allowLinks = true): string {
  let out = '';
  let text = '';
  // Once a marker has no closer after some point, it has none after any later point either:
  // remembering that keeps a text full of unmatched stars linear, not quadratic.
  const noCloserFrom = { '*': Infinity, '**': Infinity };
  const flush = () => {
    out += escapeHtml(text);
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\\' && i + 1 < src.length && ESCAPABLE.test(src[i + 1]!)) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === '[' && allowLinks) {
      LINK.lastIndex = i;
      const m = LINK.exec(src);
      if (m) {
        flush();
        const url = safeUrl(m[2]!);
        const label = inline(m[1]!, false);
        out += url ? anchor(url, label) : label;
        i += m[0].length;
        continue;
      }
    }
    if (ch === '*' && src.startsWith('***', i)) {
      const close = findClosing(src, i + 3, '**');
      if (close >= 0 && src.startsWith('***', close)) {
        flush();
        out += `<strong><em>${inline(src.slice(i + 3, close), allowLinks)}</em></strong>`;
        i = close + 3;
        continue;
      }
    }
    if (ch === '*') {
      const strong = src.startsWith('**', i);
      const marker = strong ? '**' : '*';
      const from = i + marker.length;
      const close = from >= noCloserFrom[marker] ? NO_CLOSER : findClosing(src, from, marker);
      if (close === NO_CLOSER) noCloserFrom[marker] = Math.min(noCloserFrom[marker], from);
      if (close >= 0) {
        flush();
        const tag = strong ? 'strong' : 'em';
        out += `<${tag}>${inline(src.slice(i + marker.length, close), allowLinks)}</${tag}>`;
        i = close + marker.length;
        continue;
      }
      // An unmatched run of stars is plain text.
      const run = /\*+/y;
      run.lastIndex = i;
      const stars = run.exec(src)![0];
      text += stars;
      i += stars.length;
      continue;
    }
    if (allowLinks && (ch === 'h' || ch === 'H') && !/[A-Za-z0-9]/.test(src[i - 1] ?? '')) {
      BARE_URL.lastIndex = i;
      const m = BARE_URL.exec(src);
      if (m) {
        // Sentence punctuation right after a URL is not part of it.
        const url = m[0].replace(/[.,;:!?*]+$/, '');
        if (safeUrl(url)) {
          flush();
          out += anchor(url, escapeHtml(url));
          i += url.length;
          continue;
        }
      }
    }
    text += ch;
    i += 1;
  }
  flush();
  return out;
}

const NOT_AN_OPENER = -1;
const NO_CLOSER = -2;

/**
 * The index of the marker that closes an emphasis opened just before `from`; NOT_AN_OPENER when
 * the content would start with a space, NO_CLOSER when nothing after `from` closes it. The
 * content must not be empty nor start or end with a space (so `2 * 3 * 4` stays arithmetic), and
 * for a single `*` the closing star must not be part of a `**`.
 */
function findClosing(src: string, from: number, marker: '*' | '**'): number {
  if (from >= src.length) return NO_CLOSER;
  if (/\s/.test(src[from]!)) return NOT_AN_OPENER;
  let j = from;
  while (j < src.length) {
    if (src[j] === '\\') {
      j += 2;
      continue;
    }
    if (src.startsWith(marker, j) && j > from && !/\s/.test(src[j - 1]!)) {
      if (marker === '**') return j;
      // `*a **b** c*`: skip the inner strong markers.
      if (src[j + 1] !== '*' && src[j - 1] !== '*') return j;
    }
    j += 1;
  }
  return NO_CLOSER;
}

type Block =
  | { type: 'heading'; level: 2 | 3; text: string }
  | { type: 'paragraph'; lines: string[] }
  | { type: 'list'; ordered: boolean; start: number; items: string[][] };

const HEADING = /^(#{2,3})[ \t]+(.*?)[ \t#]*$/;
const UNORDERED = /^[-][ \t]+(.*)$/;
const ORDERED = /^(\d{1,9})\.[ \t]+(.*)$/;
const CONTINUATION = /^(?: {2,}|\t)(.*)$/;

function parseBlocks(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let current: Block | null = null;
  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (const raw of lines) {
    const line = raw.replace(/[ \t]+$/, '');
    if (line.trim() === '') {
      close();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      blocks.push({
        type: 'heading',
        level: heading[1]!.length === 2 ? 2 : 3,
        text: heading[2]!,
      });
      continue;
    }
    const unordered = UNORDERED.exec(line);
    const ordered = unordered ? null : ORDERED.exec(line);
    if (unordered || ordered) {
      const isOrdered = ordered !== null;
      const itemText = (unordered ? unordered[1] : ordered![2])!;
      const list = current as Block | null;
      if (list?.type === 'list' && list.ordered === isOrdered) {
        list.items.push([itemText]);
      } else {
        close();
        current = {
          type: 'list',
          ordered: isOrdered,
          start: ordered ? Number(ordered[1]) : 1,
          items: [[itemText]],
        };
      }
      continue;
    }
    const block = current as Block | null;
    const continuation = CONTINUATION.exec(line);
    if (block?.type === 'list' && continuation) {
      block.items[block.items.length - 1]!.push(continuation[1]!.trim());
      continue;
    }
    if (block?.type === 'paragraph') {
      block.lines.push(line.trim());
      continue;
    }
    close();
    current = { type: 'paragraph', lines: [line.trim()] };
  }
  close();
  return blocks;
}

const joinLines = (lines: string[]) => lines.map((l) => inline(l)).join('<br>\n');

/** Renders the Markdown subset to HTML that is safe to insert into a page as-is. */
export function renderMarkdown(src: string, options: MarkdownOptions = {}): string {
  const base = Math.min(5, Math.max(1, Math.trunc(options.headingLevel ?? 2)));
  return parseBlocks(src)
    .map((b) => {
      switch (b.type) {
        case 'heading': {
          const level = base + (b.level - 2);
          return `<h${level}>${inline(b.text)}</h${level}>`;
        }
        case 'paragraph':
          return `<p>${joinLines(b.lines)}</p>`;
        case 'list': {
          const tag = b.ordered ? 'ol' : 'ul';
          const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
          const items = b.items.map((lines) => `<li>${joinLines(lines)}</li>`).join('\n');
          return `<${tag}${start}>\n${items}\n</${tag}>`;
        }
      }
    })
    .join('\n');
}

/**
 * The text a reader sees, without Markdown syntax (for mail, notifications and previews):
 * links become "text (url)" when the URL is safe, else just their text. Not HTML: escape it
 * where it is inserted (JSX does). Cut at `maxLength` characters with "…".
 */
export function markdownToPlainText(src: string, maxLength = Infinity): string {
  const plain = parseBlocks(src)
    .map((b) => {
      // Escaped characters are set aside (as private-use characters U+E000 + their ASCII code)
      // while the emphasis markers are removed, so `\\*` stays a star.
      const strip = (s: string) =>
        s
          .replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, (_m, ch: string) =>
            String.fromCharCode(0xe000 + ch.charCodeAt(0)),
          )
          .replace(LINK_GLOBAL, (_m, text: string, url: string) =>
            safeUrl(url) && !/^[#?]/.test(url) ? `${text} (${url})` : text,
          )
          .replace(/\*\*(\S(?:.*?\S)?)\*\*/g, '$1')
          .replace(/\*(\S(?:.*?\S)?)\*/g, '$1')
          .replace(/[\ue000-\ue07f]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xe000));
      switch (b.type) {
        case 'heading':
          return strip(b.text);
        case 'paragraph':
          return b.lines.map(strip).join('\n');
        case 'list':
          return b.items
            .map(
              (lines, i) => `${b.ordered ? `${b.start + i}.` : '・'} ${lines.map(strip).join(' ')}`,
            )
            .join('\n');
      }
    })
    .join('\n\n');
  const chars = [...plain];
  return chars.length > maxLength
    ? `${chars.slice(0, Math.max(0, maxLength - 1)).join('')}…`
    : plain;
}
