"""The gate, round two: what content may carry inside the attributes the allowlist permits,
judged as the theme and its scripts read it back, and what the shipped scripts ask of other
hosts. The messages are asserted exactly: they are what an editor reads."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import MKDOCS_YML, TODAY, UNIT_YML, build, write
from foreign_hosts import foreign_urls
from selectolax.lexbor import LexborHTMLParser

import wenmingsite
from wenmingsite import gate
from wenmingsite.outputs import shipped

A = "docs/activities/2024-03-05-plant.md"
FRONT = "---\ntitle: 植树节义务植树\ndate: 2024-03-05\ncategory: 志愿服务\n---\n\n"
# The demo's extensions (attribute lists, Markdown in HTML) and abbreviations.
EXTENSIONS = "  - attr_list\n  - md_in_html\n  - abbr\nvalidation:"


def problems(root) -> list[str]:
    _, found = wenmingsite.load(root, today=TODAY)
    return [str(p) for p in found]


def with_extensions(root: Path) -> Path:
    yml = root / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("validation:", EXTENSIONS, 1), encoding="utf-8")
    return root


TOOLTIP = "访客把鼠标移上去时，主题会把它当作网页代码执行。请去掉尖括号，或改用书名号《》"
RESERVED = (
    "是网站主题保留的名字：主题的脚本按这样的名字找自己的设置和控件，页面里有同名的编号会让搜索、目录等功能失灵，"
    "甚至被引到其他网站。请换一个编号，不要以“__”（两个下划线）开头，也不要用 glightbox-body、mermaid 这类主题自己的名字"
)
THEME_CLASS = (
    "是网站主题或照片灯箱自己用的：带这个类名的内容会被它们的脚本当作自己的部件处理（例如把文字当作网页代码显示、"
    "在灯箱里打开其他网站、从其他网站下载脚本）。请删除这个类名（按钮样式可以用 md-button）"
)
ELSEWHERE = (
    "在其他网站上。访客打开页面时，浏览器会去那个网站下载图片（本网站承诺不向其他网站发出请求，那边的图片也可能随时被换掉）。"
    "请把图片下载下来，放进活动文件夹或 docs/assets/，再用相对路径引用，例如 ![说明](照片.jpg)"
)

CASES = {
    # Titles: Material's tooltips and GLightbox put them in with innerHTML.
    "link title": (
        '见[通知](../index.md "<img src=x onerror=alert(1)>")。\n',
        f"{A}:7:20: 链接的提示文字（title）里有“<img …”这样的标签。{TOOLTIP}",
    ),
    "image title in entities": (
        '![合影](合影.jpg "&lt;img src=x onerror=alert(1)&gt;")\n',
        f"{A}:7:15: 图片的提示文字（title）里有“<img …”这样的标签。{TOOLTIP}",
    ),
    "attribute list title in numeric references": (
        '一段文字。\n{title="&#60;svg onload=alert(1)&#62;"}\n',
        f"{A}:8:9: <p> 的提示文字（title）里有“<svg …”这样的标签。{TOOLTIP}",
    ),
    "abbreviation title encoded twice": (
        '<abbr title="&amp;lt;b&amp;gt;加粗&amp;lt;/b&amp;gt;">HTML</abbr>\n',
        f"{A}:7:14: 缩写的解释（title）里有“<b>”这样的标签。{TOOLTIP}",
    ),
    "abbreviation defined in Markdown": (
        "HTML 很常用。\n\n*[HTML]: &lt;img src=x onerror=alert(1)&gt;\n",
        f"{A}:9:10: 缩写的解释（title）里有“<img …”这样的标签。{TOOLTIP}",
    ),
    # ids and names the theme looks up.
    "heading id": ("## 概况 {#__config}\n", f"{A}:7:8: 网页编号（id）“__config”{RESERVED}"),
    "div id": (
        '<div id="__config">{"base": "https://evil.example/"}</div>\n',
        f"{A}:7:6: 网页编号（id）“__config”{RESERVED}",
    ),
    "id in numeric references": ('<p id="&#95;&#95;search">x</p>\n', f"{A}:7:4: 网页编号（id）“__search”{RESERVED}"),
    "heading text": (
        "## __search\n\n正文。\n",
        f"{A}:7:2: 标题“__search”自动生成的网页编号（id）是“__search”，这是网站主题保留的名字：主题的脚本按这样的名字"
        "找自己的设置和控件，页面里有同名编号会让搜索、目录等功能失灵，甚至被引到其他网站。"
        "请改写这个标题（例如去掉开头的下划线），或在标题后面写 {#新编号} 另起一个编号",
    ),
    "anchor name": (
        '<a name="__drawer">锚点</a>\n',
        f"{A}:7:4: 锚点名称（name）“__drawer”"
        + RESERVED.replace("同名的编号", "同名的名称").replace("请换一个编号", "请换一个名称"),
    ),
    "the lightbox's id": ('<span id="glightbox-body">x</span>\n', f"{A}:7:7: 网页编号（id）“glightbox-body”{RESERVED}"),
    # Classes the theme's and the lightbox's scripts act on.
    "theme class": ("这是一段很长的文字。\n{.md-ellipsis}\n", f"{A}:8:2: 样式类名（class）“md-ellipsis”{THEME_CLASS}"),
    "mermaid": ('<pre class="mermaid">graph TD; A-->B</pre>\n', f"{A}:7:13: 样式类名（class）“mermaid”{THEME_CLASS}"),
    "lightbox link": (
        '<a class="glightbox" href="https://evil.example/">看图</a>\n',
        f"{A}:7:11: 样式类名（class）“glightbox”{THEME_CLASS}",
    ),
    # Pictures from other hosts.
    "remote image": (
        "![合影](https://evil.example/a.jpg)\n",
        f"{A}:7:7: 图片地址“https://evil.example/a.jpg”{ELSEWHERE}",
    ),
    "scheme-relative": (
        '<img src="//evil.example/a.jpg" alt="合影">\n',
        f"{A}:7:11: 图片地址“//evil.example/a.jpg”{ELSEWHERE}",
    ),
    "backslashes": (
        '<img src="\\\\evil.example\\a.jpg" alt="合影">\n',
        f"{A}:7:11: 图片地址“\\\\evil.example\\a.jpg”{ELSEWHERE}",
    ),
    "a scheme in references": (
        "![合影](&#104;ttps://evil.example/a.jpg)\n",
        f"{A}:7:7: 图片地址“https://evil.example/a.jpg”{ELSEWHERE}",
    ),
    "srcset": (
        '<picture><source srcset="合影.webp 1x, https://evil.example/a.webp 2x"><img src="合影.jpg" alt="合影"></picture>\n',
        f"{A}:7:38: 图片的备选地址（srcset）“https://evil.example/a.webp”{ELSEWHERE}",
    ),
    # data-* never passed the allowlist; it is now always explained (it went without a word).
    "theme data attribute": (
        '一段文字。\n{data-md-component="search"}\n',
        f"{A}:8:2: 正文中的 HTML 含有不允许发布的内容：<p> 的属性 data-md-component，已从网页中删除。"
        "网站上的页面不能运行脚本、嵌入外部网页或带有事件属性。请删除它；排版用 Markdown 写（表格、图片、链接、折叠块都可以）",
    ),
}


@pytest.mark.parametrize("body, expected", list(CASES.values()), ids=list(CASES))
def test_what_the_theme_would_read_back_is_refused_where_it_is_written(site, body, expected):
    root = with_extensions(site({A: FRONT + body}))
    assert problems(root) == [expected]


@pytest.mark.parametrize("body", [body for body, _ in CASES.values()], ids=list(CASES))
def test_where_the_build_goes_on_the_page_is_clean(body):
    """`mkdocs serve` builds despite problems: what it shows carries none of them (but the
    class of a lightbox link: mkdocs-glightbox makes those before the allowlist sees the
    page, and only the check can tell the editor's from the plugin's)."""
    converter = gate._converter(gate.DEFAULT_MARKDOWN + (("abbr", "{}"),))
    page = LexborHTMLParser(gate.sanitise(converter.reset().convert(body)))
    for node in page.body.traverse(include_text=False) if page.body else ():
        attrs = node.attributes
        assert not gate.reads_as_markup(attrs.get("title") or ""), node.html
        assert not any(gate.reserved_id(attrs.get(k) or "") for k in ("id", "name")), node.html
        assert set(gate.reserved_classes(attrs.get("class") or "")) <= ({"glightbox"} if node.tag == "a" else set())
        assert not any(gate.foreign_resource(k, attrs.get(k) or "") for k in ("src", "srcset")), node.html
        assert not any(k.startswith("data-") for k in attrs), node.html


def test_plain_titles_buttons_and_links_to_other_sites_stay(site):
    body = (
        '见[通知](../index.md "《关于开展志愿服务的通知》")，[报名](../index.md){ .md-button }。\n\n'
        '![合影](合影.jpg "三月植树 a < b")\n\n'
        "## _备注 {#note}\n\n## 活动小结\n\n"
        '[中心网站](https://example.gov.cn/ "青溪市农业技术推广中心") · <abbr title="世界卫生组织">WHO</abbr>\n'
    )
    root = with_extensions(site({A: FRONT + body}))
    assert problems(root) == []
    converter = gate._converter(gate.DEFAULT_MARKDOWN + (("abbr", "{}"),))
    html = gate.sanitise(converter.reset().convert(body))
    for kept in (
        'title="《关于开展志愿服务的通知》"',
        'class="md-button"',
        'title="三月植树 a &lt; b"',
        'id="note"',
        '<a href="https://example.gov.cn/" title="青溪市农业技术推广中心">中心网站</a>',
        '<abbr title="世界卫生组织">WHO</abbr>',
    ):
        assert kept in html


def test_pictures_in_a_page_still_open_in_the_lightbox(site):
    """mkdocs-glightbox's own links around a page's pictures keep their class."""
    import io

    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(png, "PNG")
    root = site(
        {
            "mkdocs.yml": MKDOCS_YML.replace("  - search\n", "  - search\n  - glightbox\n"),
            A: FRONT + "![合影](../assets/a.png)\n",
            "docs/assets/a.png": png.getvalue(),
        }
    )
    result = build(root)
    assert result.returncode == 0, result.stderr
    page = (root / "site/activities/2024-03-05-plant/index.html").read_text(encoding="utf-8")
    assert '<a class="glightbox" href="../../assets/a.png"><img alt="合影" src="../../assets/a.png"></a>' in page


def test_a_script_link_written_with_references_is_reported_as_one(site):
    """The link check used to read "&#106;avascript:" undecoded: "链接的目标…不存在"."""
    root = site({A: FRONT + "请[点这里](&#106;avascript:alert(1))。\n"})
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        f"{A}:7:8: 正文中的 HTML 含有不允许发布的内容：<a> 中以“javascript:”开头的链接，已从网页中删除。"
        "网站上的页面不能运行脚本、嵌入外部网页或带有事件属性。请删除它；排版用 Markdown 写（表格、图片、链接、折叠块都可以）"
    ) in result.stderr
    assert "不存在" not in result.stderr


# --- heading ids come from the site's own slugify ----------------------------------------


def test_heading_ids_are_judged_with_the_sites_slugify(site):
    """Full-width low lines: the toc extension's default slugify folds them into "__"
    (NFKD), the demo's pymdownx slugify drops them. Only the first makes a reserved id."""
    page = {A: FRONT + "## ＿＿config\n\n正文。\n"}
    root = site(page)  # the fixture's mkdocs.yml: pymdownx.slugs.slugify (case: lower)
    assert problems(root) == []
    yml = root / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    yml.write_text(re.sub(r"  - toc:\n(?:      .*\n|        .*\n)+", "  - toc\n", text), encoding="utf-8")
    assert problems(root) == [
        f"{A}:7:2: 标题“＿＿config”自动生成的网页编号（id）是“__config”，这是网站主题保留的名字：主题的脚本按这样的名字"
        "找自己的设置和控件，页面里有同名编号会让搜索、目录等功能失灵，甚至被引到其他网站。"
        "请改写这个标题（例如去掉开头的下划线），或在标题后面写 {#新编号} 另起一个编号"
    ]


