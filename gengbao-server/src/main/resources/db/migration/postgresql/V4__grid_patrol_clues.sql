-- Issue 4: the responsibility grid, farmland parcels with their people and markers, patrol tasks and records, clues.
-- Geometries are in the county's working Gauss-Krüger system, like the reference layers.

-- County -> town -> village cells. Codes are the 12-digit administrative codes (town: 9 digits + "000").
CREATE TABLE grid_cell (
    code VARCHAR(12) PRIMARY KEY,
    cell_level VARCHAR(10) NOT NULL,
    name VARCHAR(100) NOT NULL,
    parent_code VARCHAR(12),
    geom GEOMETRY NOT NULL,
    area_m2 DOUBLE PRECISION NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX grid_cell_parent ON grid_cell (parent_code);

-- People attached to a cell: inspectors, village information officers, town officers, field chiefs (田长).
-- username links a person to an account when they have one.
CREATE TABLE grid_person (
    id VARCHAR(36) PRIMARY KEY,
    grid_code VARCHAR(12) NOT NULL,
    duty VARCHAR(20) NOT NULL,
    name VARCHAR(100) NOT NULL,
    phone VARCHAR(30),
    username VARCHAR(64),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX grid_person_cell ON grid_person (grid_code);
CREATE INDEX grid_person_username ON grid_person (username);

-- Permanent basic farmland parcels (from the JBNT layer) with their field chief and responsible household
-- (耕地保护明白卡).
CREATE TABLE farmland_parcel (
    id VARCHAR(40) PRIMARY KEY,
    grid_code VARCHAR(12) NOT NULL,
    geom GEOMETRY NOT NULL,
    area_m2 DOUBLE PRECISION NOT NULL,
    land_class VARCHAR(5),
    field_chief_id VARCHAR(36),
    household_name VARCHAR(100),
    household_phone VARCHAR(30),
    card_no VARCHAR(40),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX farmland_parcel_cell ON farmland_parcel (grid_code);

-- Protection signs (标志牌) and boundary markers (界桩): numbered points with their condition.
CREATE TABLE protection_sign (
    id VARCHAR(40) PRIMARY KEY,
    parcel_id VARCHAR(40) NOT NULL,
    grid_code VARCHAR(12) NOT NULL,
    geom GEOMETRY NOT NULL,
    condition_code VARCHAR(12) NOT NULL,
    installed_on DATE,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX protection_sign_parcel ON protection_sign (parcel_id);

CREATE TABLE boundary_marker (
    id VARCHAR(40) PRIMARY KEY,
    parcel_id VARCHAR(40) NOT NULL,
    grid_code VARCHAR(12) NOT NULL,
    marker_no INT NOT NULL,
    geom GEOMETRY NOT NULL,
    condition_code VARCHAR(12) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX boundary_marker_parcel ON boundary_marker (parcel_id);

-- Daily patrol tasks, planned by rule or added by an officer.
CREATE TABLE patrol_task (
    id VARCHAR(36) PRIMARY KEY,
    grid_code VARCHAR(12) NOT NULL,
    task_date DATE NOT NULL,
    due_date DATE NOT NULL,
    kind VARCHAR(12) NOT NULL,
    status VARCHAR(12) NOT NULL,
    assignee VARCHAR(64),
    area GEOMETRY NOT NULL,
    targets TEXT NOT NULL,
    note VARCHAR(1000),
    created_by VARCHAR(64),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX patrol_task_day ON patrol_task (task_date, grid_code);
CREATE INDEX patrol_task_assignee ON patrol_task (assignee, task_date);

-- Uploaded patrol records: immutable once accepted (a correction is a new record naming the one it corrects).
CREATE TABLE patrol_record (
    client_id VARCHAR(64) PRIMARY KEY,
    task_id VARCHAR(36),
    inspector VARCHAR(64) NOT NULL,
    grid_code VARCHAR(12),
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    content_sha256 CHAR(64) NOT NULL,
    body TEXT NOT NULL,
    track GEOMETRY,
    track_length_m DOUBLE PRECISION NOT NULL,
    corrects VARCHAR(64)
);
CREATE INDEX patrol_record_inspector ON patrol_record (inspector, started_at);
CREATE INDEX patrol_record_task ON patrol_record (task_id);

CREATE TABLE patrol_observation (
    client_id VARCHAR(64) PRIMARY KEY,
    record_id VARCHAR(64) NOT NULL,
    kind VARCHAR(24) NOT NULL,
    geom GEOMETRY NOT NULL,
    note VARCHAR(4000),
    observed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX patrol_observation_record ON patrol_observation (record_id);

-- Photos a record declares, and (separately, when the bytes arrive) what was received and found in them.
CREATE TABLE patrol_photo (
    observation_id VARCHAR(64) NOT NULL,
    sha256 CHAR(64) NOT NULL,
    record_id VARCHAR(64) NOT NULL,
    taken_at TIMESTAMP WITH TIME ZONE,
    bearing DOUBLE PRECISION,
    PRIMARY KEY (observation_id, sha256)
);
CREATE INDEX patrol_photo_record ON patrol_photo (record_id);

CREATE TABLE patrol_photo_receipt (
    record_id VARCHAR(64) NOT NULL,
    sha256 CHAR(64) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    size_bytes BIGINT NOT NULL,
    exif_time TIMESTAMP WITH TIME ZONE,
    exif_lon DOUBLE PRECISION,
    exif_lat DOUBLE PRECISION,
    exif_bearing DOUBLE PRECISION,
    flags VARCHAR(500) NOT NULL,
    PRIMARY KEY (record_id, sha256)
);

-- Basic-farmland parcels a record's track came near (for coverage).
CREATE TABLE parcel_visit (
    parcel_id VARCHAR(40) NOT NULL,
    record_id VARCHAR(64) NOT NULL,
    inspector VARCHAR(64) NOT NULL,
    grid_code VARCHAR(12) NOT NULL,
    visited_on DATE NOT NULL,
    PRIMARY KEY (parcel_id, record_id)
);
CREATE INDEX parcel_visit_day ON parcel_visit (visited_on, grid_code);

-- Clues: suspected violations found on patrol (or reported), each with its analysis.
CREATE TABLE clue (
    id VARCHAR(36) PRIMARY KEY,
    source VARCHAR(12) NOT NULL,
    status VARCHAR(20) NOT NULL,
    grid_code VARCHAR(12),
    geom GEOMETRY NOT NULL,
    needs_outline BOOLEAN NOT NULL,
    analysis_id VARCHAR(36),
    verdict VARCHAR(30),
    area_m2 DOUBLE PRECISION,
    first_evidence_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64)
);
CREATE INDEX clue_cell ON clue (grid_code, status);
CREATE INDEX clue_created ON clue (created_at);

-- Observations that are evidence of a clue (the first one created it; later ones at the same place were linked).
CREATE TABLE clue_observation (
    clue_id VARCHAR(36) NOT NULL,
    observation_id VARCHAR(64) NOT NULL,
    linked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (clue_id, observation_id)
);
CREATE INDEX clue_observation_obs ON clue_observation (observation_id);
CREATE INDEX grid_cell_geom ON grid_cell USING gist (geom);
CREATE INDEX farmland_parcel_geom ON farmland_parcel USING gist (geom);
CREATE INDEX protection_sign_geom ON protection_sign USING gist (geom);
CREATE INDEX boundary_marker_geom ON boundary_marker USING gist (geom);
CREATE INDEX patrol_task_area ON patrol_task USING gist (area);
CREATE INDEX patrol_record_track ON patrol_record USING gist (track);
CREATE INDEX patrol_observation_geom ON patrol_observation USING gist (geom);
CREATE INDEX clue_geom ON clue USING gist (geom);
