"""Property-based tests (Hypothesis): whatever an editor commits, the build either refuses
it with messages that name the file, or publishes a site with no foreign script, no event
attribute, no ``javascript:`` URL, no image metadata and no personal number.

Most examples go through ``wenmingsite.load`` (no MkDocs, milliseconds each); the tests
marked ``slow`` run real ``mkdocs build --strict`` builds (2–4 s each).

Profiles (``WENMING_HYPOTHESIS_PROFILE``): ``ci`` (default: fixed example counts, no
shrinking, so a failing CI run stays within its time budget), ``dev`` (same counts, shrinks
failures to a minimal input and remembers them in .pytest_cache/hypothesis), ``thorough``
(ten times the examples). To rerun a failure, paste the ``@reproduce_failure(...)`` line
Hypothesis prints above the test, or rerun with the printed seed:
``WENMING_HYPOTHESIS_SEED=<seed> pytest tests/test_properties.py -k <test>``.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
import strategies as S
from conftest import BASE_FILES, HANG_SECONDS, REPO, TODAY, run_mkdocs, write
from hypothesis import HealthCheck, Phase, event, example, given, note, seed, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase
from site_scan import Finding, image_metadata, scan_site, script_signatures, snapshot

import wenmingsite
from wenmingsite.loading.problems import shown

# --- profiles -------------------------------------------------------------------------

_COMMON = dict(
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
settings.register_profile("ci", database=None, phases=[Phase.explicit, Phase.generate], **_COMMON)
settings.register_profile(
    "dev", database=DirectoryBasedExampleDatabase(REPO / ".pytest_cache" / "hypothesis"), **_COMMON
)
settings.register_profile("thorough", database=None, **_COMMON)
PROFILE = os.environ.get("WENMING_HYPOTHESIS_PROFILE", "ci")
SCALE = 10 if PROFILE == "thorough" else 1
SEED = int(os.environ.get("WENMING_HYPOTHESIS_SEED") or random.SystemRandom().randrange(10**9))


def examples(n: int):
    """This test's settings under the chosen profile, with its seed printed on failure."""
    base = settings(settings.get_profile(PROFILE), max_examples=n * SCALE)

    def decorate(test):
        return seed(SEED)(base(test))

    return decorate


def rerun_hint(test_name: str) -> None:
    note(
        f"rerun: WENMING_HYPOTHESIS_SEED={SEED} WENMING_HYPOTHESIS_PROFILE=dev "
        f"pytest tests/test_properties.py -k {test_name}"
    )


slow = pytest.mark.slow  # real `mkdocs build --strict` runs, 2–4 s per example

# A load of a handful of files takes milliseconds of CPU: 20 s of CPU time is a runaway
# (catastrophic backtracking, an expansion). Counted in CPU time, not wall time, so that a
# loaded machine never trips it; a wall-clock bound remains for a load that blocks.
LOAD_SECONDS = 20
BUILD_SECONDS = HANG_SECONDS  # wall time of a real build: a hang only

# --- helpers ------------------------------------------------------------------------


class Hang(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float, wall: float = HANG_SECONDS):
    """Raise Hang after ``seconds`` of this process's CPU time (however loaded the machine
    is) or ``wall`` seconds of real time (blocked: a hang)."""

    def spent(signum, frame):
        raise Hang(f"still running after {seconds} s of CPU time")

    def waited(signum, frame):
        raise Hang(f"still running after {wall} s")

    old_prof, old_alarm = signal.signal(signal.SIGPROF, spent), signal.signal(signal.SIGALRM, waited)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    signal.setitimer(signal.ITIMER_REAL, wall)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGPROF, old_prof)
        signal.signal(signal.SIGALRM, old_alarm)


def make_site(tmp: Path, files: dict[str, str | bytes | None], base: dict = BASE_FILES) -> Path:
    root = tmp / "unit"
    for rel, text in base.items():
        if rel not in files:
            write(root, rel, text)
    for rel, data in files.items():
        if data is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return root


def line_count(path: Path) -> int:
    data = path.read_bytes()
    return max(data.count(b"\n"), data.count(b"\r")) + 1


CJK = re.compile(r"[\u4e00-\u9fff]")


