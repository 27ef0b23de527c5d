-- (the trigger is created in V2 for PostgreSQL; this keeps the version numbers of both vendors aligned)
SELECT 1;
