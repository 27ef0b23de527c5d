-- Issue 5: reminders of case deadlines due soon or overdue, one per deadline and day, so that the morning job run
-- twice on one day (or on two nodes) records each reminder once.
CREATE TABLE case_reminder (
    id VARCHAR(36) PRIMARY KEY,
    deadline_id VARCHAR(36) NOT NULL,
    case_id VARCHAR(36) NOT NULL,
    remind_on DATE NOT NULL,
    step VARCHAR(40) NOT NULL,
    due_on DATE NOT NULL,
    responsible_role VARCHAR(20) NOT NULL,
    officer VARCHAR(64) NOT NULL,
    grid_code VARCHAR(12) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT case_reminder_once UNIQUE (deadline_id, remind_on)
);
CREATE INDEX case_reminder_officer ON case_reminder (officer, remind_on);
CREATE INDEX case_reminder_grid ON case_reminder (grid_code, remind_on);
