#!/bin/sh
# Regenerate the locks from pyproject.toml's pins (see README, 维护者说明). Needs uv and PyPI.
# lock.txt: everything, every extra (CI, .ci/run, the quick start's test command);
# lock-build.txt: only what building the site needs (the publishing workflow, the quick start's
# preview, new units);
# lock-pack.txt, lock-deploy.txt, lock-import.txt: the build set plus one extra each, for
# `wenming pack`/`print`, `wenming deploy` to cloud storage, `wenming import`/`export`.
# Each is a whole set (installs alone into a fresh environment and passes `pip check`), resolved
# within lock.txt so that no two locks ever disagree on a version.
set -eu
cd "$(dirname "$0")/.."
common="--universal --generate-hashes --python-version 3.11.5 --custom-compile-command 'sh requirements/compile.sh'"
eval uv pip compile $common --quiet "$@" pyproject.toml --all-extras requirements/build-backend.in -o requirements/lock.txt
eval uv pip compile $common --quiet "$@" pyproject.toml requirements/build-backend.in -c requirements/lock.txt -o requirements/lock-build.txt
for extra in pack deploy import; do
  eval uv pip compile $common --quiet "$@" pyproject.toml --extra "$extra" requirements/build-backend.in \
    -c requirements/lock.txt -o "requirements/lock-$extra.txt"
done
# New units get the locks from the installed package (see tools/sync_scaffold.py).
python3 tools/sync_scaffold.py >/dev/null
