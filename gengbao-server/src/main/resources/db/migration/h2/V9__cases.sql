-- Issue 5: enforcement cases made from clues, their append-only event log (the timeline), deadlines per step and the
-- credit blacklist. Geometries are in the county's working Gauss-Krüger system, like the clues.

-- A case (案件). The status changes only through transitions, each of which appends a case_event in the same
-- transaction; flags are the parallel tracks (transferred to the police, applied to the court, blacklisted).
CREATE TABLE enforcement_case (
    id VARCHAR(36) PRIMARY KEY,
    case_number VARCHAR(60) NOT NULL,
    status VARCHAR(30) NOT NULL,
    flags VARCHAR(200) DEFAULT '' NOT NULL,
    grid_code VARCHAR(12) NOT NULL,
    geom GEOMETRY,
    area_m2 DOUBLE PRECISION,
    basic_farmland_m2 DOUBLE PRECISION,
    other_cultivated_m2 DOUBLE PRECISION,
    verdict VARCHAR(30),
    analysis_id VARCHAR(36),
    criminal BOOLEAN NOT NULL,
    party_name VARCHAR(100),
    party_id_number VARCHAR(30),
    party_phone VARCHAR(30),
    officer VARCHAR(64) NOT NULL,
    event_count INT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT enforcement_case_number UNIQUE (case_number)
);
CREATE INDEX enforcement_case_grid ON enforcement_case (grid_code, status);

-- Case numbers: one counter per year, locked while a number is taken.
CREATE TABLE case_counter (
    case_year INT PRIMARY KEY,
    last_number INT NOT NULL
);

-- The clues a case was made from: a clue belongs to one case at most.
CREATE TABLE case_clue (
    clue_id VARCHAR(36) PRIMARY KEY,
    case_id VARCHAR(36) NOT NULL
);
CREATE INDEX case_clue_case ON case_clue (case_id);

-- The timeline: one row per transition, never changed.
CREATE TABLE case_event (
    id VARCHAR(36) PRIMARY KEY,
    case_id VARCHAR(36) NOT NULL,
    seq INT NOT NULL,
    action VARCHAR(40) NOT NULL,
    actor VARCHAR(64) NOT NULL,
    actor_role VARCHAR(20) NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    data CLOB NOT NULL,
    from_status VARCHAR(30),
    to_status VARCHAR(30) NOT NULL,
    document_ids VARCHAR(1000) DEFAULT '' NOT NULL,
    CONSTRAINT case_event_seq UNIQUE (case_id, seq)
);
CREATE TRIGGER case_event_no_update BEFORE UPDATE, DELETE ON case_event
    FOR EACH ROW CALL 'org.gengbao.server.cases.AppendOnlyEvents';

-- Deadlines of steps: opened by one event, met (or cancelled) by a later one.
CREATE TABLE case_deadline (
    id VARCHAR(36) PRIMARY KEY,
    case_id VARCHAR(36) NOT NULL,
    step VARCHAR(40) NOT NULL,
    responsible_role VARCHAR(20) NOT NULL,
    due_on DATE NOT NULL,
    opened_seq INT NOT NULL,
    closed_seq INT,
    closed_how VARCHAR(12)
);
CREATE INDEX case_deadline_open ON case_deadline (closed_seq, due_on);
CREATE INDEX case_deadline_case ON case_deadline (case_id);

-- Credit blacklist (失信名单): an entry is listed by a case event and lifted by a later one; lifted entries stay.
CREATE TABLE blacklist_entry (
    id VARCHAR(36) PRIMARY KEY,
    case_id VARCHAR(36) NOT NULL,
    grid_code VARCHAR(12) NOT NULL,
    party_name VARCHAR(100) NOT NULL,
    id_number VARCHAR(30) NOT NULL,
    measures VARCHAR(500) NOT NULL,
    reason VARCHAR(2000) NOT NULL,
    listed_on DATE NOT NULL,
    listed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    listed_by VARCHAR(64) NOT NULL,
    lifted_on DATE,
    lifted_at TIMESTAMP WITH TIME ZONE,
    lifted_by VARCHAR(64),
    lift_reason VARCHAR(2000)
);
CREATE INDEX blacklist_entry_case ON blacklist_entry (case_id);
CREATE INDEX blacklist_entry_listed ON blacklist_entry (listed_at);
CREATE SPATIAL INDEX enforcement_case_geom ON enforcement_case (geom);
