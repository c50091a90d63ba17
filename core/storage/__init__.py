"""Where the dossiers live: the embedded encrypted file (core.db, core.session) or a team's
PostgreSQL server (core.storage.postgres, with its roles and policies in core.storage.team)."""
