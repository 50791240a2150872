-- Search keys (src/lib/search-key.ts): a member's name, kana and address in their comparable form
-- (NFKC, no spaces, katakana folded to hiragana) and the phone number's digits, written with the
-- row so that a search compares one column instead of normalising every row per query.
-- SQL has no NFKC, so existing rows keep NULL here and are filled by the `member-search-keys`
-- scheduled job (both runtimes); until then listMembers matches them the old way
-- (docs/decisions/2026-12-05-search-keys.md).
ALTER TABLE member ADD COLUMN search_key TEXT;
ALTER TABLE member ADD COLUMN phone_key TEXT;
CREATE INDEX member_search_key_pending ON member (id) WHERE search_key IS NULL;
