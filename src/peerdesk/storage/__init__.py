"""The vault: SQLCipher connection, key slots, migrations and repositories."""
