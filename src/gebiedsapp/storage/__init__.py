"""How things are kept: engine, migrations, repositories, backups."""
