-- The in-app unread state of case reminders: one row when an account has read a reminder (never changed).
CREATE TABLE case_reminder_read (
    reminder_id VARCHAR(36) NOT NULL REFERENCES case_reminder (id),
    username VARCHAR(64) NOT NULL,
    read_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (reminder_id, username)
);
