"""The publication gate: every file under docs/ is classified, every page's HTML passes the
allowlist, and every refusal is a Chinese line naming the file — found before site/ is
touched. The texts are asserted exactly: they are what an editor reads."""

from __future__ import annotations

import pytest
from conftest import TODAY, UNIT_YML, blank_pdf, build, write

import wenmingsite
from wenmingsite import gate

A = "docs/activities/2024-03-05-plant.md"
pdf = blank_pdf


FRONT = "---\ntitle: 植树节义务植树\ndate: 2024-03-05\ncategory: 志愿服务\n---\n\n"


def problems(root) -> list[str]:
    _, found = wenmingsite.load(root, today=TODAY)
    return [str(p) for p in found]


# --- files ---------------------------------------------------------------------------

FILE_CASES = {
    "upper-case extension": (
        "docs/activities/2024-03-06-x.MD",
        FRONT + "正文。\n",
        "docs/activities/2024-03-06-x.MD: 扩展名“.MD”不是小写。网站只认小写的 .md，而网站服务器区分大小写。"
        "请把文件改名为 2024-03-06-x.md",
    ),
    ".markdown": (
        "docs/activities/2024-03-06-x.markdown",
        FRONT + "正文。\n",
        "docs/activities/2024-03-06-x.markdown: 这像是一个 Markdown 页面，但扩展名是“.markdown”。网站只认 .md："
        "请把文件改名为 2024-03-06-x.md，它就会像其他页面一样被检查和发布",
    ),
    "Notepad's .md.txt": (
        "docs/activities/2024-03-06-x.md.txt",
        FRONT + "正文。\n",
        "docs/activities/2024-03-06-x.md.txt: 文件名多了一个扩展名“.txt”（记事本“另存为”时常会自动加上 .txt）。"
        "请把文件改名为 2024-03-06-x.md（在记事本里保存时，“保存类型”选“所有文件”）",
    ),
    "trailing dot": (
        "docs/activities/2024-03-06-x.md.",
        FRONT + "正文。\n",
        "docs/activities/2024-03-06-x.md.: 文件名“2024-03-06-x.md.”以点或空格结尾，Windows 上会被自动去掉，文件就对不上了。"
        "请删除结尾的点或空格",
    ),
    "Windows reserved name": (
        "docs/con.md",
        "---\ntitle: 关于\n---\n\n正文。\n",
        "docs/con.md: 文件名“con.md”是 Windows 的保留名称（CON、PRN、AUX、NUL、COM1、LPT1 等），"
        "在 Windows 电脑上无法检出或打开。请换一个名称",
    ),
    "reserved name in a folder": (
        "docs/aux/index.md",
        "---\ntitle: 关于\n---\n\n正文。\n",
        "docs/aux/index.md: 文件名“aux”是 Windows 的保留名称（CON、PRN、AUX、NUL、COM1、LPT1 等），"
        "在 Windows 电脑上无法检出或打开。请换一个名称",
    ),
    "question mark": (
        "docs/?.md",
        "---\ntitle: 关于\n---\n\n正文。\n",
        'docs/?.md: 文件名“?.md”含有“?”，Windows 上不允许这样的文件名（\\ / : * ? " < > | 都不行）。'
        "请改名，只用汉字、字母、数字、连字符和下划线",
    ),
    "html file": (
        "docs/about.html",
        "<script>alert(1)</script>",
        "docs/about.html: “.html”文件会在访客的浏览器里运行或显示为独立网页，不会发布。编辑内容请写成 .md 页面；"
        "如果确实需要（由维护者确认），请在 mkdocs.yml 的 extra_css、extra_javascript 或 wenming 插件的 publish_as_is 中列出它",
    ),
    "javascript file": (
        "docs/assets/x.js",
        "alert(1)",
        "docs/assets/x.js: “.js”文件会在访客的浏览器里运行或显示为独立网页，不会发布。编辑内容请写成 .md 页面；"
        "如果确实需要（由维护者确认），请在 mkdocs.yml 的 extra_css、extra_javascript 或 wenming 插件的 publish_as_is 中列出它",
    ),
    "unregistered pdf": (
        "docs/documents/x.pdf",
        pdf(),
        "docs/documents/x.pdf: 这个文件没有登记在 data/documents.yml 中，不会发布。需要公开就在 data/documents.yml 中"
        "登记它（title、issued、file），否则请把它移出 docs/",
    ),
    "an executable": (
        "docs/tools/setup.exe",
        b"MZ\x90\x00",
        "docs/tools/setup.exe: “.exe”文件不会发布到网站。网站只发布 .md 页面、图片、SVG、登记过的文件和维护者列出的文件。"
        "请把它移出 docs/；如果是要公开的文件，请转成 PDF 并在 data/documents.yml 中登记",
    ),
    "heic outside the photo lists": (
        "docs/assets/banner.heic",
        b"\x00\x00\x00\x18ftypheic",
        "docs/assets/banner.heic: 浏览器无法显示这种图片格式。请在手机或电脑上把它另存为 JPG 或 PNG，再更新引用它的地方",
    ),
    "yaml under docs": (
        "docs/activities/2025.yml",
        "activities: []\n",
        "docs/activities/2025.yml: YAML 数据文件不会发布，也不会被读取：活动记录请放在 data/activities/，"
        "单位信息等请放在 data/ 下对应的文件中",
    ),
    "an activity page in data/": (
        "data/activities/2024-03-06-x.md",
        FRONT + "正文。\n",
        "data/activities/2024-03-06-x.md: data/ 里的 Markdown 文件不会成为网页。活动页面请放在 docs/activities/年份/ 中，"
        "例如 docs/activities/2025/2025-03-05-学雷锋.md；一句话的活动记录写在 data/activities/*.yml 里",
    ),
}