def assert_problems_name_files(root: Path, problems) -> None:
    """Every problem says where (an existing path under docs/ or data/, or mkdocs.yml, with
    a line and column inside the file) and what, in Chinese."""
    for p in problems:
        assert p.path == "mkdocs.yml" or p.path.startswith(("docs/", "data/")), f"problem names no project file: {p}"
        path = root / p.path
        assert os.path.lexists(path), f"problem names a file that does not exist: {p}"
        if p.line is not None:
            assert path.is_file(), f"a line number for a folder: {p}"
            assert 1 <= p.line <= line_count(path) + 1, (
                f"line {p.line} is outside the file ({line_count(path)} lines): {p}"
            )
        if p.col is not None:
            assert p.line is not None and p.col >= 1, f"bad column: {p}"
        assert CJK.search(p.message), f"message is not Chinese: {p}"


def load(root: Path):
    with time_limit(LOAD_SECONDS):
        content, problems = wenmingsite.load(root, today=TODAY)
    assert_problems_name_files(root, problems)
    return content, problems


def problems_for(problems, rel: str) -> list:
    return [p for p in problems if p.path == rel]


# --- activity pages (load only) ------------------------------------------------------


@examples(150)
@given(page=st.booleans().flatmap(lambda valid: S.activity_page(valid=valid)), how=st.sampled_from(S.ENCODINGS))
def test_activity_front_matter_loads_or_is_refused_with_its_file_named(page, how):
    """Random and hostile front matter never crashes or hangs the loader; every refusal
    names the file; a value that is accepted is exactly what the editor wrote."""
    rerun_hint("test_activity_front_matter")
    rel = f"docs/activities/{page.name}"
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(Path(tmp), {rel: S.encode(page.text, how)})
        content, problems = load(root)
    if problems_for(problems, rel) or how not in ("utf-8", "utf-8-bom", "crlf", "cr") or not page.values:
        event("refused")
        return
    event("accepted")
    # Accepted: nothing may have been changed silently.
    activity = next((a for a in content.activities if a.page == f"activities/{page.name}"), None)
    assert activity is not None, f"{rel} reported no problem but produced no activity"
    v = page.values
    assert activity.title == " ".join(v["title"].split())
    assert activity.date == v["date"]
    for key in ("location", "summary", "department", "participants"):
        if key in v:
            # An empty text is an absent field (schema.read_fields), not an empty one.
            expected = (v[key].strip() or None) if isinstance(v[key], str) else v[key]
            assert getattr(activity, key) == expected, key
    if "description" in v:
        assert content.pages[f"activities/{page.name}"].meta.get("description") == (v["description"].strip() or None)


@examples(80)
@given(
    log=st.booleans().flatmap(lambda valid: S.activity_log(valid=valid)),
    honours=st.booleans().flatmap(lambda valid: S.honours_file(valid=valid)),
    how=st.sampled_from(S.ENCODINGS),
    name=S.file_name(suffixes=[".yml", ".yaml", ".YML", ".yml.txt", ".json"]),
)
def test_data_files_load_or_are_refused_with_their_file_named(log, honours, how, name):
    rerun_hint("test_data_files")
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(
            Path(tmp), {f"data/activities/{name}": S.encode(log, how), "data/honours.yml": S.encode(honours, how)}
        )
        load(root)


def _alias_fan(levels: int) -> str:
    """Aliases of aliases: 4**levels strings when expanded (at most 4,096 here)."""
    lines = ["l0: &l0 [x, x, x, x]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 4) + "]")
    return "\n".join(lines) + "\n"


YAML_TRAPS = {
    "deep-flow-list": lambda n: "items: " + "[" * n + "]" * n + "\n",
    "deep-flow-map": lambda n: "items: " + "{a: " * n + "b" + "}" * n + "\n",
    "deep-block": lambda n: "".join(" " * (2 * i) + f"k{i}:\n" for i in range(n)) + " " * (2 * n) + "x\n",
    "alias-fan": lambda n: _alias_fan(min(n, 6)),
    "merge-key": lambda n: "base: &b {name: x}\nitem:\n  <<: *b\n  title: y\n",
    "python-tag": lambda n: "name: !!python/object/apply:os.system ['echo pwned']\n",
    "custom-tag": lambda n: "name: !include other.yml\n",
    "binary-tag": lambda n: "name: !!binary aGVsbG8=\n",
    "set": lambda n: "departments: !!set {a, b}\n",
    "complex-key": lambda n: "? [a, b]\n: c\n",
    "long-line": lambda n: "introduction: " + "长" * (n * 100) + "\n",
    "many-documents": lambda n: "---\nname: a\n" * min(n, 50),
}


