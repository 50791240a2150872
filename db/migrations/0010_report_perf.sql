-- Indexes for the reports' training figures (src/modules/reports/reports.queries.ts,
-- countTrainingFigures): approved records completed within a period, covering, so the members
-- who may have qualified in it are found without reading every approved record of the city.
CREATE INDEX training_record_completed
  ON training_record (status, completed_on, module_id, member_id);