@pytest.mark.parametrize("rel, text, expected", list(FILE_CASES.values()), ids=list(FILE_CASES))
def test_each_refused_file_gets_its_own_message(site, rel, text, expected):
    root = site()
    write(root, rel, text)
    assert problems(root) == [expected]


def test_published_files_are_listed_by_class(site):
    root = site(
        {
            "docs/documents/plan.pdf": pdf(),
            "docs/CNAME": "wenming.example.cn\n",
            "data/documents.yml": "- title: 实施方案\n  issued: 2024-01-05\n  file: documents/plan.pdf\n",
        }
    )
    content, found = wenmingsite.load(root, today=TODAY)
    assert found == []
    assert content.files == {
        "CNAME": "asset",
        "activities/2024-03-05-plant.md": "page",
        "documents/plan.pdf": "document",
        "index.md": "page",
        "report/01-first.md": "page",
    }


def test_a_script_listed_in_mkdocs_yml_is_published_and_others_are_not(site):
    root = site({"docs/assets/extra.js": "console.log(1)\n", "docs/assets/evil.js": "alert(1)\n"})
    yml = root / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "extra_javascript:\n  - assets/extra.js\n", encoding="utf-8")
    assert [p.split(":")[0] for p in problems(root)] == ["docs/assets/evil.js"]
    (root / "docs/assets/evil.js").unlink()
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert (root / "site/assets/extra.js").read_text(encoding="utf-8") == "console.log(1)\n"


def test_a_refused_file_stops_the_build_and_keeps_the_last_site(site):
    root = site()
    write(root, "site/index.html", "上一次成功生成的网站")
    write(
        root,
        "docs/activities/2024-03-06-x.markdown",
        FRONT.replace("植树节义务植树", "<img src=x onerror=alert(1)>") + "正文。\n",
    )
    result = build(root)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "docs/activities/2024-03-06-x.markdown: 这像是一个 Markdown 页面，但扩展名是“.markdown”。" in result.stderr
    assert (root / "site/index.html").read_text(encoding="utf-8") == "上一次成功生成的网站"


# --- HTML in page bodies -----------------------------------------------------------------

REMOVED = "已从网页中删除。网站上的页面不能运行脚本、嵌入外部网页或带有事件属性。请删除它；排版用 Markdown 写（表格、图片、链接、折叠块都可以）"