@examples(60)
@given(
    trap=st.sampled_from(sorted(YAML_TRAPS)),
    depth=st.integers(1, 3000),
    where=st.sampled_from(["data/unit.yml", "data/categories.yml", "data/honours.yml", "front matter"]),
)
@example(trap="deep-flow-list", depth=2000, where="data/honours.yml")
@example(trap="deep-block", depth=1500, where="front matter")
@example(trap="python-tag", depth=1, where="front matter")
def test_yaml_traps_never_crash_or_hang(trap, depth, where):
    """Nesting, aliases, tags and merge keys: a refusal naming the file, or plain values."""
    rerun_hint("test_yaml_traps")
    text = YAML_TRAPS[trap](depth)
    if where == "front matter":
        rel = "docs/activities/2024-03-05-plant.md"
        files = {rel: f"---\ntitle: 植树\ndate: 2024-03-05\ncategory: 志愿服务\n{text}---\n\n正文。\n"}
    else:
        rel = where
        files = {rel: (textwrap.dedent(BASE_FILES.get(rel, "")) + "\n" + text) if where == "data/unit.yml" else text}
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(Path(tmp), files)
        load(root)


def test_billion_laughs_is_refused_quickly_and_without_a_traceback(tmp_path):
    """An alias bomb expands to 387 million strings; the reader must refuse (or at least not
    expand) it. Run in a child process with 1 GiB of memory and 20 s of CPU so that a
    reader that expands it cannot take the machine down."""
    root = make_site(tmp_path, {"data/honours.yml": S.ALIAS_BOMB})
    code = (
        "import resource, sys, datetime as dt\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "resource.setrlimit(resource.RLIMIT_CPU, (20, 20))\n"
        "import wenmingsite\n"
        "content, problems = wenmingsite.load(sys.argv[1], today=dt.date(2026, 11, 27))\n"
        "print('\\n'.join(map(str, problems)))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    try:
        # "Quickly" is the child's 20 s CPU limit (the same on a loaded machine); the wall
        # bound only catches a hang.
        result = subprocess.run(
            [sys.executable, "-c", code, str(root)], capture_output=True, text=True, timeout=HANG_SECONDS, env=env
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"loading data/honours.yml with an alias bomb did not finish within {HANG_SECONDS} s")
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0, f"exit {result.returncode} (killed by a limit?) {result.stderr[-500:]}"
    assert "data/honours.yml" in result.stdout


# --- file names --------------------------------------------------------------------

VALID_PAGE = "---\ntitle: 文明创建活动\ndate: 2024-04-01\ncategory: 志愿服务\n---\n\n正文。\n"


@examples(80)
@given(name=S.file_name(), folder=st.sampled_from(["docs/activities", "docs", "docs/report", "docs/activities/2024"]))
def test_any_file_name_loads_or_is_refused_with_its_file_named(name, folder):
    """Windows-reserved names, odd suffixes, spaces, Chinese, markup and mobile numbers in
    file names: no crash, and a mobile number in a name (it becomes a public URL) is refused."""
    rerun_hint("test_any_file_name")
    rel = f"{folder}/{name}"
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(Path(tmp), {rel: VALID_PAGE})
        _, problems = load(root)
    digits = re.search(r"1[3-9]\d{9}", name)
    if digits:
        assert any(p.path == rel and "手机号" in p.message for p in problems), (
            f"{rel}: a mobile number in a file name (published as a URL) is not reported"
        )


# --- personal numbers ------------------------------------------------------------------

PLACES = ["front-matter", "body", "activity-log", "honours", "unit", "file-name", "text-file", "docx"]


def plant(place: str, written: str) -> tuple[dict, str]:
    """Files holding the number at ``place``, and the path a problem must name."""
    page = "docs/activities/2024-04-01-visit.md"
    if place == "front-matter":
        return {
            page: f'---\ntitle: 走访\ndate: 2024-04-01\ncategory: 志愿服务\nsummary: "联系人电话 {written}"\n---\n\n正文。\n'
        }, page
    if place == "body":
        return {
            page: f"---\ntitle: 走访\ndate: 2024-04-01\ncategory: 志愿服务\n---\n\n联系人张先生，电话 {written}。\n"
        }, page
    if place == "activity-log":
        rel = "data/activities/2024.yml"
        return {
            rel: f"activities:\n  - date: 2024-04-01\n    title: 走访\n    category: 志愿服务\n"
            f'    summary: "家属电话 {written}"\n'
        }, rel
    if place == "honours":
        rel = "data/honours.yml"
        return {
            rel: f'- year: 2024\n  title: 先进集体\n  level: 市级\n  awarded_by: 市文明办\n  note: "联系人 {written}"\n'
        }, rel
    if place == "unit":
        rel = "data/unit.yml"
        return {
            rel: textwrap.dedent(BASE_FILES[rel]).replace(
                "introduction: 这是一个用于测试的单位。", f'introduction: "联系人手机 {written}"'
            )
        }, rel
    if place == "file-name":
        rel = f"docs/activities/2024-04-01-{written}.md"
        return {rel: "---\ntitle: 报名\ndate: 2024-04-01\ncategory: 志愿服务\n---\n\n正文。\n"}, rel
    if place == "text-file":
        rel = "docs/assets/报名名单.md.txt"
        return {rel: f"张三 {written}\n"}, rel
    if place == "docx":
        import io

        import docx

        d = docx.Document()
        d.add_paragraph(f"联系人：张三，电话 {written}")
        buffer = io.BytesIO()
        d.save(buffer)
        rel = "docs/files/名单.docx"
        return {
            rel: buffer.getvalue(),
            "data/documents.yml": "- title: 志愿者名单\n  issued: 2024-04-01\n  file: files/名单.docx\n",
        }, rel
    raise AssertionError(place)


@examples(120)
@given(number=S.planted_number(), place=st.sampled_from(PLACES))
@example(number=S.Planted("mobile", "13812345678", "138 1234 5678", "space"), place="body")
@example(number=S.Planted("mobile", "13812345678", "１３８１２３４５６７８", "fullwidth"), place="body")
@example(number=S.Planted("mobile", "13812345678", "138\u200b1234\u200b5678", "zero-width"), place="body")
@example(number=S.Planted("mobile", "13812345678", "138.1234.5678", "dot"), place="front-matter")
@example(number=S.Planted("id15", "110101800101123", "110101800101123", "plain"), place="body")
@example(number=S.Planted("mobile", "13812345678", "13812345678", "plain"), place="docx")
@example(number=S.Planted("mobile", "13812345678", "13812345678", "plain"), place="text-file")
@example(number=S.Planted("mobile", "13812345678", "13812345678", "plain"), place="file-name")
def test_personal_numbers_are_refused_in_any_disguise_and_any_place(number, place):
    """A private person's mobile or resident ID number — full-width, spaced, dotted, split
    by invisible characters, the old 15-digit ID — in any file the site publishes is refused,
    naming that file."""
    rerun_hint("test_personal_numbers")
    if place == "file-name" and number.disguise in ("dot", "space"):
        place = "body"  # "138.1234.5678.md" reads as a name with suffixes; keep the case simple
    files, rel = plant(place, number.written)
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(Path(tmp), files)
        _, problems = load(root)
    named = [p for p in problems if p.path in files and ("手机号" in p.message or "身份证号" in p.message)]
    assert named, (
        f"{number.kind} written as {number.written!r} ({number.disguise}) in {rel} is not reported; "
        f"problems: {[str(p) for p in problems]}"
    )
    for p in named:
        assert number.digits not in p.message, f"the message repeats the number unmasked: {p}"


# --- images (load only) -----------------------------------------------------------------


@examples(60)
@given(image=S.image_file(gps_exif=None), place=st.sampled_from(["activity", "assets", "honours"]))
def test_originals_with_gps_in_exif_or_xmp_are_refused(image, place):
    """GPS in a committed original leaks the place it was taken when the repository is
    public — in EXIF or in XMP alike."""
    rerun_hint("test_originals_with_gps")
    files = {}
    if place == "activity":
        rel = f"docs/activities/photo{image.ext}"
        files["docs/activities/2024-03-05-plant.md"] = (
            "---\ntitle: 植树节义务植树\ndate: 2024-03-05\ncategory: 志愿服务\n"
            f"photos:\n  - src: photo{image.ext}\n    caption: 植树\n---\n\n正文。\n"
        )
    elif place == "assets":
        rel = f"docs/assets/photo{image.ext}"
    else:
        rel = f"docs/honours/cert{image.ext}"
        files["data/honours.yml"] = (
            f"- year: 2024\n  title: 先进集体\n  level: 市级\n  awarded_by: 市文明办\n"
            f"  photo: honours/cert{image.ext}\n"
        )
    files[rel] = image.data
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(Path(tmp), files)
        _, problems = load(root)
    gps = [p for p in problems if p.path == rel and "GPS" in p.message]
    if "exif-gps" in image.carries or "xmp-gps" in image.carries:
        assert gps, f"{rel} carries {image.carries} but no GPS problem is reported"
    else:
        assert not gps, f"{rel} carries no GPS ({image.carries}) but is refused: {gps}"


# --- the scanner itself ---------------------------------------------------------------


def test_scanner_sees_every_kind_of_leak(tmp_path):
    site = tmp_path / "site"
    write(
        site,
        "index.html",
        '<html><head><script src="assets/evil.js"></script></head><body>'
        '<img src=x onerror=alert(1)><a href="java&#x09;script:alert(1)">x</a>'
        '<iframe src="https://e.example"></iframe><p>电话 138 1234 5678</p></body></html>',
    )
    write(
        site,
        "ok.html",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; onclick=alert(1) javascript:void(0)</p>"
        "<pre><code>&lt;img src=x onerror=alert(1)&gt;</code></pre>",
    )
    write(site, "a.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    write(site, "feed.xml", "<rss><item><description>&lt;img src=x onerror=alert(1)&gt;</description></item></rss>")
    write(site, "search/search_index.json", '{"docs":[{"text":"<p>\\u003cimg src=x onerror=alert(1)\\u003e</p>"}]}')
    write(site, "search/part-03.json", '[{"text":"<p>\\u003cimg src=x onerror=alert(1)\\u003e</p>"}]')
    write(site, "api/x.json", '{"url": "javascript:alert(1)", "s": "\\uff11\\uff13\\uff18\\u200b12345678"}')
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "JPEG", exif=S._exif(True), xmp=S.GPS_XMP)
    (site / "p.webp").write_bytes(buffer.getvalue())  # a JPEG under a WebP name
    found = {(f.path, f.kind) for f in scan_site(site, known_scripts=set(), planted=["13912345678"])}
    assert found >= {
        ("index.html", "script"),
        ("index.html", "event-attribute"),
        ("index.html", "script-url"),
        ("index.html", "active-element"),
        ("index.html", "personal-number"),
        ("a.svg", "event-attribute"),
        ("feed.xml", "event-attribute"),
        ("search/search_index.json", "event-attribute"),
        ("search/part-03.json", "event-attribute"),
        ("api/x.json", "script-url"),
        ("api/x.json", "personal-number"),
        ("p.webp", "image-metadata"),
    }, found
    assert not {f for f in found if f[0] == "ok.html"}, found
    assert set(image_metadata(buffer.getvalue())) >= {"exif", "xmp"}


# --- real builds ------------------------------------------------------------------------

BUILD_YML = """\
site_name: 测试单位
site_url: https://example.org/unit/
docs_dir: docs
theme:
  name: material
  language: zh
  font: false
plugins:
  - search
  - glightbox
  - wenming
markdown_extensions:
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
  - admonition
  - attr_list
  - md_in_html
  - tables
  - pymdownx.details
  - pymdownx.superfences
validation:
  omitted_files: info
nav:
  - 首页: index.md
  - 创建汇报: report/
"""


def _clean_jpeg() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 120, 60)).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


