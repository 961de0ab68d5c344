"""Property-based tests (Hypothesis) for personal numbers in the forms readers decode (issue
25): YAML escapes, HTML entities, digits split by markup, comments, emphasis or a line break,
Chinese numerals (一三八…, 壹叁捌…, 幺三八…, mixed with digits), percent-encoding in links and
text inside an SVG, in pages, front matter, data files, SVG files and mkdocs.yml.

Whatever the form and place, the build either refuses with Chinese lines that name project
files (leaving the previous ``site/`` byte for byte), or no byte it publishes holds the
number once decoded as any reader would (entities, percent-encoding, JSON strings, gzip,
full-width forms, Chinese numerals; markup and separators dropped).

The load-only property runs the source checks alone (milliseconds per example); the
``slow`` one runs real ``mkdocs build --strict`` builds. Profiles and reruns as in
test_properties.py (``WENMING_HYPOTHESIS_PROFILE``, ``WENMING_HYPOTHESIS_SEED``).
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import os
import random
import re
import shutil
import subprocess
import tempfile
import unicodedata
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest
import strategies as S
from conftest import BASE_FILES, HANG_SECONDS, TODAY, run_mkdocs, write
from hypothesis import HealthCheck, Phase, event, example, given, note, seed, settings
from hypothesis import strategies as st

import wenmingsite
from wenmingsite.gate import privacy, publication

PROFILE = os.environ.get("WENMING_HYPOTHESIS_PROFILE", "ci")
SCALE = 10 if PROFILE == "thorough" else 1
SEED = int(os.environ.get("WENMING_HYPOTHESIS_SEED") or random.SystemRandom().randrange(10**9))
_PHASES = [Phase.explicit, Phase.generate] if PROFILE == "ci" else list(Phase)


def examples(n: int):
    base = settings(
        max_examples=n * SCALE,
        deadline=None,
        database=None,
        phases=_PHASES,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    return lambda test: seed(SEED)(base(test))


def rerun_hint(name: str) -> None:
    note(f"rerun: WENMING_HYPOTHESIS_SEED={SEED} pytest tests/test_properties_encoded.py -k {name}")


# --- the forms -------------------------------------------------------------------------------

CN_TABLES = {
    "chinese": dict(zip("0123456789", "〇一二三四五六七八九", strict=True)),
    "capital": dict(zip("0123456789", "零壹贰叁肆伍陆柒捌玖", strict=True)),
    "spoken": dict(zip("0123456789", "洞幺两三四五六拐八九", strict=True)),
    "spoken-zero": dict(zip("0123456789", "零幺二三四五六七八九", strict=True)),
}
# Where the number may be broken into groups that still read as one (mobile: 3-4-4 or 3-8,
# ID: 6-8-4), and what may stand between them.
GROUPS = {"mobile": [(3, 4, 4), (3, 8), (11,)], "id18": [(6, 8, 4), (18,)]}
FAMILIES = ["yaml-escape", "entity", "markup", "emphasis", "line-break", "chinese", "percent", "svg-text"]
# Where each family can be written so that a reader decodes it.
PLACES = {
    "yaml-escape": ["front-matter", "data", "mkdocs-yml"],
    "entity": ["body", "svg-text"],
    "markup": ["body"],
    "emphasis": ["body"],
    "line-break": ["body"],
    "chinese": ["body", "front-matter", "data", "mkdocs-yml"],
    "percent": ["body"],
    "svg-text": ["svg-text"],
}
LINE_LOCAL = {"yaml-escape", "entity", "markup", "emphasis", "chinese", "percent"}  # found in one source line


@dataclass(frozen=True)
class Encoded:
    kind: str
    digits: str
    written: str  # as it goes into the file (YAML-escaped text needs double quotes)
    family: str
    place: str


def _split(digits: str, sizes) -> list[str]:
    out, i = [], 0
    for n in sizes:
        out.append(digits[i : i + n])
        i += n
    return out


@st.composite
def encoded_number(draw, families=tuple(FAMILIES)) -> Encoded:
    kind = draw(st.sampled_from(["mobile", "mobile", "id18"]))
    digits = draw(S.mobile_number() if kind == "mobile" else S.id_number())
    family = draw(st.sampled_from(families))
    place = draw(st.sampled_from(PLACES[family]))
    groups = _split(digits, draw(st.sampled_from(GROUPS[kind])))
    join = " " if len(groups) > 1 else ""
    if family == "yaml-escape":
        chosen = draw(st.lists(st.booleans(), min_size=len(digits), max_size=len(digits)))
        style = draw(st.sampled_from(["u", "x", "U"]))
        esc = {"u": "\\u{:04x}", "x": "\\x{:02x}", "U": "\\U{:08X}"}[style]
        written = join.join(
            "".join(esc.format(ord(c)) if chosen[i + sum(map(len, groups[:g]))] else c for i, c in enumerate(part))
            for g, part in enumerate(groups)
        )
        if not any(chosen):
            written = esc.format(ord(digits[0])) + written[1:]
    elif family == "entity":
        # &#49 without its semicolon only where no digit follows (&#4950 is one reference)
        written = join.join(
            "".join(
                (draw(st.sampled_from(["&#{};", "&#x{:x};"] + (["&#{}"] if k == len(part) - 1 else []))).format(ord(c)))
                if draw(st.booleans())
                else c
                for k, c in enumerate(part)
            )
            for part in groups
        )
        if "&" not in written:
            written = f"&#{ord(digits[0])};" + written[1:]
    elif family == "markup":
        cuts = sorted(draw(st.sets(st.integers(1, len(digits) - 1), min_size=1, max_size=3)))
        pieces = _split(digits, [b - a for a, b in zip([0, *cuts], [*cuts, len(digits)], strict=True)])
        seps = ["<b></b>", "<!-- -->", "<span></span>", "<em></em>", "<!-->", "<sup></sup>"]
        written = pieces[0] + "".join(draw(st.sampled_from(seps)) + p for p in pieces[1:])
        if draw(st.booleans()):  # or wrap the middle in an inline element
            written = f"{digits[:3]}<strong>{digits[3:7]}</strong>{digits[7:]}"
    elif family == "emphasis":
        written = (
            f"{digits[:3]}**{digits[3:7]}**{digits[7:]}"
            if kind == "mobile"
            else f"{digits[:6]}*{digits[6:14]}*{digits[14:]}"
        )
    elif family == "line-break":
        parts = _split(digits, (3, 8) if kind == "mobile" else (6, 12))
        written = "\n".join(parts)
    elif family == "chinese":
        table = CN_TABLES[draw(st.sampled_from(sorted(CN_TABLES)))]
        mixed = draw(st.booleans())
        written = join.join(
            "".join(table.get(c, c) if not mixed or draw(st.booleans()) else c for c in part) for part in groups
        )
    elif family == "percent":
        written = "".join(f"%{ord(c):02X}" if draw(st.booleans()) else c for c in digits)
        if "%" not in written:
            written = f"%{ord(digits[0]):02X}" + written[1:]
    else:  # svg-text
        written = f"{digits[:3]}<tspan>{digits[3:7]}</tspan>{digits[7:]}"
    return Encoded(kind, digits, written, family, place)


ACTIVITY = "docs/activities/2024-04-01-visit.md"


def plant(n: Encoded) -> tuple[dict[str, str], str]:
    """The files holding the number, and the project file a refusal must name."""
    if n.place == "body":
        if n.family == "percent":
            body = f"联系方式：[拨打电话](tel:{n.written})。"
        else:
            body = f"联系人张先生，电话 {n.written}。"
        return {ACTIVITY: f"---\ntitle: 走访\ndate: 2024-04-01\ncategory: 志愿服务\n---\n\n{body}\n"}, ACTIVITY
    if n.place == "front-matter":
        return {
            ACTIVITY: f'---\ntitle: 走访\ndate: 2024-04-01\ncategory: 志愿服务\nsummary: "家属电话 {n.written}"\n---\n\n正文。\n'
        }, ACTIVITY
    if n.place == "data":
        rel = "data/activities/2024.yml"
        return {
            rel: f'activities:\n  - date: 2024-04-01\n    title: 走访\n    category: 志愿服务\n    summary: "家属电话 {n.written}"\n'
        }, rel
    if n.place == "mkdocs-yml":
        from conftest import MKDOCS_YML

        return {"mkdocs.yml": MKDOCS_YML + f'copyright: "联系电话 {n.written}"\n'}, "mkdocs.yml"
    # svg-text: an SVG under docs/assets/ shown on the home page
    rel = "docs/assets/contact.svg"
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="160" height="20"><text x="0" y="15">电话 {n.written}</text></svg>'
    page = "---\ntitle: 首页\n---\n\n![联系方式](assets/contact.svg)\n"
    return {rel: svg, "docs/index.md": page}, rel


def make_site(tmp: Path, files: dict[str, str]) -> Path:
    root = tmp / "unit"
    for rel, text in {**BASE_FILES, **files}.items():
        if rel in files:
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        else:
            write(root, rel, text)
    return root


# --- the source checks (load only) -----------------------------------------------------------------


@examples(150)
@given(number=encoded_number(families=tuple(sorted(LINE_LOCAL))).filter(lambda n: n.place != "svg-text"))
@example(number=Encoded("mobile", "13800138000", "\\u0031\\u0033\\u00380013800\\u0030", "yaml-escape", "data"))
@example(number=Encoded("mobile", "13800138000", "&#49;38&#x30;0138000", "entity", "body"))
@example(number=Encoded("mobile", "13800138000", "138<b></b>0013<!-- -->8000", "markup", "body"))
@example(number=Encoded("mobile", "13800138000", "壹叁捌零零壹叁捌零零零", "chinese", "mkdocs-yml"))
@example(
    number=Encoded("id18", "110105198001011238", "一一〇一〇五 一九八〇〇一〇一 一二三八", "chinese", "front-matter")
)
def test_encoded_numbers_are_refused_by_the_source_checks(number):
    """A number encoded within one line is found where it was written, before any build."""
    rerun_hint("test_encoded_numbers_are_refused_by_the_source")
    files, rel = plant(number)
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(Path(tmp), files)
        if rel == "mkdocs.yml":
            problems = publication.config_problems(root / rel, rel, set())
        else:
            _, problems = wenmingsite.load(root, today=TODAY)
    named = [p for p in problems if p.path == rel and ("手机号" in p.message or "身份证号" in p.message)]
    assert named, f"{number} is not reported; problems: {[str(p) for p in problems]}"
    for p in named:
        assert number.digits not in p.message, f"the message repeats the number unmasked: {p}"


# --- real builds -------------------------------------------------------------------------------------

CN_ALL = str.maketrans({c: d for t in CN_TABLES.values() for d, c in t.items()} | {"○": "0"})


def readable_digits(data: bytes, name: str) -> str:
    """Every digit a reader could decode from one output, in order, with everything else
    (markup, separators, words) dropped."""
    if name.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            pass
    text = data.decode("utf-8", errors="replace")
    variants = [text]
    if name.endswith((".json", ".json.gz")):
        try:
            strings = []
            stack = [json.loads(text)]
            while stack:
                item = stack.pop()
                if isinstance(item, str):
                    strings.append(item)
                elif isinstance(item, dict):
                    stack.extend(item.values())
                elif isinstance(item, list):
                    stack.extend(item)
            variants.append("\n".join(strings))
        except ValueError:
            pass
    out = []
    for v in variants:
        for w in (v, html.unescape(v), html.unescape(html.unescape(v))):
            w = urllib.parse.unquote(w)
            w = re.sub(r"<!--.*?-->|<[^>]*>", "", w, flags=re.S)
            w = unicodedata.normalize("NFKC", w).translate(CN_ALL)
            out.append(re.sub(r"[^0-9Xx]", "", w).upper())
    return "\n".join(out)


def published_holders(site: Path, digits: str) -> list[str]:
    found = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and digits.upper() in readable_digits(path.read_bytes(), path.name):
            found.append(path.relative_to(site).as_posix())
    return found


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("clean"), {})
    result = run_mkdocs(root, "build", "--strict", timeout=HANG_SECONDS)
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.slow
@examples(14)
@given(number=encoded_number())
@example(number=Encoded("mobile", "13800138000", "138\n00138000", "line-break", "body"))
@example(number=Encoded("mobile", "13800138000", "138<tspan>0013</tspan>8000", "svg-text", "svg-text"))
@example(number=Encoded("mobile", "13800138000", "%31%33%38%30%30%31%33%38%30%30%30", "percent", "body"))
@example(
    number=Encoded(
        "mobile",
        "13800138000",
        "\\u0031\\u0033\\u0038\\u0030\\u0030\\u0031\\u0033\\u0038\\u0030\\u0030\\u0030",
        "yaml-escape",
        "mkdocs-yml",
    )
)
def test_no_published_byte_holds_an_encoded_number(clean_site, number):
    rerun_hint("test_no_published_byte_holds")
    files, rel = plant(number)
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(Path(tmp), files)
        shutil.copytree(clean_site / "site", root / "site")
        before = tree(root / "site")
        try:
            result = run_mkdocs(root, "build", "--strict", timeout=HANG_SECONDS)
        except subprocess.TimeoutExpired:
            pytest.fail("the build hung")
        log = result.stderr
        note(log[-3000:])
        assert "Traceback" not in log, log[-3000:]
        event(f"{number.family} in {number.place}: exit {result.returncode}")
        if result.returncode == 1:
            errors = [
                line
                for line in log.split("\n")
                if line.startswith("ERROR") and "内容共有" not in line and "Aborted with" not in line
            ]
            assert any(f"wenming: {rel}:" in line for line in errors), f"no refusal names {rel}:\n{log[-3000:]}"
            for line in errors:
                assert re.search(r"wenming: (?:docs/|data/|mkdocs\.yml)", line), f"a refusal that names no file: {line}"
                assert number.digits not in line, f"the message repeats the number: {line}"
            assert tree(root / "site") == before, "a refused build changed the existing site/"
            assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site.")) == []
        else:
            assert result.returncode == 0, log[-3000:]
            holders = published_holders(root / "site", number.digits)
            assert holders == [], f"{number} is published in {holders}"


def test_the_decoded_byte_check_sees_every_family():
    """The property's own reader finds each family in a published form (else its
    assertion would prove nothing)."""
    page = "<p>电话 138<b></b>0013<!-- -->8000</p>"
    assert "13800138000" in readable_digits(page.encode(), "a.html")
    assert "13800138000" in readable_digits(json.dumps({"t": "电话 一三八〇〇一三八〇〇〇"}).encode(), "x.json")
    assert "13800138000" in readable_digits(b"<loc>%31%33%38%30%30%31%33%38%30%30%30</loc>", "sitemap.xml")
    assert "13800138000" in readable_digits(gzip.compress(b"&#49;3800138000"), "sitemap.xml.gz")
    assert privacy.find("幺三八洞洞幺三八洞洞洞")
