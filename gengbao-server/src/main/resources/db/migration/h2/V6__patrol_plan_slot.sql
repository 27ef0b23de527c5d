-- Issue 4: at most one planned task per cell and day, even when two nodes plan at once. A planned task's slot is
-- "<cell code>/<date>"; manual tasks have none (NULLs do not collide in a unique index).
ALTER TABLE patrol_task ADD COLUMN plan_slot VARCHAR(40);
CREATE UNIQUE INDEX patrol_task_plan_slot ON patrol_task (plan_slot);
