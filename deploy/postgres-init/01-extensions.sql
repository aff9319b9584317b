-- Runs once, when the postgres container initialises an empty data directory (docker-compose.yml).
-- Kefu's migrations also say CREATE EXTENSION IF NOT EXISTS, but `vector` is not a trusted extension:
-- creating it here as the superuser lets the application role migrate even without superuser rights.
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