BODY_CASES = {
    "script": (
        "第一段。\n\n<script>alert(1)</script>\n",
        [f"{A}:9:1: 正文中的 HTML 含有不允许发布的内容：<script> 元素及其内容，{REMOVED}"],
    ),
    "iframe": (
        '<iframe src="https://example.com/"></iframe>\n',
        [f"{A}:7:1: 正文中的 HTML 含有不允许发布的内容：<iframe> 元素及其内容，{REMOVED}"],
    ),
    "onerror": (
        '<img src="x.png" onerror="alert(1)">\n',
        [
            f"{A}:7:18: 正文中的 HTML 含有不允许发布的内容：<img> 的事件属性 onerror（会在访客浏览器里运行脚本），{REMOVED}"
        ],
    ),
    "javascript link": (
        "请[点这里](javascript:alert(1))。\n",
        [f"{A}:7:8: 正文中的 HTML 含有不允许发布的内容：<a> 中以“javascript:”开头的链接，{REMOVED}"],
    ),
    "data link": (
        "[下载](data:text/html;base64,PHNjcmlwdD4=)\n",
        [f"{A}:7:6: 正文中的 HTML 含有不允许发布的内容：<a> 中以“data:”开头的链接，{REMOVED}"],
    ),
    "attribute list": (
        '一段文字。\n{onclick="alert(1)"}\n',
        [f"{A}:8:2: 正文中的 HTML 含有不允许发布的内容：<p> 的事件属性 onclick（会在访客浏览器里运行脚本），{REMOVED}"],
    ),
    "style with url": (
        '<p style="background: url(https://example.com/x.png)">文字</p>\n',
        [
            f"{A}:7:11: 正文中的 HTML 含有不允许发布的内容：<p> 的样式“background: url(https://example.com/x.png)”，{REMOVED}"
        ],
    ),
}


@pytest.mark.parametrize("body, expected", list(BODY_CASES.values()), ids=list(BODY_CASES))
def test_markup_the_allowlist_removes_is_reported_where_it_is(site, body, expected):
    root = site({A: FRONT + body})
    yml = root / "mkdocs.yml"  # the demo's extensions: attribute lists and Markdown in HTML
    yml.write_text(
        yml.read_text(encoding="utf-8").replace("validation:", "  - attr_list\n  - md_in_html\nvalidation:"),
        encoding="utf-8",
    )
    assert problems(root) == expected


def test_tables_details_figures_images_and_links_stay(site):
    body = (
        "| 项目 | 人次 |\n|:---|---:|\n| 植树 | 20 |\n\n"
        "<details><summary>详细名单</summary>\n\n名单略。\n\n</details>\n\n"
        '<figure><img src="../assets/a.png" alt="合影" width="400"><figcaption>合影</figcaption></figure>\n\n'
        '[中心网站](https://example.gov.cn/) · <a href="mailto:office@example.cn">来信</a>\n'
    )
    root = site({A: FRONT + body})
    assert problems(root) == []
    html = gate.sanitise(gate._converter(gate.DEFAULT_MARKDOWN).reset().convert(body))
    for kept in (
        '<td style="text-align:left">植树</td>',
        "<details><summary>详细名单</summary>",
        '<img src="../assets/a.png" alt="合影" width="400">',
        '<a href="https://example.gov.cn/">中心网站</a>',
        '<a href="mailto:office@example.cn">来信</a>',
    ):
        assert kept in html


def test_built_page_carries_no_script_from_content(site):
    """Under `mkdocs serve` the build goes on despite problems: what is published is clean."""
    body = '<script>alert(1)</script>\n<img src="x.png" onerror="alert(2)">\n[点](javascript:alert(3))\n'
    html = gate.sanitise(gate._converter(gate.DEFAULT_MARKDOWN).reset().convert(body))
    assert "alert" not in html and "onerror" not in html and "javascript" not in html


# --- Material's keys ---------------------------------------------------------------------

R = "docs/report/01-first.md"


@pytest.mark.parametrize(
    "front, expected",
    [
        (
            "search: yes",
            f"{R}:4:9: 搜索设置（search）应写成两行：search: 换行后缩进写 exclude: true（不让本页出现在搜索结果中）或 boost: 2（提高排名）",
        ),
        (
            "icon: material/no-such-icon",
            f"{R}:4:7: 图标（icon）“material/no-such-icon”不存在。请写 Material 主题自带的图标名，例如 material/flag-variant，或删除这一行",
        ),
        (
            "template: fancy.html",
            f"{R}:4:11: 模板（template）“fancy.html”不存在。这是主题的高级设置，一般不需要写；请删除这一行，或写 overrides/ 文件夹中已有的 .html 模板名",
        ),
        (
            "hide: [sidebar]",
            f"{R}:4:8: 隐藏（hide）中的“sidebar”无法识别。可以写：navigation、toc、footer、path、tags、feedback，每项一行，以“- ”开头",
        ),
        ("status: hot", f"{R}:4:9: 状态（status）“hot”无法识别。可以写：deprecated、new；或删除这一行"),
    ],
)
def test_material_keys_are_checked_before_the_build(site, front, expected):
    root = site({R: f"---\ntitle: 一、组织领导\norder: 1\n{front}\n---\n\n正文。\n"})
    assert problems(root) == [expected]
    write(root, "site/index.html", "上一次成功生成的网站")
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert expected in result.stderr
    assert (root / "site/index.html").read_text(encoding="utf-8") == "上一次成功生成的网站"


