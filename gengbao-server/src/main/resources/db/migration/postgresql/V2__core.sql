CREATE TABLE county (
    id INT PRIMARY KEY,
    code VARCHAR(12) NOT NULL,
    name VARCHAR(100) NOT NULL,
    epsg INT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE layer_version (
    id VARCHAR(80) PRIMARY KEY,
    kind VARCHAR(20) NOT NULL,
    effective_from DATE NOT NULL,
    sha256 CHAR(64) NOT NULL,
    epsg INT NOT NULL,
    feature_count INT NOT NULL,
    field_mapping VARCHAR(2000) NOT NULL,
    source_name VARCHAR(500),
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by VARCHAR(64),
    report TEXT NOT NULL
);

CREATE TABLE layer_feature (
    version_id VARCHAR(80) NOT NULL,
    fid INT NOT NULL,
    feature_id VARCHAR(100),
    geom geometry NOT NULL,
    area_m2 DOUBLE PRECISION NOT NULL,
    attributes TEXT NOT NULL,
    PRIMARY KEY (version_id, fid)
);
CREATE INDEX layer_feature_geom ON layer_feature USING gist (geom);

CREATE TABLE analysis (
    id VARCHAR(36) PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64),
    as_of DATE NOT NULL,
    verdict VARCHAR(30) NOT NULL,
    area_m2 DOUBLE PRECISION NOT NULL,
    patch geometry NOT NULL,
    result TEXT NOT NULL
);

CREATE TABLE account (
    username VARCHAR(64) PRIMARY KEY,
    display_name VARCHAR(100),
    password_hash VARCHAR(200) NOT NULL,
    role VARCHAR(20) NOT NULL,
    grid_code VARCHAR(19),
    disabled BOOLEAN NOT NULL,
    failed_logins INT NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE auth_token (
    token_hash CHAR(64) PRIMARY KEY,
    username VARCHAR(64) NOT NULL,
    issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE audit_head (
    id INT PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_entry (
    seq BIGINT PRIMARY KEY,
    at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor VARCHAR(64),
    action VARCHAR(64) NOT NULL,
    target VARCHAR(500),
    result VARCHAR(20) NOT NULL,
    client VARCHAR(100),
    details TEXT,
    prev_hash CHAR(64) NOT NULL,
    hash CHAR(64) NOT NULL
);

-- The audit log is append-only: the hash chain detects edits, and the database refuses them in the first place.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$;
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