def test_the_slugify_read_from_mkdocs_yml_is_the_one_mkdocs_passes(tmp_path):
    import pymdownx.slugs

    yml = write(tmp_path, "mkdocs.yml", MKDOCS_YML)
    read = dict(gate.read_site_config(yml).markdown)["toc"]
    live = dict(
        gate.site_config(
            [], [], [], None, (), ["toc"], {"toc": {"slugify": pymdownx.slugs.slugify(case="lower")}}
        ).markdown
    )["toc"]
    assert read == live and '"slugify": ["pymdownx.slugs._uslugify"' in read
    # A function mkdocs.yml names that is not a known slugify is never imported.
    evil = MKDOCS_YML.replace(
        "!!python/object/apply:pymdownx.slugs.slugify\n        kwds:\n          case: lower",
        "!!python/object/apply:os.system\n        args: ['touch pwned']",
    )
    assert "slugify" not in dict(gate.read_site_config(write(tmp_path, "mkdocs.yml", evil)).markdown)["toc"]
    assert not (tmp_path / "pwned").exists()


# --- what the theme reserves, read from the installed theme ---------------------------------


def _material() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def test_every_id_the_theme_and_its_scripts_look_up_is_reserved():
    """Literal ids in Material's templates and bundle, GLightbox and this package's own
    scripts and templates: each one a page's content could clash with is reserved."""
    import mkdocs_glightbox

    found = set()
    for path in _material().rglob("*.html"):
        found |= set(re.findall(r'\b(?:id|for)="([^"{}]+)"', path.read_text(encoding="utf-8")))
    (bundle,) = _material().glob("assets/javascripts/bundle.*.min.js")
    js = bundle.read_text(encoding="utf-8")
    found |= set(re.findall(r'"#(__[\w-]+)"', js)) | set(re.findall(r"`#?(__[a-z][\w-]*?)(?:\$|`)", js))
    lightbox = (Path(mkdocs_glightbox.__file__).parent / "glightbox/glightbox.min.js").read_text(encoding="utf-8")
    found |= set(re.findall(r'getElementById\("([\w-]+)"\)', lightbox))
    found |= set(
        re.findall(r'\.attrs\["id"\] = "([\w-]+)"', (Path(mkdocs_glightbox.__file__).parent / "plugin.py").read_text())
    )
    found |= set(re.findall(r"\btypeof (mermaid)==", js))  # a global it reads, clobbered by an id
    ours = Path(gate.__file__).parent.parent / "assets"
    found |= set(re.findall(r'getElementById\("([\w-]+)"\)', (ours / "wenming.js").read_text(encoding="utf-8")))
    assert {"__config", "__search", "__drawer", "glightbox-body", "init-glightbox", "mermaid"} <= found
    assert [i for i in sorted(found) if not gate.reserved_id(i)] == []