def test_valid_material_keys_pass(site):
    root = site(
        {
            R: "---\ntitle: 一、组织领导\norder: 1\nicon: material/flag-variant\nhide:\n  - toc\n"
            "search:\n  boost: 2\n---\n\n正文。\n"
        }
    )
    assert problems(root) == []


@pytest.mark.parametrize("name, what", [("criteria.yml", "测评项目"), ("categories.yml", "活动类别")])
def test_an_empty_required_data_file_is_an_error(site, name, what):
    root = site({f"data/{name}": "# 还没有填写\n"})
    assert (
        f"data/{name}:1:1: {what}文件是空的（或只有注释），网站无法归类活动。请参照示例单位的 data/{name} 填写"
        in problems(root)
    )


# --- images and SVG outside the photo pipeline ---------------------------------------------


def _png_chunks(data: bytes) -> list[bytes]:
    out, i = [], 8
    while i + 8 <= len(data):
        size = int.from_bytes(data[i : i + 4], "big")
        out.append(data[i + 4 : i + 8])
        i += 12 + size
    return out


def test_images_outside_the_photo_lists_are_published_re_encoded(site):
    import io

    from conftest import metadata_blocks
    from PIL import Image, PngImagePlugin

    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone X"  # Model
    jpeg = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(jpeg, "JPEG", exif=exif.tobytes(), comment=b"draft by Zhang")
    png = io.BytesIO()
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Zhang San")
    info.add_itxt("Comment", "internal note")
    Image.new("RGBA", (32, 32), (0, 128, 0, 128)).save(png, "PNG", pnginfo=info)
    root = site(
        {
            "docs/assets/banner.jpg": jpeg.getvalue(),
            "docs/assets/badge.png": png.getvalue(),
            "docs/index.md": "---\ntitle: 首页\n---\n\n![横幅](assets/banner.jpg)\n\n![徽章](assets/badge.png)\n",
        }
    )
    assert metadata_blocks(jpeg.getvalue())  # the originals do carry metadata
    assert b"tEXt" in _png_chunks(png.getvalue())
    result = build(root)
    assert result.returncode == 0, result.stderr
    published_jpeg = (root / "site/assets/banner.jpg").read_bytes()
    assert metadata_blocks(published_jpeg) == [] and b"Zhang" not in published_jpeg
    published_png = (root / "site/assets/badge.png").read_bytes()
    assert not {b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"iCCP"} & set(_png_chunks(published_png))
    with Image.open(io.BytesIO(published_png)) as im:
        assert im.mode == "RGBA" and im.getpixel((5, 5)) == (0, 128, 0, 128)


def test_an_svg_logo_with_script_is_refused_before_the_build(site):
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">'
        '<script>alert(2)</script><circle cx="5" cy="5" r="4"/></svg>'
    )
    root = site({"docs/assets/logo.svg": svg, "data/unit.yml": UNIT_YML + "logo: assets/logo.svg\n"})
    write(root, "site/index.html", "上一次成功生成的网站")
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        "docs/assets/logo.svg: SVG 图片中有网站不能发布的内容，已在发布的版本中去掉：onload 属性；<script> 元素。"
        "原文件没有改动；如果网站上的图形显示不对，请用绘图软件重新导出“普通 SVG”或改用 PNG"
    ) in result.stderr
    assert (root / "site/index.html").read_text(encoding="utf-8") == "上一次成功生成的网站"


def test_a_clean_svg_is_published_sanitised(site):
    svg = (
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/'
        'namespaces/inkscape" inkscape:version="1.2" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="red"/></svg>'
    )
    root = site({"docs/assets/logo.svg": svg})
    result = build(root)
    assert result.returncode == 0, result.stderr
    published = (root / "site/assets/logo.svg").read_text(encoding="utf-8")
    assert '<circle cx="5" cy="5" r="4" fill="red"/>' in published and "inkscape" not in published


