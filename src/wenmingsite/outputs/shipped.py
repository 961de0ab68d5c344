"""The theme's and the lightbox's scripts as visitors receive them.

Material for MkDocs and mkdocs-glightbox copy their scripts into site/ as they are. Some of
what those scripts do goes against what this site promises, and is changed in the copy that
reaches site/ (the installed packages are never touched), at the end of every build:

- **Tooltips as text.** With ``content.tooltips`` Material puts an element's ``title`` into
  its tooltip with innerHTML (``mountInlineTooltip2`` through its ``h()`` helper, and
  ``mountTooltip`` in the header), and gives every cut-off ``.md-ellipsis`` (nav entries, the
  table of contents, the header's page title) a ``title`` holding its text: a title, a
  heading or a site name that reads as markup ran as script on hover. The tooltips now show
  the text as text. (The gate also refuses such titles in content, where the editor can fix
  them.)
- **No other hosts.** Material loads mermaid and a ResizeObserver polyfill from unpkg.com and
  repository facts from api.github.com or a GitLab host; GLightbox loads its video player from
  cdn.plyr.io. Material's addresses become ``about:invalid``, which no browser fetches, and
  GLightbox's become ``null``, which it declines to load: the features behave as when the
  host cannot be reached (no diagram, no polyfill, no star count, no video player). A unit's
  site uses none of them: content cannot ask for a diagram or a video (``gate`` refuses the
  ``mermaid`` and ``glightbox`` classes and pictures from other hosts).
- **Search costs nothing until it is used.** Material starts its search worker and fetches
  the whole search index on every page load (for the worker and, with ``search.highlight``,
  for the highlighter), before anyone searches. The worker is now made when the first message is posted to it, the index
  is fetched when the search box opens (as Material already does for ``file:`` pages), and
  the highlighter fetches it only on a page opened from a search result (``?h=`` in its
  address). The worker puts the index together from its parts (``search_index``).
- **No source maps.** The bundles' ``.map`` files hold their full sources for developers'
  tools; they are not published, and the comments that point tools at them are removed.

Each rewrite must match exactly as often as it does in the versions pinned in
requirements/lock.txt; a newer theme that differs stops the build with a message for the
maintainer instead of shipping an unchecked script (``tests/test_gate_attributes.py``
checks the installed versions). This module imports no MkDocs: the plugin calls
:func:`neutralise` on the finished site/ folder.
"""

from __future__ import annotations

import fnmatch
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "assets/javascripts/bundle.*.min.js"
SEARCH_WORKER = "assets/javascripts/workers/search.*.min.js"
LIGHTBOX = "assets/javascripts/glightbox.min.js"
SOURCE_MAP = r"\s*//# sourceMappingURL=[^\n]*\s*$"
NOWHERE = "about:invalid"  # a URL no browser fetches (https://url.spec.whatwg.org/#about-scheme)


# A stand-in for the search worker with the three methods Material uses, making the real
# Worker (and fetching its script) only when the first message is posted.
LAZY_WORKER = (
    "(u=>{let w,q=[];return{"
    "addEventListener(...a){w?w.addEventListener(...a):q.push(a)},"
    "removeEventListener(...a){w?w.removeEventListener(...a):q=q.filter(b=>b[1]!==a[1])},"
    "postMessage(d){if(!w){w=new Worker(u);for(const a of q)w.addEventListener(...a)}w.postMessage(d)}}})"
)
HIGHLIGHT_INDEX = 'new URL(location.href).searchParams.get("h")'
# Run before Material's own message handler in the worker: a setup message whose settings
# name parts (wenmingsite.outputs.search_index) waits for them; the handler then gets every page. A
# part that cannot be fetched is left out rather than leaving the search never ready.
INDEX_PARTS = (
    "/* wenming: the search index in parts */"
    'addEventListener("message",function(e){'
    "var m=e.data,c=m&&m.type===0&&m.data&&m.data.config;"
    "if(!c||!Array.isArray(c.parts))return;"
    "e.stopImmediatePropagation();"
    'var root=new URL("../../../",location.href);'
    "Promise.all(c.parts.map(function(p){return fetch(new URL(p,root))"
    ".then(function(r){return r.ok?r.json():[]}).catch(function(){return[]})}))"
    ".then(function(parts){"
    "var config=Object.assign({},c);delete config.parts;"
    "var docs=m.data.docs.concat.apply(m.data.docs,parts);"
    'dispatchEvent(new MessageEvent("message",{data:{type:0,data:Object.assign({},m.data,{config:config,docs:docs})}}))'
    "})});"
)


@dataclass(frozen=True)
class Rewrite:
    files: str  # fnmatch pattern, relative to site/
    pattern: str  # regular expression: the place in the version as installed
    replacement: str
    done: str  # regular expression: the same place once rewritten (a file MkDocs kept from the last build)
    count: int | None  # places in each such file of the pinned version (None: any number)
    why: str


