-- Safe retries of case transitions: a client may send an Idempotency-Key with a transition. The event keeps the key
-- and the SHA-256 of the request (action, actor and data as canonical JSON); one key per case, so that a retry of a
-- lost answer finds the event it made instead of adding a second one.
ALTER TABLE case_event ADD COLUMN idempotency_key VARCHAR(100);
ALTER TABLE case_event ADD COLUMN request_sha256 CHAR(64);
ALTER TABLE case_event ADD CONSTRAINT case_event_idempotency UNIQUE (case_id, idempotency_key);

-- Photos uploaded for a case (performance, execution): the evidence store keeps the bytes under their SHA-256, this
-- table who uploaded them for which case. A transition may name only photos of its case (these, or its clues') or
-- photos the acting user uploaded.
CREATE TABLE case_evidence (
    case_id VARCHAR(36) NOT NULL,
    sha256 CHAR(64) NOT NULL,
    media_type VARCHAR(40) NOT NULL,
    size_bytes BIGINT NOT NULL,
    uploaded_by VARCHAR(64) NOT NULL,
    uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, sha256)
);
CREATE INDEX case_evidence_uploader ON case_evidence (uploaded_by, sha256);
