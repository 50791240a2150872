/**
 * The safe Markdown subset (src/lib/markdown.ts): what each construct renders to, what is
 * refused, and the invariant that no input, however hostile, yields a tag or an attribute the
 * renderer did not write itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  markdownToPlainText,
  renderMarkdown,
  safeUrl,
} from '../../src/lib/markdown.js';

const A = (href: string, text: string) => `<a href="${href}" rel="noopener noreferrer">${text}</a>`;

describe('renderMarkdown: the subset', () => {
  it.each([
    ['a paragraph', 'こんにちは', '<p>こんにちは</p>'],
    ['a line break inside a paragraph', '1行目\n2行目', '<p>1行目<br>\n2行目</p>'],
    ['two paragraphs', 'a\n\nb', '<p>a</p>\n<p>b</p>'],
    ['CRLF and trailing spaces', 'a  \r\nb\r\n\r\nc', '<p>a<br>\nb</p>\n<p>c</p>'],
    ['## heading', '## 持ち物', '<h2>持ち物</h2>'],
    ['### heading', '### 小見出し', '<h3>小見出し</h3>'],
    ['closing hashes are dropped', '## 見出し ##', '<h2>見出し</h2>'],
    ['# is not a heading of the subset', '# 大見出し', '<p># 大見出し</p>'],
    ['#### is not either', '#### x', '<p>#### x</p>'],
    ['a heading interrupts a paragraph', 'a\n## b', '<p>a</p>\n<h2>b</h2>'],
    ['bold', '**大切**です', '<p><strong>大切</strong>です</p>'],
    ['emphasis', '*少し*', '<p><em>少し</em></p>'],
    ['bold and emphasis', '***両方***', '<p><strong><em>両方</em></strong></p>'],
    ['emphasis inside bold', '**a *b* c**', '<p><strong>a <em>b</em> c</strong></p>'],
    ['stars with spaces stay arithmetic', '2 * 3 * 4', '<p>2 * 3 * 4</p>'],
    ['an unmatched star', '*だけ', '<p>*だけ</p>'],
    ['a backslash escapes a star', '\\*そのまま\\*', '<p>*そのまま*</p>'],
    ['an unordered list', '- a\n- b', '<ul>\n<li>a</li>\n<li>b</li>\n</ul>'],
    ['an ordered list', '1. a\n2. b', '<ol>\n<li>a</li>\n<li>b</li>\n</ol>'],
    ['an ordered list from 3', '3. c\n4. d', '<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>'],
    ['an indented line continues an item', '- a\n  続き', '<ul>\n<li>a<br>\n続き</li>\n</ul>'],
    [
      'a list after a paragraph, then a paragraph',
      '持ち物：\n- 上履き\nよろしく',
      '<p>持ち物：</p>\n<ul>\n<li>上履き</li>\n</ul>\n<p>よろしく</p>',
    ],
    [
      'the two kinds of list do not merge',
      '- a\n1. b',
      '<ul>\n<li>a</li>\n</ul>\n<ol>\n<li>b</li>\n</ol>',
    ],
    ['an empty source', '', ''],
    ['only blank lines', '\n\n  \n', ''],
  ])('%s', (_name, source, html) => {
    expect(renderMarkdown(source)).toBe(html);
  });

  it('moves the heading levels when asked (## → h3 under an h2)', () => {
    expect(renderMarkdown('## a\n### b', { headingLevel: 3 })).toBe('<h3>a</h3>\n<h4>b</h4>');
    expect(renderMarkdown('### b', { headingLevel: 9 })).toBe('<h6>b</h6>');
  });
});

describe('renderMarkdown: links', () => {
  it.each([
    ['https', '[市](https://city.example.jp/)', A('https://city.example.jp/', '市')],
    ['http, upper case', '[x](HTTP://a.example/)', A('HTTP://a.example/', 'x')],
    ['mailto', '[メール](mailto:info@example.jp)', A('mailto:info@example.jp', 'メール')],
    ['a same-site path', '[イベント](/events/1)', A('/events/1', 'イベント')],
    ['a relative page', '[次](page2)', A('page2', '次')],
    ['an anchor', '[上へ](#top)', A('#top', '上へ')],
    ['a query with &', '[q](https://a.example/?a=1&b=2)', A('https://a.example/?a=1&amp;b=2', 'q')],
    ['bold text in a link', '[**太字**](/a)', A('/a', '<strong>太字</strong>')],
    [
      'a bare URL, then Japanese',
      'https://example.jp/a をご覧ください',
      `${A('https://example.jp/a', 'https://example.jp/a')} をご覧ください`,
    ],
    [
      'a bare URL right before Japanese',
      'https://example.jp/aへ。',
      `${A('https://example.jp/a', 'https://example.jp/a')}へ。`,
    ],
    [
      'sentence punctuation after a bare URL',
      'See https://example.jp/a.',
      `See ${A('https://example.jp/a', 'https://example.jp/a')}.`,
    ],
    ['no autolink inside a word', 'xhttps://a.example', 'xhttps://a.example'],
  ])('%s', (_name, source, inner) => {
    expect(renderMarkdown(source)).toBe(`<p>${inner}</p>`);
  });

  it.each([
    ['javascript:', '[x](javascript:alert(1))'],
    ['JavaScript: in any case', '[x](JaVaScRiPt:alert(1))'],
    ['data:', '[x](data:text/html,<script>alert(1)</script>)'],
    ['vbscript:', '[x](vbscript:msgbox(1))'],
    ['file:', '[x](file:///etc/passwd)'],
    ['protocol-relative //host', '[x](//evil.example/)'],
    ['a backslash that browsers read as a slash', '[x](/\\evil.example)'],
    ['an encoded scheme stays a harmless path', '[x](javascript&#58;alert(1))'],
  ])('refuses %s: only the text is kept', (_name, source) => {
    const html = renderMarkdown(source);
    if (source.includes('&#58;')) {
      // Not a scheme for the browser either: "&" is escaped, so the href is a relative path.
      expect(html).toBe(`<p>${A('javascript&amp;#58;alert(1)', 'x')}</p>`);
    } else {
      expect(html).toBe('<p>x</p>');
    }
  });

  it('a link text or URL cannot break out of the attribute', () => {
    expect(renderMarkdown('[x](https://a.example/"onmouseover="alert(1))')).toBe(
      `<p>${A('https://a.example/&quot;onmouseover=&quot;alert(1)', 'x')}</p>`,
    );
    expect(renderMarkdown('[<img src=x>](https://a.example/)')).toBe(
      `<p>${A('https://a.example/', '&lt;img src=x&gt;')}</p>`,
    );
  });
});

describe('renderMarkdown: raw HTML is text', () => {
  it.each([
    ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
    ['**<b>x</b>**', '<p><strong>&lt;b&gt;x&lt;/b&gt;</strong></p>'],
    [
      '<a href="javascript:alert(1)">a</a>',
      '<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;a&lt;/a&gt;</p>',
    ],
    ['\'single\' & "double"', '<p>&#39;single&#39; &amp; &quot;double&quot;</p>'],
    ['## <i>見出し</i>', '<h2>&lt;i&gt;見出し&lt;/i&gt;</h2>'],
    ['- <u>項目</u>', '<ul>\n<li>&lt;u&gt;項目&lt;/u&gt;</li>\n</ul>'],
    ['&lt;already escaped&gt;', '<p>&amp;lt;already escaped&amp;gt;</p>'],
    ['![画像](https://a.example/x.png)', `<p>!${A('https://a.example/x.png', '画像')}</p>`],
  ])('%s', (source, html) => {
    expect(renderMarkdown(source)).toBe(html);
  });
});

describe('renderMarkdown: the invariant (property)', () => {
  const ALLOWED = new Set(['p', 'br', 'h2', 'h3', 'h4', 'strong', 'em', 'ul', 'ol', 'li', 'a']);
  const pieces = fc.constantFrom(
    '<',
    '>',
    '"',
    "'",
    '&',
    '*',
    '**',
    '[',
    ']',
    '(',
    ')',
    '\\',
    '#',
    '## ',
    '- ',
    '1. ',
    '\n',
    '\n\n',
    '  ',
    'javascript:',
    'data:',
    'https://',
    'http://a',
    'mailto:',
    '//',
    'script',
    'img',
    'onerror=',
    'a',
    'あ',
    '=',
    '/',
    ':',
    '\t',
    '\u0000',
    '%0a',
  );
  const hostile = fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }).map((a) => a.join(''));

  it('only writes its own tags, with its own attributes, and only safe URLs', () => {
    fc.assert(
      fc.property(hostile, (source) => {
        const html = renderMarkdown(source);
        for (const m of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
          expect(ALLOWED.has(m[1]!)).toBe(true);
          const attrs = m[2]!.trim();
          if (m[1] === 'a' && !m[0].startsWith('</')) {
            expect(attrs).toMatch(/^href="[^"<>]*" rel="noopener noreferrer"$/);
            const href = /href="([^"]*)"/.exec(attrs)![1]!;
            expect(href).not.toMatch(/^\s*(javascript|data|vbscript|file):/i);
            expect(href.startsWith('//')).toBe(false);
          } else if (m[1] === 'ol' && attrs) {
            expect(attrs).toMatch(/^start="\d+"$/);
          } else {
            expect(attrs).toBe('');
          }
        }
        // Every "<" in the output belongs to one of those tags.
        expect(html.replace(/<\/?[a-z][\w-]*[^>]*>/g, '')).not.toContain('<');
      }),
      { numRuns: 1000 },
    );
  });

  it('stays fast on pathological input (no quadratic scans)', () => {
    const started = Date.now();
    renderMarkdown('*a'.repeat(10_000));
    renderMarkdown('**a'.repeat(7_000));
    renderMarkdown('[a'.repeat(10_000));
    renderMarkdown('https://'.repeat(2_500));
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://example.jp/', 'https://example.jp/'],
    ['  https://example.jp/  ', 'https://example.jp/'],
    ['mailto:a@example.jp', 'mailto:a@example.jp'],
    ['/events', '/events'],
    ['?page=2', '?page=2'],
    ['#top', '#top'],
    ['page.html', 'page.html'],
    ['javascript:alert(1)', null],
    ['java\nscript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    [' javascript:alert(1)', null],
    ['data:text/html,x', null],
    ['//evil.example', null],
    ['/\\evil.example', null],
    ['https://', null],
    ['mailto:', null],
    ['', null],
    ['a:b/c', null],
    [`https://example.jp/${'a'.repeat(2100)}`, null],
  ])('%j → %j', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});

describe('escapeHtml and markdownToPlainText', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it.each([
    ['## 持ち物\n- 上履き\n- **筆記用具**', '持ち物\n\n・ 上履き\n・ 筆記用具'],
    ['詳しくは[こちら](https://a.example/)。', '詳しくはこちら (https://a.example/)。'],
    ['[悪い](javascript:alert(1))リンク', '悪いリンク'],
    ['1. a\n2. *b*', '1. a\n2. b'],
    ['\\*星\\*', '*星*'],
  ])('%j as text', (source, text) => {
    expect(markdownToPlainText(source)).toBe(text);
  });

  it('cuts at a length with an ellipsis, by characters (not UTF-16 units)', () => {
    expect(markdownToPlainText('あいうえおかきくけこ', 5)).toBe('あいうえ…');
    expect(markdownToPlainText('😀😀😀😀', 3)).toBe('😀😀…');
    expect(markdownToPlainText('短い', 5)).toBe('短い');
  });
});
