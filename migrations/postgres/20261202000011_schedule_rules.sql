-- Schedules beyond "every week": an RFC 5545 rule ("FREQ=MONTHLY;INTERVAL=1;BYDAY=3WE"; empty
-- for every week on `weekday`) and the day it started (for "every other week").
ALTER TABLE schedules ADD COLUMN rrule TEXT NOT NULL DEFAULT '';
ALTER TABLE schedules ADD COLUMN dtstart DATE;
