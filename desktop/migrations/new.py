"""Developer tool: ``python -m desktop.migrations.new "message"`` writes a new revision.

It migrates a scratch SQLite database to the current head and lets Alembic compare it
with the models, so the new revision holds exactly the model changes since then.
Review the generated file (dialect-specific parts, data moves) before committing it, and
move ``HEAD_REVISION`` in desktop/core/migrate.py to it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from desktop.core.migrate import alembic_config


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].strip():
        print('usage: python -m desktop.migrations.new "what changed"', file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'scratch.sqlite3'}")
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        with engine.begin() as conn:
            command.revision(alembic_config(conn), message=argv[0], autogenerate=True)
        engine.dispose()
    print("Now set HEAD_REVISION in desktop/core/migrate.py to the new revision.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
