-- Issue #20, point 5: the programme's report counts sick (病児) and recovering (病後児) care apart.
-- The doctor's note says which it is (the doctor saw the child); a note recorded before this
-- column existed was for a sick child (病児), the only kind the form knew.
ALTER TABLE sick_care_note ADD COLUMN condition TEXT NOT NULL DEFAULT 'sick'
  CHECK (condition IN ('sick', 'recovering'));