REWRITES = (
    Rewrite(
        BUNDLE,
        r'(\.md-typeset",\w+\);return \w+)\.innerHTML=',
        r"\1.textContent=",
        r'\.md-typeset",\w+\);return \w+\.textContent=',
        1,
        "header tooltips (mountTooltip) show the title as text",
    ),
    Rewrite(
        BUNDLE,
        r"(let (\w+)=\w+\.title,\w+=\w+\()\2\)",
        r"\1document.createTextNode(\2))",
        r"let (\w+)=\w+\.title,\w+=\w+\(document\.createTextNode\(\1\)\)",
        1,
        "content, sidebar and cut-off text tooltips (mountInlineTooltip2) show the title as text",
    ),
    Rewrite(
        BUNDLE,
        r'"https://unpkg\.com/[^"]*"',
        f'"{NOWHERE}"',
        f'"{NOWHERE}"',
        2,
        "mermaid and the ResizeObserver polyfill from unpkg.com",
    ),
    Rewrite(
        BUNDLE,
        r"`https://api\.github\.com/",
        f"`{NOWHERE}#",
        f"`{NOWHERE}#(?:repos|users)/",
        2,
        "GitHub repository facts",
    ),
    Rewrite(
        BUNDLE,
        r"`https://\$\{(\w+)\}/api/v4/",
        "`" + NOWHERE + r"#${\1}/api/v4/",
        "`" + NOWHERE + r"#\$\{\w+\}/api/v4/",
        1,
        "GitLab repository facts",
    ),
    Rewrite(
        LIGHTBOX,
        r'\b(css|js):"https://cdn\.plyr\.io/[^"]*"',
        r"\1:null",
        r"\b(?:css|js):null\b",
        2,
        "GLightbox's video player (Plyr) from cdn.plyr.io",
    ),
    Rewrite(
        BUNDLE,
        r'([\w$]+\([\w$]+\()location\.protocol!=="file:"(\),[\w$]+\("search"\)\))',
        r"\1!1\2",
        r'[\w$]+\([\w$]+\(!1\),[\w$]+\("search"\)\)',
        1,
        "the search index is fetched when the search box opens (setupSearchWorker)",
    ),
    Rewrite(
        BUNDLE,
        r"(function [\w$]+\(([\w$]+),[\w$]+=)new Worker\(\2\)\)",
        r"\1" + LAZY_WORKER + r"(\2))",
        re.escape(LAZY_WORKER) + r"\([\w$]+\)\)",
        1,
        "the search worker is made when the first message is posted to it (watchWorker)",
    ),
    Rewrite(
        BUNDLE,
        r"(\{index\$:([\w$]+),location\$:([\w$]+)\}\)\{return [\w$]+\(\[)\2,",
        r"\1" + HIGHLIGHT_INDEX + r"?\2:new Promise(()=>{}),",
        r"\{index\$:[\w$]+,location\$:[\w$]+\}\)\{return [\w$]+\(\[" + re.escape(HIGHLIGHT_INDEX),
        1,
        "the highlighter fetches the search index only on a page opened from a result (mountSearchHiglight)",
    ),
    Rewrite(
        SEARCH_WORKER,
        r'\A"use strict";(?!' + re.escape(INDEX_PARTS[:40]) + ")",
        '"use strict";' + INDEX_PARTS,
        r'\A"use strict";' + re.escape(INDEX_PARTS[:40]),
        1,
        "the search worker puts the index together from its parts (wenmingsite.outputs.search_index)",
    ),
    Rewrite(BUNDLE, SOURCE_MAP, "\n", "$^", None, "source map comment (maps are not published)"),
    Rewrite(SEARCH_WORKER, SOURCE_MAP, "\n", "$^", None, "source map comment (maps are not published)"),
)
DROPPED = ("assets/javascripts/*.map", "assets/javascripts/workers/*.map", "assets/stylesheets/*.map")


class ShippedError(Exception):
    """A theme script differs from the version this module knows (Chinese, for the maintainer)."""


def rewrite(rel: str, text: str) -> str:
    """``text`` of the shipped file ``rel`` (relative to site/) as this site publishes it."""
    for r in REWRITES:
        if not fnmatch.fnmatch(rel, r.files):
            continue
        done = len(re.findall(r.done, text))
        text, n = re.subn(r.pattern, r.replacement, text)
        if r.count is not None and n + done != r.count:
            raise ShippedError(
                f"site/{rel}：主题脚本与本工具认识的版本不同（“{r.why}”这一处改动应找到 {r.count} 处，"
                f"实际 {n + done} 处），为避免发布未经检查的脚本，网站没有生成。请按 requirements/lock.txt "
                "安装 mkdocs-material 和 mkdocs-glightbox 的固定版本；升级主题的维护者请同时更新 wenmingsite/shipped.py"
            )
    return text


def _shipped(site_dir: Path, pattern: str) -> list[Path]:
    folder, _, name = pattern.rpartition("/")
    base = site_dir / folder
    return sorted(p for p in base.glob(name) if p.is_file()) if base.is_dir() else []


def neutralise(site_dir: str | os.PathLike) -> list[str]:
    """Rewrite the theme's scripts in ``site_dir`` and remove its source maps; the paths
    (relative to site/) that changed. Raises ShippedError when a script is not the known one."""
    site = Path(site_dir)
    changed = []
    for pattern in dict.fromkeys(r.files for r in REWRITES):
        for path in _shipped(site, pattern):
            rel = path.relative_to(site).as_posix()
            text = path.read_text(encoding="utf-8")
            new = rewrite(rel, text)
            if new != text:
                _write(path, new)
                changed.append(rel)
    for pattern in DROPPED:
        for path in _shipped(site, pattern):
            path.unlink()
            changed.append(path.relative_to(site).as_posix())
    return changed


def _write(path: Path, text: str) -> None:
    """Replace the file, never write into it: MkDocs may have linked it to another copy."""
    mode = path.stat().st_mode & 0o777
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, mode)  # mkstemp makes it private; a web server must still read it
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