CLEAN_FILES = {
    **{k: textwrap.dedent(v) for k, v in BASE_FILES.items()},
    "mkdocs.yml": BUILD_YML,
    "docs/activities/2024-03-05-plant.md": textwrap.dedent(BASE_FILES["docs/activities/2024-03-05-plant.md"]).replace(
        "participants: 20\n", "participants: 20\nphotos:\n  - src: plant.jpg\n    caption: 职工在河堤植树\n"
    ),
    "docs/activities/plant.jpg": _clean_jpeg(),
    "data/honours.yml": "- year: 2024\n  title: 市级文明单位\n  level: 市级\n  awarded_by: 市文明委\n",
}


class CleanBuild:
    def __init__(self, root: Path, result):
        self.root = root
        self.site = root / "site"
        self.result = result
        self.scripts = script_signatures(self.site)
        self.snapshot = snapshot(self.site)


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory) -> CleanBuild:
    root = make_site(tmp_path_factory.mktemp("clean"), CLEAN_FILES, base={})
    result = run_mkdocs(root, "build", "--strict", timeout=BUILD_SECONDS)
    assert result.returncode == 0, result.stderr
    return CleanBuild(root, result)


@slow
def test_scanner_finds_nothing_in_the_clean_build(clean_build):
    assert scan_site(clean_build.site, clean_build.scripts) == []
    assert (clean_build.site / "feed.xml").exists() and (clean_build.site / "honours/index.html").exists()


