"""Property-based tests, round two of the gate: titles, ids, names, classes and picture
addresses inside the attributes the allowlist permits — written as Markdown, attribute lists
or HTML, as they are or as character references (named, decimal, hex, padded, encoded twice).

Whatever an example holds, the real ``mkdocs build --strict`` either refuses it with Chinese
``file:line:column`` messages (leaving the last site alone, as in test_properties), or
publishes a site where no title decodes to markup (Material's tooltips and GLightbox render
titles as HTML), no element in page content carries an id or name the theme reserves or a
class its scripts act on, and nothing asks another host for anything
(``foreign_hosts.foreign_urls``). Each example is a real build (2–4 s): few examples, marked
``slow`` like the builds of test_properties. Profiles and seeds as in test_properties.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import run_mkdocs
from foreign_hosts import foreign_urls
from hypothesis import event, example, given, note
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser
from site_scan import scan_site, snapshot
from test_properties import (  # noqa: F401 - clean_build is a fixture
    BUILD_SECONDS,
    CLEAN_FILES,
    CleanBuild,
    clean_build,
    examples,
    make_site,
    project_paths,
    rerun_hint,
)

from wenmingsite import gate

slow = pytest.mark.slow
PAGE = "docs/activities/2024-04-01-attrs.md"
FRONT = "---\ntitle: 属性测试\ndate: 2024-04-01\ncategory: 志愿服务\n---\n\n"
OWN_HOST = "example.org"  # the fixture's site_url (test_properties.BUILD_YML)

# --- strategies ----------------------------------------------------------------------

TITLES = [
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<b>加粗</b>",
    "</p><script>alert(1)</script>",
    "<!--x-->提示",
    "<iframe src=//evil.example/>",
    "《关于开展志愿服务的通知》",  # harmless: stays
    "a < b 且 c > d",
    "三月植树",
]
ENCODINGS = ["raw", "named", "decimal", "hex", "padded", "twice"]


def encode(text: str, how: str) -> str:
    """``text`` as an editor might hide its angle brackets (never a double quote: the carriers quote with it)."""
    if how == "named":
        return text.replace("<", "&lt;").replace(">", "&gt;")
    if how == "decimal":
        return text.replace("<", "&#60;").replace(">", "&#62;")
    if how == "hex":
        return text.replace("<", "&#x3C;").replace(">", "&#X3e;")
    if how == "padded":
        return text.replace("<", "&#0000060;").replace(">", "&#x00003e;")
    if how == "twice":
        return html.escape(html.escape(text, quote=False), quote=False)
    return text


def title_carriers(title: str) -> list[str]:
    return [
        f'见[通知](../../index.md "{title}")。',
        f'![图](../../assets/a.png "{title}")',
        f'一段文字。\n{{title="{title}"}}',
        f'<abbr title="{title}">缩写</abbr>',
        f"<span title='{title}'>文字</span>",
    ]


IDS = ["__config", "__search", "__drawer", "__nav_1", "__tooltip2_0", "glightbox-body", "mermaid", "note", "_1"]
HEADINGS = [
    "__config",
    "＿＿config",
    "&#95;&#95;config",
    "\\_\\_search",
    "__Drawer 区",
    "GLightbox Body",
    "Mermaid",
    "_备注",  # harmless: stays
    "活动小结",
]


def id_carriers(value: str, how: str) -> list[str]:
    written = "".join(f"&#{ord(c)};" for c in value) if how == "decimal" else value
    return [
        f"## 标题 {{#{value}}}",
        f'<div id="{written}">内容</div>',
        f'<a name="{written}">锚点</a>',
        f'<p id="{written}" markdown>段落</p>',
    ]


CLASSES = ["md-ellipsis", "md-status", "md-typeset", "md-button", "glightbox", "glightbox-desc", "mermaid", "note"]


def class_carriers(cls: str) -> list[str]:
    return [
        f"很长的一段文字。\n{{.{cls}}}",
        f'<div class="extra {cls}">内容</div>',
        f'<pre class="{cls}">graph TD; A-->B</pre>',
        f'<a class="{cls}" href="https://evil.example/">看图</a>',
    ]


PICTURES = [
    "https://evil.example/a.png",
    "//evil.example/a.png",
    "\\\\evil.example\\a.png",
    "&#104;ttps://evil.example/a.png",
    "HTTPS://EVIL.EXAMPLE/a.png",
    "http:evil.example/a.png",
    "../../assets/a.png",  # harmless: stays
]


def picture_carriers(src: str) -> list[str]:
    return [
        f"![图]({src})",
        f'<img src="{src}" alt="图">',
        f'<picture><source srcset="../../assets/a.png 1x, {src} 2x"><img src="../../assets/a.png" alt="图"></picture>',
    ]


@st.composite
def attribute_attacks(draw) -> str:
    """A page body with one to three attribute payloads in Markdown, attribute lists or HTML."""
    snippets = []
    for _ in range(draw(st.integers(1, 3))):
        family = draw(st.sampled_from(["title", "id", "heading", "class", "picture"]))
        if family == "title":
            carrier = title_carriers(encode(draw(st.sampled_from(TITLES)), draw(st.sampled_from(ENCODINGS))))
        elif family == "id":
            carrier = id_carriers(draw(st.sampled_from(IDS)), draw(st.sampled_from(["raw", "decimal"])))
        elif family == "heading":
            carrier = [f"## {draw(st.sampled_from(HEADINGS))}\n\n正文。"]
        elif family == "class":
            carrier = class_carriers(draw(st.sampled_from(CLASSES)))
        else:
            carrier = picture_carriers(draw(st.sampled_from(PICTURES)))
        snippets.append(draw(st.sampled_from(carrier)))
        event(family)
    return "\n\n".join(snippets) + "\n"


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


# --- what the published site must not hold -------------------------------------------------


def _article(page: LexborHTMLParser):
    return page.css_first("article")


def theme_findings(site: Path, clean_site: Path) -> list[str]:
    """Titles that read as markup anywhere in a page; reserved ids and names, and classes the
    theme's scripts act on, inside page content (the clean fixture's own are the baseline:
    this package's photo grids are lightbox links); lightbox links to anything but a file
    of the site."""
    baseline = set()
    for path in clean_site.rglob("*.html"):
        if (article := _article(LexborHTMLParser(path.read_text(encoding="utf-8")))) is not None:
            for node in article.traverse(include_text=False):
                baseline |= set(gate.reserved_classes(node.attributes.get("class") or ""))
    out = []
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        page = LexborHTMLParser(path.read_text(encoding="utf-8"))
        for node in page.root.traverse(include_text=False) if page.root else ():
            if markup := gate.reads_as_markup(node.attributes.get("title") or ""):
                out.append(f"{rel}: <{node.tag} title> holds {markup}: {node.html[:120]}")
        article = _article(page)
        for node in article.traverse(include_text=False) if article is not None else ():
            attrs = node.attributes
            for name in ("id", "name"):
                if gate.reserved_id(attrs.get(name) or ""):
                    out.append(f"{rel}: content carries {name}={attrs.get(name)!r}")
            if extra := set(gate.reserved_classes(attrs.get("class") or "")) - baseline:
                out.append(f"{rel}: content carries the theme's classes {sorted(extra)}")
            if "glightbox" in (attrs.get("class") or "").split() and gate.foreign_url(attrs.get("href") or ""):
                out.append(f"{rel}: a lightbox link to {attrs.get('href')}")
    return out


LOCATED = re.compile(re.escape(PAGE) + r":\d+:\d+: ")


def build(clean: CleanBuild, tmp: Path, files: dict):
    """Build ``files`` over the clean fixture, starting from its site/ (as test_properties
    does). A refusal must say where (file, line and column, in Chinese) and leave site/ as it
    was; a build that goes through is returned for the checks."""
    root = make_site(tmp, files, base=CLEAN_FILES)
    shutil.copytree(clean.site, root / "site")
    result = run_mkdocs(root, "build", "--strict", timeout=BUILD_SECONDS)
    note(result.stderr[-4000:])
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in (0, 1), f"exit code {result.returncode}"
    if result.returncode == 1:
        paths = project_paths(root)
        for line in result.stderr.split("\n"):
            if line.startswith("ERROR") and "docs/" in line:
                assert any(p in line for p in paths), f"a refusal that names no file: {line}"
                if PAGE in line:
                    assert LOCATED.search(line), f"a refusal without its line and column: {line}"
                    assert re.search(r"[\u4e00-\u9fff]", line), f"not in Chinese: {line}"
        assert snapshot(root / "site") == clean.snapshot, "a refused build changed the existing site/"
    return root, result


# --- the property ----------------------------------------------------------------------


@slow
@examples(8)
@given(body=attribute_attacks())
@example(body='见[通知](../../index.md "&lt;img src=x onerror=alert(1)&gt;")。\n')
@example(body='## ＿＿config\n\n<div id="&#95;&#95;config">x</div>\n\n![图](&#104;ttps://evil.example/a.png)\n')
@example(body='<abbr title="&amp;lt;b&amp;gt;">缩写</abbr>\n\n[按钮](../../index.md){ .md-button }\n')
def test_attribute_payloads_are_refused_where_written_or_published_harmless(clean_build, body):  # noqa: F811
    rerun_hint("test_attribute_payloads")
    files = {PAGE: FRONT + body, "docs/assets/a.png": _png()}
    with tempfile.TemporaryDirectory() as tmp:
        root, result = build(clean_build, Path(tmp), files)
        if result.returncode == 1:
            event("refused")
            return
        event("published")
        site = root / "site"
        found = scan_site(site, clean_build.scripts)
        assert found == [], "\n".join(map(str, found))
        assert [str(h) for h in foreign_urls(site, OWN_HOST)] == []
        assert theme_findings(site, clean_build.site) == []
