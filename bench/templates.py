"""Templates compiled ahead of time (wenmingsite.pages.precompiled): what they save a fresh build.

    python bench/templates.py --before SRC [--activities 1000] [--rounds 5]

SRC is an earlier commit's src/ folder (e.g. `git archive main src | tar -x -C /tmp/main`), put
first on PYTHONPATH for its builds. Three copies of the same synthetic unit (bench/generate.py),
each with its own .cache as its own publications left it, are built alternately (the order turns
every round):

- before: SRC's code;
- after: this checkout's code;
- after, switched off: this checkout with `WENMING_PRECOMPILED_TEMPLATES=0` (every template
  compiled, as before).

Each round edits the same activity in all three (a new title with new words, as bench/rebuild.py
does) and times the one-edit build (fresh process, build cache on); then the warm full builds
(`WENMING_BUILD_CACHE=0`) of the three, alternating. The last outputs are compared byte for byte.
Then, in this process, the templates a build loads (recorded while building a small unit) are
loaded again into new environments of the same kinds, with the shipped code and compiled,
alternating: CPU time of loading them. Prints medians and ratios; adds the run to
bench/results/templates.json.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from generate import generate  # noqa: E402
from rebuild import ENV, FULL_ENV, build, differing, edit  # noqa: E402

VARIANTS = ("before", "after", "after_off")


def variant_env(name: str, base: dict, before: Path) -> dict:
    if name == "before":
        return {**base, "PYTHONPATH": os.pathsep.join(p for p in (str(before), base.get("PYTHONPATH")) if p)}
    if name == "after_off":
        return {**base, "WENMING_PRECOMPILED_TEMPLATES": "0"}
    return dict(base)


def builds(work: Path, before: Path, n: int, rounds: int) -> dict:
    roots = {v: generate(work / v, n) for v in VARIANTS}
    outs = work / "outputs"
    outs.mkdir()
    for v, root in roots.items():  # caches as an earlier publication left them
        build(root, outs / f"{v}-warm", variant_env(v, ENV, before))
        build(root, outs / f"{v}-warm-full", variant_env(v, FULL_ENV, before))
        pages = sorted((root / "docs" / "activities").rglob("*.md"))
        edit(pages[1], "第零次修改")
        build(root, outs / f"{v}-warm-edit", variant_env(v, ENV, before))
    pages = {v: sorted((root / "docs" / "activities").rglob("*.md")) for v, root in roots.items()}
    wall: dict = {f"{kind}_{v}": [] for kind in ("edit", "full") for v in VARIANTS}
    cpu: dict = {key: [] for key in wall}
    for i in range(rounds):
        for v in VARIANTS:
            edit(pages[v][(i * 7919 + 13) % len(pages[v])], f"第{'一二三四五六七八九十'[i % 10]}次修改{i}")
        order = VARIANTS if i % 2 == 0 else VARIANTS[::-1]
        for v in order:
            out = outs / f"edit-{v}-{i}"
            w, c = build(roots[v], out, variant_env(v, ENV, before))
            wall[f"edit_{v}"].append(w)
            cpu[f"edit_{v}"].append(c)
            if i < rounds - 1:
                shutil.rmtree(out)
    for i in range(rounds):
        order = VARIANTS if i % 2 == 0 else VARIANTS[::-1]
        for v in order:
            out = outs / f"full-{v}-{i}"
            w, c = build(roots[v], out, variant_env(v, FULL_ENV, before))
            wall[f"full_{v}"].append(w)
            cpu[f"full_{v}"].append(c)
            if i < rounds - 1:
                shutil.rmtree(out)
    last = rounds - 1
    differ = {
        f"{kind}: {v}": differing(outs / f"{kind}-before-{last}", outs / f"{kind}-{v}-{last}")[:20]
        for kind in ("edit", "full")
        for v in VARIANTS[1:]
    }
    return {"wall": wall, "cpu": cpu, "differ": differ}


def recorded_loads(work: Path) -> list[tuple[str, list[str]]]:
    """(environment kind, template names in load order) of every environment a build of a small
    unit loads templates into."""
    import jinja2
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from wenmingsite.pages import precompiled, render

    loads: dict[int, tuple[str, list[str]]] = {}
    site_env = render.environment()
    original = jinja2.Environment._load_template

    def load(self, name, globals):
        kind = "site" if self is site_env else "theme"
        loads.setdefault(id(self), (kind, []))[1].append(name)
        return original(self, name, globals)

    root = generate(work / "record", 20)
    os.environ.update({k: v for k, v in ENV.items() if k.startswith(("NO_MKDOCS", "WENMING"))})
    jinja2.Environment._load_template = load  # type: ignore[method-assign]
    try:
        cwd = os.getcwd()
        os.chdir(root)
        try:
            mkdocs_build(load_config(str(root / "mkdocs.yml"), site_dir=str(work / "record-site"), strict=True))
        finally:
            os.chdir(cwd)
    finally:
        jinja2.Environment._load_template = original  # type: ignore[method-assign]
    precompiled._code.cache_clear()
    return [(kind, list(dict.fromkeys(names))) for kind, names in loads.values()]


def in_process(work: Path, rounds: int) -> dict:
    """CPU seconds of loading a build's templates into new environments, shipped and compiled."""
    import jinja2
    from mkdocs.config import load_config

    from wenmingsite.pages import precompiled, render

    # The byte-compiled files pip writes when it installs the package (this shell may set
    # PYTHONDONTWRITEBYTECODE, which would make every read compile the module's source).
    compileall.compile_dir(str(precompiled.FOLDER), quiet=1)
    loads = recorded_loads(work)
    config = load_config(str(work / "record" / "mkdocs.yml"))
    config.theme.dirs.insert(0, str(HERE.parent / "src" / "wenmingsite" / "theme"))

    def environment(kind: str, shipped: bool) -> jinja2.Environment:
        if kind == "site":
            env = render.environment.__wrapped__()  # installs the shipped code
            if not shipped:
                env.loader = jinja2.FileSystemLoader(render.TEMPLATES)
            return env
        env = config.theme.get_env()  # MkDocs' own, as before
        return precompiled.install(env) if shipped else env

    times: dict[str, list[float]] = {"shipped": [], "compiled": []}
    for i in range(rounds):
        for way in ("shipped", "compiled") if i % 2 == 0 else ("compiled", "shipped"):
            envs = [(environment(kind, way == "shipped"), names) for kind, names in loads]
            precompiled._code.cache_clear()  # a fresh process reads every shipped module
            start = time.process_time()
            for env, names in envs:
                for name in names:
                    env.get_template(name)
            times[way].append(time.process_time() - start)
    return {
        "environments": len(loads),
        "templates": sum(len(names) for _, names in loads),
        "shipped_s": statistics.median(times["shipped"]),
        "compiled_s": statistics.median(times["compiled"]),
        "samples": times,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="templates compiled ahead of time: fresh builds and loading")
    parser.add_argument("--before", required=True, type=Path, help="an earlier commit's src/ folder")
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--load-rounds", type=int, default=21)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-templates-"))
    try:
        loads = in_process(work, args.load_rounds)
        r = builds(work, args.before.resolve(), args.activities, args.rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    med = {kind: {k: statistics.median(v) for k, v in r[kind].items()} for kind in ("wall", "cpu")}
    result = {
        "activities": args.activities,
        "rounds": args.rounds,
        "before_src": str(args.before),
        "load_end": os.getloadavg(),
        "median_wall_s": med["wall"],
        "median_cpu_s": med["cpu"],
        "samples": r,
        "loading": loads,
    }
    for kind in ("edit", "full"):
        for measure in ("wall", "cpu"):
            m = med[measure]
            b, a, off = m[f"{kind}_before"], m[f"{kind}_after"], m[f"{kind}_after_off"]
            print(
                f"{kind} {measure}: before {b:.2f}s, after {a:.2f}s ({a / b:.3f}x), "
                f"after switched off {off:.2f}s (after/off {a / off:.3f}x)"
            )
    print(
        f"loading {loads['templates']} templates into {loads['environments']} environments: "
        f"shipped {loads['shipped_s'] * 1000:.1f} ms CPU, compiled {loads['compiled_s'] * 1000:.1f} ms CPU "
        f"({loads['shipped_s'] / loads['compiled_s']:.3f}x)"
    )
    print(f"outputs differing from before's: {r['differ']}; load average {os.getloadavg()}")
    path = HERE / "results" / "templates.json"  # each run kept beside the earlier ones
    kept = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    kept.setdefault("runs", []).append(result)
    path.write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if any(r["differ"].values()):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