def project_paths(root: Path) -> list[str]:
    out = ["mkdocs.yml"]
    for folder in ("docs", "data"):
        for p in (root / folder).rglob("*"):
            out.append(p.relative_to(root).as_posix())
    return sorted(out, key=len, reverse=True)


SUMMARY = re.compile(r"内容共有 \d+ 处问题，网站没有生成")


def build_and_check(clean: CleanBuild, tmp: Path, files: dict, planted=()) -> list[Finding]:
    """Build ``files`` over the clean fixture, starting from the clean site/. Returns what the
    scanner found in a build that succeeded ([] when the build refused, after checking the
    refusal)."""
    root = make_site(tmp, files, base=CLEAN_FILES)
    shutil.copytree(clean.site, root / "site")
    try:
        result = run_mkdocs(root, "build", "--strict", timeout=BUILD_SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"mkdocs build did not finish within {BUILD_SECONDS} s")
    log = result.stderr
    note(log[-4000:])
    assert "Traceback" not in log, log[-3000:]
    assert result.returncode in (0, 1), f"exit code {result.returncode}"
    event(f"build exit {result.returncode}")
    if result.returncode == 1:
        # As a problem's line shows a name: control characters escaped (loading.problems.shown).
        paths = [shown(p) for p in project_paths(root)]
        docs_paths = [p[len("docs/") :] for p in paths if p.startswith("docs/")]
        # Log lines end at "\n" only: str.splitlines would also cut at \x1c-\x1e, \x85 and
        # \u2028, which a generated file name may hold (a line then seemed to name no file).
        for line in log.split("\n"):
            if line.startswith("ERROR") and not SUMMARY.search(line) and "Aborted with" not in line:
                assert any(p in line for p in paths), f"a refusal that names no file under docs/ or data/: {line}"
            if line.startswith("WARNING"):
                assert any(p in line for p in paths + docs_paths), f"a warning that names no file: {line}"
        assert snapshot(root / "site") == clean.snapshot, "a refused build changed the existing site/"
        return []
    return scan_site(root / "site", clean.scripts, planted=planted)