# --- the scripts the site ships ------------------------------------------------------------


def _installed_scripts(dest: Path) -> Path:
    """The theme's and the lightbox's scripts as MkDocs and mkdocs-glightbox copy them."""
    import mkdocs_glightbox

    shutil.copytree(_material() / "assets", dest / "assets")
    shutil.copy(
        Path(mkdocs_glightbox.__file__).parent / "glightbox/glightbox.min.js",
        dest / "assets/javascripts/glightbox.min.js",
    )
    return dest


def test_the_installed_scripts_are_the_ones_the_rewrites_know(tmp_path):
    site = _installed_scripts(tmp_path / "site")
    changed = shipped.neutralise(site)
    (bundle,) = site.glob("assets/javascripts/bundle.*.min.js")
    assert bundle.relative_to(site).as_posix() in changed
    js = bundle.read_text(encoding="utf-8")
    assert ".textContent=t," in js and "document.createTextNode(" in js
    assert not list(site.rglob("*.map")) and "sourceMappingURL" not in js
    for gone in ("unpkg.com", "api.github.com", "https://${"):
        assert gone not in js
    assert "cdn.plyr.io" not in (site / "assets/javascripts/glightbox.min.js").read_text(encoding="utf-8")
    assert shipped.neutralise(site) == []  # a second pass finds nothing left to change


