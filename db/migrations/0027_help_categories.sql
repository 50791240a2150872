-- Help categories (援助内容) as data (issue #19 point 4, docs/decisions/2026-12-06-help-categories.md).
-- The codes stay the integers 1..12 that requests and activities already store (their CHECKs are
-- unchanged); this table holds what used to be fixed in code: the names, the order, whether a
-- category may still be chosen, the transport-only and sick-child flags, and the category of the
-- national survey (子育て援助活動支援事業 実施状況調査) it is counted under.
CREATE TABLE help_category (
  code INTEGER PRIMARY KEY CHECK (code BETWEEN 1 AND 12),
  label_ja TEXT NOT NULL,
  label_en TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  transport_only INTEGER NOT NULL DEFAULT 0 CHECK (transport_only IN (0, 1)),
  sick_child INTEGER NOT NULL DEFAULT 0 CHECK (sick_child IN (0, 1)),
  national_category TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

INSERT INTO help_category
  (code, label_ja, label_en, sort_order, active, transport_only, sick_child, national_category, updated_at)
VALUES
  (1, '保育施設等までの送迎', 'Taking a child to or from childcare', 1, 1, 1, 0, 'transport', '2026-12-06T00:00:00.000Z'),
  (2, '保育施設の開始前・終了後の預かり', 'Care before or after childcare hours', 2, 1, 0, 0, 'before_after_childcare', '2026-12-06T00:00:00.000Z'),
  (3, '放課後児童クラブ（学童）前後の預かり・送迎', 'Care or transport around after-school clubs (gakudō)', 3, 1, 0, 0, 'before_after_childcare', '2026-12-06T00:00:00.000Z'),
  (4, '学校の放課後の預かり', 'Care after school', 4, 1, 0, 0, 'after_school', '2026-12-06T00:00:00.000Z'),
  (5, '習い事等への送迎', 'Taking a child to or from lessons', 5, 1, 1, 0, 'transport', '2026-12-06T00:00:00.000Z'),
  (6, '保護者の病気・急用・通院時の預かり', 'Care while a parent is ill, has an emergency or a medical visit', 6, 1, 0, 0, 'parent_illness', '2026-12-06T00:00:00.000Z'),
  (7, '冠婚葬祭・他の子の学校行事の際の預かり', 'Care during ceremonies or a sibling’s school events', 7, 1, 0, 0, 'family_events', '2026-12-06T00:00:00.000Z'),
  (8, '買い物等外出・リフレッシュ時の預かり', 'Care during shopping, outings or a break', 8, 1, 0, 0, 'outings', '2026-12-06T00:00:00.000Z'),
  (9, '保護者の就労・求職時の預かり', 'Care while a parent works or looks for work', 9, 1, 0, 0, 'work', '2026-12-06T00:00:00.000Z'),
  (10, '病児・病後児の預かり', 'Care of a sick or recovering child', 10, 1, 0, 1, 'sick_child', '2026-12-06T00:00:00.000Z'),
  (11, '早朝・夜間等の緊急預かり', 'Emergency care early in the morning or at night', 11, 1, 0, 0, 'emergency', '2026-12-06T00:00:00.000Z'),
  (12, 'その他', 'Other', 12, 1, 0, 0, 'other', '2026-12-06T00:00:00.000Z');

-- The names are shown on most pages, so they are cached per process under the settings stamp
-- (0014): any change to a category bumps it, whoever makes it, and the cache is never stale.
CREATE TRIGGER help_category_stamp_insert AFTER INSERT ON help_category
BEGIN UPDATE settings_stamp SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER help_category_stamp_update AFTER UPDATE ON help_category
BEGIN UPDATE settings_stamp SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER help_category_stamp_delete AFTER DELETE ON help_category
BEGIN UPDATE settings_stamp SET version = version + 1 WHERE id = 1; END;
