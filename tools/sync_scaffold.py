"""Copy the files `wenming init` and `wenming upgrade` hand to a unit into the package.

    python tools/sync_scaffold.py          # after changing one of them (tests/test_init.py says so)

A unit is made from the installed package alone (a wheel carries no repository files), so
the package holds copies of these repository files; `tests/test_init.py` fails when a copy
differs from its original and names this command.
"""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / "src" / "wenmingsite" / "scaffold" / "shared"
# repository file -> name in the package
FILES = {
    "data/criteria.yml": "criteria.yml",
    "data/categories.yml": "categories.yml",
    "data/holidays.yml": "holidays.yml",
    "requirements/lock-build.txt": "lock-build.txt",
    "requirements/lock-pack.txt": "lock-pack.txt",
    "requirements/lock-deploy.txt": "lock-deploy.txt",
    "requirements/lock-import.txt": "lock-import.txt",
    ".github/workflows/pages.yml": "pages.yml",
}


def main() -> None:
    SHARED.mkdir(parents=True, exist_ok=True)
    for source, name in FILES.items():
        shutil.copyfile(REPO / source, SHARED / name)
        print(f"{source} -> {(SHARED / name).relative_to(REPO)}")


if __name__ == "__main__":
    main()