def test_a_theme_script_that_is_not_the_known_one_stops_the_build():
    with pytest.raises(shipped.ShippedError) as caught:
        shipped.rewrite("assets/javascripts/bundle.0123abcd.min.js", "console.log(1)")
    assert str(caught.value) == (
        "site/assets/javascripts/bundle.0123abcd.min.js：主题脚本与本工具认识的版本不同（“header tooltips (mountTooltip) "
        "show the title as text”这一处改动应找到 1 处，实际 0 处），为避免发布未经检查的脚本，网站没有生成。"
        "请按 requirements/lock.txt 安装 mkdocs-material 和 mkdocs-glightbox 的固定版本；"
        "升级主题的维护者请同时更新 wenmingsite/shipped.py"
    )


def test_the_scanner_sees_requests_to_other_hosts(tmp_path):
    site = tmp_path / "site"
    write(
        site,
        "index.html",
        '<html><head><link rel="stylesheet" href="https://cdn.example/x.css">'
        '<script src="//cdn.example/x.js"></script><script>fetch("https://api.example/v1")</script></head>'
        '<body><a href="https://example.gov.cn/">链接</a><p>网址 https://example.gov.cn/ 是文字</p>'
        '<img src="https://img.example/a.jpg" srcset="b.jpg 1x, https://img.example/b.jpg 2x">'
        '<p style="background:url(//img.example/c.png)">x</p>'
        '<a href="../"><img src="http://127.0.0.1:8000/own.png"></a>'
        '<svg xmlns="http://www.w3.org/2000/svg"></svg></body></html>',
    )
    write(
        site,
        "a.js",
        '/*! lib | https://lib.example/ | MIT */\nload("https://cdn.example/y.js") // see https://docs.example/\n',
    )
    write(site, "a.css", "/* https://fonts.example/ */ @import url(https://fonts.example/z.css);")
    write(site, "api/x.json", '{"url": "https://data.example/x", "html": "<img src=\\"https://img.example/d.png\\">"}')
    found = {(h.path, h.url) for h in foreign_urls(site, "127.0.0.1")}
    assert found == {
        ("index.html", "https://cdn.example/x.css"),
        ("index.html", "//cdn.example/x.js"),
        ("index.html", "https://api.example/v1"),
        ("index.html", "https://img.example/a.jpg"),
        ("index.html", "https://img.example/b.jpg"),
        ("index.html", "//img.example/c.png"),
        ("a.js", "https://cdn.example/y.js"),
        ("a.css", "https://fonts.example/z.css"),
        ("api/x.json", "https://data.example/x"),
        ("api/x.json", "https://img.example/d.png"),
    }


