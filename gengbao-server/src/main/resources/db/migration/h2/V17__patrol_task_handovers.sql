-- Reassignments of patrol tasks: who held a task until when, who moved it and why. A record that the former assignee
-- started before the task left them (made offline, uploaded later) still belongs to the task (Records.checkTask).
CREATE TABLE patrol_task_handover (
    id VARCHAR(36) PRIMARY KEY,
    task_id VARCHAR(36) NOT NULL,
    from_assignee VARCHAR(64),
    to_assignee VARCHAR(64) NOT NULL,
    reason VARCHAR(500),
    handed_by VARCHAR(64),
    handed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX patrol_task_handover_task ON patrol_task_handover (task_id, from_assignee);
