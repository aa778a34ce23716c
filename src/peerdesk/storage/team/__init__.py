"""Team mode: PeerDesk's records on the centre's own PostgreSQL server (docs/team-server.md).

Only this package talks to psycopg; the UI never imports it (import-linter).
"""