@st.composite
def hostile_content(draw):
    """Pages, data files and oddly named files: mostly well-formed, with hostile values."""
    files, planted = {}, []
    for _ in range(draw(st.integers(1, 3))):
        page = draw(st.sampled_from([True, True, True, False]).flatmap(lambda v: S.activity_page(valid=v)))
        files[f"docs/activities/{page.name}"] = page.text
    if draw(st.booleans()):
        files["data/activities/log.yml"] = draw(
            st.sampled_from([True, True, False]).flatmap(lambda v: S.activity_log(valid=v))
        )
    if draw(st.booleans()):
        files["data/honours.yml"] = draw(S.honours_file(valid=True))
    if draw(st.booleans()):
        name = draw(S.file_name())
        folder = draw(st.sampled_from(["docs/activities", "docs"]))
        title = draw(st.sampled_from(["<img src=x onerror=alert(1)>", "普通标题", '"><script>alert(1)</script>']))
        files[f"{folder}/{name}"] = (
            f"---\ntitle: {S.double_quoted(title)}\ndate: 2024-04-01\n"
            f"category: 志愿服务\n---\n\n{draw(S.markdown_body())}\n"
        )
    if draw(st.booleans()):
        number = draw(S.planted_number())
        planted.append(number.digits)
        files["docs/activities/2024-04-02-visit.md"] = (
            f"---\ntitle: 入户走访\ndate: 2024-04-02\ncategory: 志愿服务\n---\n\n联系人电话 {number.written}。\n"
        )
    return files, planted