def test_a_broken_link_is_refused_before_site_is_touched(site):
    root = site({"docs/index.md": "---\ntitle: 首页\n---\n\n见[通知](notice.md)，或[时间线](/timeline/)。\n"})
    write(root, "site/index.html", "上一次成功生成的网站")
    result = build(root)
    assert result.returncode == 1
    assert (
        "docs/index.md:5:7: 链接的目标“notice.md”不存在。请检查文件名和路径（路径相对于本文件所在的文件夹）"
        in result.stderr
    )
    assert (
        "docs/index.md:5:25: 链接“/timeline/”以“/”开头（从网站根目录算起），网站发布在子路径下（如 GitHub Pages 的"
        " /仓库名/）时会失效。请写相对于本文件所在文件夹的路径，例如 ../timeline/"
    ) in result.stderr
    assert (root / "site/index.html").read_text(encoding="utf-8") == "上一次成功生成的网站"


def test_a_mobile_number_in_a_dated_file_name_is_found(site):
    root = site()
    write(root, "docs/activities/2024-04-01-13812345678.md", FRONT.replace("2024-03-05", "2024-04-01") + "正文。\n")
    assert problems(root) == [
        "docs/activities/2024-04-01-13812345678.md: 文件名中有疑似个人手机号 138****5678。文件名会出现在网址和下载链接里，"
        "公开网站上不能出现个人号码。请给这个文件改名、去掉号码（页面或 data 中引用了它的地方也要一起改）"
    ]


def test_a_hidden_script_scheme_is_still_located(site):
    root = site({A: FRONT + '正文。\n\n<a href="java&#x09;script:alert(1)">点</a>\n'})
    assert problems(root) == [
        f"{A}:9:10: 正文中的 HTML 含有不允许发布的内容：<a> 中以“javascript:”开头的链接，{REMOVED}"
    ]


def test_a_summary_with_markup_is_text_in_the_feed(site):
    root = site(
        {
            A: FRONT.replace("---\n\n", "summary: 合影<img src=x onerror=alert(1)>\n---\n\n", 1).replace(
                "---\ntitle", "---\ntitle", 1
            )
            + "正文。\n"
        }
    )
    yml = root / "mkdocs.yml"
    yml.write_text("site_url: https://example.gov.cn/\n" + yml.read_text(encoding="utf-8"), encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr
    feed = (root / "site/feed.xml").read_text(encoding="utf-8")
    # A reader decodes the XML once and renders HTML: what it renders is the text "<img…>".
    assert "<description>合影&amp;lt;img src=x onerror=alert(1)&amp;gt;</description>" in feed


def test_a_processing_instruction_is_dropped_like_a_comment(site):
    """``<?php …?>`` pasted from a web page: HTML reads it as a comment, so it goes without a
    word (as comments do) and the check does not stop with a traceback."""
    body = "第一段。\n\n<?php echo 1; ?>\n\n第二段。\n"
    root = site({A: FRONT + body})
    assert problems(root) == []
    html = gate.sanitise(gate._converter(gate.DEFAULT_MARKDOWN).reset().convert(body))
    assert html == "<p>第一段。</p>\n\n\n<p>第二段。</p>"


def test_publish_as_is_is_a_plugin_setting(site):
    """A maintainer-allowed file, named in the wenming plugin's settings, is published as it is;
    the same file without the setting stops the build with its line."""
    from conftest import MKDOCS_YML

    auth = '<?xml version="1.0"?><users><user>0123ABCD</user></users>'
    refused = build(site({"docs/BingSiteAuth.xml": auth}))
    assert refused.returncode == 1
    assert "docs/BingSiteAuth.xml: “.xml”文件" in refused.stderr
    allowed = MKDOCS_YML.replace("  - wenming\n", "  - wenming:\n      publish_as_is: [BingSiteAuth.xml]\n")
    root = site({"docs/BingSiteAuth.xml": auth, "mkdocs.yml": allowed})
    built = build(root)
    assert built.returncode == 0, built.stderr
    assert (root / "site" / "BingSiteAuth.xml").read_text(encoding="utf-8") == auth
    from click.testing import CliRunner

    from wenmingsite.commands.cli import main

    checked = CliRunner().invoke(main, ["check", "--root", str(root), "--no-images"])
    assert checked.exit_code == 0, checked.output
