#!/bin/sh
# Regenerate the locks from pyproject.toml's pins (see README, 维护者说明). Needs uv and PyPI.
# lock.txt: everything the tests need (CI, .ci/run, the quick start's test command);
# lock-build.txt: only what building the site needs (the publishing workflow, new units),
# resolved within lock.txt so that the two never disagree on a version.
set -eu
cd "$(dirname "$0")/.."
common="--universal --generate-hashes --python-version 3.11.5 --custom-compile-command 'sh requirements/compile.sh'"
eval uv pip compile $common --quiet "$@" pyproject.toml --extra test requirements/build-backend.in -o requirements/lock.txt
eval uv pip compile $common --quiet "$@" pyproject.toml requirements/build-backend.in -c requirements/lock.txt -o requirements/lock-build.txt
# New units get the build lock from the installed package (see tools/sync_scaffold.py).
python3 tools/sync_scaffold.py >/dev/null
