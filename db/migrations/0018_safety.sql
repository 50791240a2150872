-- Safety over the year (#19).
--
-- 1. Refresher training: every helper repeats 救命講習 and 事故防止講習 at least every 5 years
--    (national guideline). A module's validity was already per module (training_module
--    .validity_months); the default curriculum now sets 60 months on both. A center that loaded
--    the old default has the accident-prevention module without expiry: give it the 5 years.
--    CPR keeps the period the center has (36 months was the old default: stricter than the
--    national maximum, and a center's choice we cannot tell from the default). The
--    qualification_stamp triggers (0009) see this UPDATE, so the matching cache follows.
UPDATE training_module
SET validity_months = 60
WHERE code = 'basic_safety' AND validity_mode = 'months' AND validity_months IS NULL;