@slow
@examples(16)
@given(content=hostile_content())
@example(content=({"docs/index.md": "---\ntitle: 首页\n---\n\n见[通知](notice.md)。\n"}, []))  # MkDocs' own refusal
@example(
    content=(
        {
            "docs/activities/x.markdown": "---\ntitle: <img src=x onerror=alert(1)>\ndate: 2024-04-01\ncategory: 志愿服务\n---\n\n正文\n"
        },
        [],
    )
)
@example(
    content=(
        {
            "docs/activities/2024-04-01-a.md": "---\ntitle: 活动\ndate: 2024-04-01\ncategory: 志愿服务\n---\n\n"
            "<img src=x onerror=alert(1)>\n\n<script>alert(1)</script>\n\n[点我](javascript:alert(1))\n"
        },
        [],
    )
)
def test_hostile_content_builds_clean_or_is_refused_cleanly(clean_build, content):
    rerun_hint("test_hostile_content")
    files, planted = content
    with tempfile.TemporaryDirectory() as tmp:
        found = build_and_check(clean_build, Path(tmp), files, planted)
    assert found == [], "\n".join(map(str, found))


@st.composite
def hostile_files(draw):
    """Images with metadata in photo lists, under docs/assets/ and as honours photos; SVGs
    with script; stray text files."""
    files = {}
    photos = []
    gps_xmp = st.sampled_from([False, False, None])  # GPS in XMP is refused: mostly leave it out
    for i in range(draw(st.integers(0, 2))):
        image = draw(S.image_file(gps_exif=False, gps_xmp=draw(gps_xmp)))
        photos.append(f"p{i}{image.ext}")
        files[f"docs/activities/p{i}{image.ext}"] = image.data
    body = "正文。\n"
    if draw(st.booleans()):
        image = draw(S.image_file(gps_exif=False, gps_xmp=draw(gps_xmp)))
        files[f"docs/assets/a{image.ext}"] = image.data
        body += f"\n![图](../assets/a{image.ext})\n"
    if draw(st.booleans()):
        files["docs/assets/logo.svg"] = draw(st.sampled_from(S.SVG_HOSTILE + S.SVG_HARMLESS * 3))
        body += "\n![标志](../assets/logo.svg)\n"
    if draw(st.booleans()):
        image = draw(S.image_file(gps_exif=False, gps_xmp=draw(gps_xmp)))
        files[f"docs/honours/cert{image.ext}"] = image.data
        files["data/honours.yml"] = (
            f"- year: 2024\n  title: 先进集体\n  level: 市级\n  awarded_by: 市文明办\n"
            f"  photo: honours/cert{image.ext}\n"
        )
    photo_list = "".join(f"  - src: {p}\n    caption: 活动照片\n" for p in photos)
    files["docs/activities/2024-04-01-photos.md"] = (
        "---\ntitle: 照片活动\ndate: 2024-04-01\ncategory: 志愿服务\n"
        + (f"photos:\n{photo_list}" if photos else "")
        + f"---\n\n{body}"
    )
    return files


@slow
@examples(12)
@given(files=hostile_files())
def test_images_and_assets_are_published_bare(clean_build, files):
    rerun_hint("test_images_and_assets")
    with tempfile.TemporaryDirectory() as tmp:
        found = build_and_check(clean_build, Path(tmp), files)
    assert found == [], "\n".join(map(str, found))