def test_nothing_in_the_demo_site_asks_another_host(demo_build):
    """Every file of the demo's site/: no address of another host except links a visitor may
    follow, XML namespaces and licence comments (tests/foreign_hosts.py)."""
    from urllib.parse import urlsplit

    site_url = yaml.load((demo_build.root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvDefault)["site_url"]
    own = urlsplit(site_url).hostname
    assert own == "127.0.0.1"
    assert [str(h) for h in foreign_urls(demo_build.site, own)] == []
    assert not list(demo_build.site.rglob("*.map"))


class _EnvDefault(yaml.SafeLoader):
    """mkdocs.yml's ``!ENV [NAME, default]`` read as its default; Python tags as nothing."""


_EnvDefault.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
_EnvDefault.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


# --- the theme's own templates ----------------------------------------------------------


def test_the_header_escapes_the_sites_names(site):
    """MkDocs does not autoescape theme templates: the site name and the unit's short name
    (data an editor writes) reach the header escaped."""
    root = site(
        {
            "mkdocs.yml": MKDOCS_YML.replace("site_name: 测试单位", 'site_name: 测试单位"&<b>'),
            "data/unit.yml": UNIT_YML.replace("short_name: 测试中心", "short_name: 测试&中心"),
        }
    )
    result = build(root)
    assert result.returncode == 0, result.stderr
    page = (root / "site/index.html").read_text(encoding="utf-8")
    assert 'aria-label="测试单位&#34;&amp;&lt;b&gt;" data-md-component="logo"' in page
    assert (
        '<span class="ws-site-name">测试单位&#34;&amp;&lt;b&gt;</span><span class="ws-site-short">测试&amp;中心</span>'
        in page
    )
