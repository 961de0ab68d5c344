"""Each class of bad input yields its own Chinese message with file, line and column.

The texts are asserted exactly: they are the product's interface to editors.
"""

from __future__ import annotations

import os

import pytest
from conftest import TODAY, UNIT_YML, blank_pdf, small_docx, write

import wenmingsite

A = "docs/activities/2024-03-05-plant.md"
BASE = "date: 2024-03-05\ncategory: 志愿服务\n"


def act(front_matter: str, body: str = "正文。\n") -> dict:
    return {A: f"---\n{front_matter}\n---\n\n{body}"}


def problems(root) -> list[str]:
    _, found = wenmingsite.load(root, today=TODAY)
    return [str(p) for p in found]


def test_valid_fixture_site_has_no_problems(site):
    assert problems(site()) == []


CASES = {
    "full-width colon after a key": (
        act("title：植树\n" + BASE),
        [f"{A}:2:6: “title”后面是全角冒号“：”。字段名后面要用半角冒号加一个空格，例如 title: 值"],
    ),
    "full-width space as indentation": (
        act("title: 植树\n\u3000date: 2024-03-05\ncategory: 志愿服务"),
        [f"{A}:3:1: 行首有全角空格（中文输入法下的空格）。YAML 只能用半角空格缩进，请删除后重新输入半角空格"],
    ),
    "tab as indentation": (
        act("title: 植树\n\tdate: 2024-03-05\ncategory: 志愿服务"),
        [f"{A}:3:1: 行首有 Tab 字符。YAML 只能用半角空格缩进，请把 Tab 换成空格"],
    ),
    "unquoted colon and space inside a value": (
        act("title: 主题: 学习\n" + BASE),
        [
            f"{A}:2:10: YAML 格式错误：这里出现了多余的“: ”（冒号加空格）。如果值本身含有冒号，"
            '请用英文双引号把整个值括起来，例如 title: "主题：学习"'
        ],
    ),
    "unquoted hash inside a value": (
        act("title: 学习 #二十大 精神\n" + BASE),
        [
            f"{A}:2:11: 值“学习”后面的“#”及其后文字会被当作注释丢掉。如果“#”是内容的一部分，"
            "请用英文双引号把整个值括起来；注释请单独写一行"
        ],
    ),
    "value starting with a bracket": (
        act("title: [通知]学习\n" + BASE),
        [
            f"{A}:2:12: YAML 格式错误：值以“[”开头，会被当成列表或映射。如果它是文字的一部分，"
            '请用英文双引号把整个值括起来，例如 title: "[通知]学习"'
        ],
    ),
    "value that is only a bracketed list": (
        act("title: [通知]\n" + BASE),
        [
            f"{A}:2:8: 标题（title）：应该是一段文字，这里却是列表。如果值以“[”开头（例如“[通知]”），"
            "请用英文双引号把整个值括起来"
        ],
    ),
    "missing closing dashes": (
        {A: "---\ntitle: 植树\n" + BASE + "\n正文"},
        [f"{A}:1:1: front matter 只有开头的“---”，没有结束的“---”。请在最后一个字段的下一行加一行 ---"],
    ),
    "blank line before the opening dashes": (
        {A: "\n---\ntitle: 植树\n" + BASE + "---\n正文"},
        [
            f"{A}:1:1: front matter 的开头“---”前面有 1 个空行，网站会把它当成正文。请删除这些空行，让“---”成为文件的第 1 行"
        ],
    ),
    "IME dashes instead of ---": (
        {A: "——\ntitle: 植树\n" + BASE + "——\n正文"},
        [
            f"{A}:1:1: 第 1 行是“——”，front matter 的开始和结束都必须是三个半角减号“---”"
            "（中文输入法下输入的“——”是破折号）。请切换到英文输入法重新输入"
        ],
    ),
    "IME dashes closing the block": (
        {A: "---\ntitle: 植树\n" + BASE + "——\n正文"},
        [f"{A}:5:1: 这一行是“——”，front matter 的结束行必须是三个半角减号“---”。请切换到英文输入法重新输入"],
    ),
    "front matter without dashes": (
        {A: "title: 植树\ndate: 2024-03-05\n\n正文"},
        [
            f"{A}:1:1: 文件开头像是 front matter（“字段: 值”），但缺少上下两行“---”。请在第一个字段的上一行和最后一个字段的下一行各加一行 ---"
        ],
    ),
    "activity without front matter": (
        {A: "# 只有正文\n"},
        [f"{A}:1:1: 活动页面缺少 front matter。文件开头应是 ---，然后是 title、date、category 等字段，再以 --- 结束"],
    ),
    "duplicate key": (
        act("title: 植树\ntitle: 种树\n" + BASE),
        [f"{A}:3:1: 字段“title”重复出现（第 2 行已经有了）。请删除多余的一个，只保留正确的值"],
    ),
    "impossible date": (
        act("title: 植树\ndate: 2024年2月30日\ncategory: 志愿服务"),
        [f"{A}:3:7: 日期（date）：日期“2024年2月30日”不存在（2024年2月没有30日）。请核对后写成 2024-02-DD 的形式"],
    ),
    "ambiguous date": (
        act("title: 植树\ndate: 03/05/2024\ncategory: 志愿服务"),
        [
            f"{A}:3:7: 日期（date）：日期“03/05/2024”看不出哪个是月、哪个是日。请按“年-月-日”的顺序写成 2024-03-05 的形式"
        ],
    ),
    "date range in the date field": (
        act("title: 植树\ndate: 2024年3月5日至7日\ncategory: 志愿服务"),
        [
            f"{A}:3:7: 日期（date）：“2024年3月5日至7日”像是一个日期范围。这里只能写一个日期（开始日期），"
            "结束日期请写在 end_date 字段，例如 date: 2024-03-05 和 end_date: 2024-03-07"
        ],
    ),
    "date in the future": (
        act("title: 植树\ndate: 2027-03-05\ncategory: 志愿服务"),
        [f"{A}:3:7: 日期 2027-03-05 还没到。请核对年份；计划中的活动请加 draft: true，办完后再发布"],
    ),
    "end date before start": (
        act("title: 植树\n" + BASE + "end_date: 2024-03-01"),
        [f"{A}:5:11: 结束日期（end_date）早于开始日期（date）。请核对"],
    ),
    "negative, vague and non-numeric numbers": (
        act("title: 植树\n" + BASE + "participants: -5\namount: abc\nvolunteer_hours: 约3"),
        [
            f"{A}:5:15: 参与人次（participants）：人次“-5”是负数。请填写 0 或正整数",
            f"{A}:6:9: 金额（amount）：金额“abc”不是数字。请只写阿拉伯数字，例如 2.5",
            f"{A}:7:18: 志愿服务时长（volunteer_hours）：时长“约3”不是一个确定的数。这里只写数字，例如 50；"
            "“约”“余”“多”等说法请写在正文或 summary 里",
        ],
    ),
    "unknown fields with suggestions": (
        act("title: 植树\n" + BASE + "titel: x\n部门: 办公室"),
        [
            f"{A}:5:1: 未知字段“titel”，是不是想写 title？",
            f"{A}:6:1: 未知字段“部门”，是不是想写 department？",
        ],
    ),
    "missing required field": (
        act("title: 植树\ndate: 2024-03-05"),
        [f"{A}:2:1: 缺少必填字段 category（类别）。请补上，例如 category: …"],
    ),
    "unknown category and criteria": (
        act("title: 植树\ndate: 2024-03-05\ncategory: 志愿服物\ncriteria: [文化体育]"),
        [
            f"{A}:4:11: 类别（category）：类别“志愿服物”不在 data/categories.yml 中。是不是“志愿服务”？"
            "请改成其中已有的一项，或先在 data/categories.yml 里添加",
            f"{A}:5:12: 测评项目（criteria）：测评项目“文化体育”不在 data/criteria.yml 中。是不是“文化体育活动”？"
            "请改成其中已有的一项，或先在 data/criteria.yml 里添加",
        ],
    ),
    "unknown department": (
        act("title: 植树\n" + BASE + "department: 办工室"),
        [
            f"{A}:5:13: 组织部门（department）“办工室”不在 data/unit.yml 的 departments 中。是不是“办公室”？"
            "请改成已有的部门名称，或在 departments 中添加"
        ],
    ),
    "markup in a title": (
        act("title: <img src=x onerror=alert(1)>\n" + BASE),
        [
            f"{A}:2:8: 标题（title）：“<img src=x onerror=alert(1)>”中含有“<”或“>”。标题里不能写网页代码；如需书名号请用中文“《》”"
        ],
    ),
    "script address in a text field, also behind character references": (
        act("title: 植树\n" + BASE + 'location: "java&#115;cript :alert(1)"'),
        [
            f"{A}:5:11: 地点（location）：“java&#115;cript :alert(1)”以“javascript:”开头：浏览器会把这样的网址"
            "当作脚本运行，文字里不能这样写。请删去“javascript:”或改写这段文字"
        ],
    ),
    "GBK file": (
        {A: ("---\ntitle: 植树\n" + BASE + "---\n正文\n").encode("gbk")},
        [
            f"{A}:2: 文件不是 UTF-8 编码（看起来是 GBK/GB18030（旧版 Windows 软件常用）），从这里开始无法识别。"
            "请用记事本或 VS Code 打开，选择“另存为”，编码选 UTF-8 后保存"
        ],
    ),
    "UTF-16 file": (
        {A: ("---\ntitle: 植树\n" + BASE + "---\n正文\n").encode("utf-16")},
        [f"{A}: 文件是 UTF-16 编码，网站只能读取 UTF-8。请用记事本或 VS Code 打开，选择“另存为”，编码选 UTF-8 后保存"],
    ),
    "duplicate activity across page and log": (
        {
            "data/activities/2024.yml": "activities:\n  - title: 植树节义务植树\n    date: 2024-3-5\n    category: 志愿服务\n"
        },
        [
            "data/activities/2024.yml:2: 这条活动与 docs/activities/2024-03-05-plant.md:2 重复（同一天、同一标题“植树节义务植树”）。"
            "请删除其中一条；如果确实是两次活动，请在标题中区分"
        ],
    ),
}


@pytest.mark.parametrize("overrides, expected", CASES.values(), ids=CASES.keys())
def test_bad_input_gives_exact_message(site, overrides, expected):
    assert problems(site(overrides)) == expected


def test_utf8_with_bom_and_crlf_is_fine(site):
    text = ("---\ntitle: 植树节义务植树\n" + BASE + "---\n正文\n").replace("\n", "\r\n")
    root = site({A: b"\xef\xbb\xbf" + text.encode("utf-8")})
    assert problems(root) == []


def test_photo_problems(site):
    root = site(
        act(
            "title: 植树\n" + BASE + "photos:\n"
            "  - src: plant/a.jpg\n    caption: 现场\n"
            "  - src: ../../etc/x.jpg\n    caption: y\n"
            "  - src: plant/B.JPG\n    caption: z\n"
            "  - src: plant/c.jpg\n"
            "  - src: plant/empty.jpg\n    caption: 空\n"
            "  - src: plant/notes.txt\n    caption: 文\n"
        )
    )
    write(root, "docs/activities/plant/a.jpg", b"\xff\xd8\xff\xe0fake")
    write(root, "docs/activities/plant/b.jpg", b"\xff\xd8\xff\xe0fake")
    write(root, "docs/activities/plant/c.jpg", b"\xff\xd8\xff\xe0fake")
    write(root, "docs/activities/plant/empty.jpg", b"")
    assert problems(root) == [
        f"{A}:8:10: 第 2 张照片的路径“../../etc/x.jpg”跑出了 docs/ 文件夹。照片必须放在 docs/ 里面，路径相对于本文件所在的文件夹",
        f"{A}:10:10: 第 3 张照片“plant/B.JPG”：找不到“B.JPG”，但有一个大小写不同的“b.jpg”。网站服务器区分大小写，请把两处写成完全一样",
        f"{A}:12:10: 第 4 张照片“plant/c.jpg”没有说明。请加上 caption: 一句话说明照片内容（视障读者也靠它了解照片）",
        f"{A}:13:10: 第 5 张照片“plant/empty.jpg”是空文件（0 字节）。请重新复制这张照片",
        f"{A}:15:10: 第 6 张照片“plant/notes.txt”不是支持的图片格式。请使用 JPG、PNG、WebP 或 HEIC",
    ]  # b.jpg, listed nowhere, is a notice (tests/test_friction.py); c.jpg and empty.jpg have their own lines


def test_missing_photo_suggests_a_close_name(site):
    root = site(act("title: 植树\n" + BASE + "photos:\n  - src: plant/IMG_0012.jpg\n    caption: 现场"))
    write(root, "docs/activities/plant/IMG_0021.jpg", b"\xff\xd8\xff\xe0fake")
    assert problems(root)[0] == (
        f"{A}:6:10: 第 1 张照片“plant/IMG_0012.jpg”：docs/activities/plant/ 中没有“IMG_0012.jpg”，是不是“IMG_0021.jpg”？"
    )


def test_symlinks_junk_and_case_collisions(site, tmp_path):
    root = site(
        {
            "docs/activities/Thumbs.db": b"junk",
            "docs/report/~$创建汇报.docx": b"lock",
            "docs/about/Notes.md": "# 说明\n",
            "docs/about/notes.md": "# 说明\n",
            "docs/report/old-report.docx": small_docx(),
        }
    )
    outside = tmp_path / "secret.md"
    outside.write_text("# 机密\n", encoding="utf-8")
    os.symlink(outside, root / "docs" / "linked.md")
    assert problems(root) == [
        "docs/about/notes.md: 与 docs/about/Notes.md 只有大小写不同。在 Windows 上这两个文件会互相覆盖，网址也会冲突。请给其中一个改名",
        "docs/activities/Thumbs.db: 这是系统或 Office 自动生成的临时文件，不应该提交。请删除它（删除不影响任何内容）",
        "docs/linked.md: 这是一个符号链接（快捷方式），网站不会发布它。请换成真实文件",
        "docs/report/old-report.docx: 这个 Office 文件没有登记在 data/documents.yml 中，会被原样公开（可能含有修订记录和作者信息）。"
        "请在 data/documents.yml 中登记它，或把它移出 docs/",
        "docs/report/~$创建汇报.docx: 这是系统或 Office 自动生成的临时文件，不应该提交。请删除它（删除不影响任何内容）",
    ]


def test_url_collisions_are_reported_case_insensitively():
    found = wenmingsite.url_collisions(
        [
            ("about.md", "about/index.html"),
            ("about/index.md", "about/index.html"),
            ("News.md", "News/index.html"),
            ("news.md", "news/index.html"),
        ]
    )
    assert [str(p) for p in found] == [
        "docs/about/index.md: 与 docs/about.md 会生成同一个网址（about/index.html），其中一个会被覆盖。请给其中一个改名",
        "docs/news.md: 与 docs/News.md 会生成同一个网址（news/index.html），其中一个会被覆盖。请给其中一个改名",
    ]


def test_missing_data_files_and_bad_data_entries(site):
    root = site(
        {
            "data/categories.yml": None,
            "data/honours.yml": "- year: 2024\n  title: 青年文明号\n  level: 市级以上\n  awarded_by: 团市委\n",
            "data/unit.yml": BASE_UNIT_WITH_TYPO,
        }
    )
    assert problems(root) == [
        "data/categories.yml: 缺少数据文件 categories.yml。请从示例单位复制一份 data/categories.yml 再修改",
        "data/honours.yml:3:10: 第 1 项荣誉的级别（level）“市级以上”无法识别。请写：国家级、省级、市级、县区级、系统内",
        "data/unit.yml:8:12: 职工人数（headcount）：职工人数“0123人”不是整数。请只写阿拉伯数字，例如 50",
        "data/unit.yml:10:1: 未知字段“departmentss”，是不是想写 departments？",
        "docs/activities/2024-03-05-plant.md:4:11: 类别（category）：类别“志愿服务”不在 data/categories.yml 中。"
        "请改成其中已有的一项，或先在 data/categories.yml 里添加",
    ]


BASE_UNIT_WITH_TYPO = UNIT_YML.replace("headcount: 30", "headcount: 0123人").replace("departments:", "departmentss:")


def test_report_sections_need_distinct_order(site):
    root = site({"docs/report/02-second.md": "---\ntitle: 二、思想道德建设\norder: 1\n---\n\n正文\n"})
    assert problems(root) == [
        "docs/report/02-second.md: 汇报章节的顺序（order）1 与 docs/report/01-first.md 相同。请给每一章不同的序号",
    ]


def test_gps_in_a_published_image_is_an_error(site):
    from PIL import Image

    root = site()
    image = Image.new("RGB", (32, 24), (120, 160, 90))
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (30.0, 15.0, 0.0), 3: "E", 4: (120.0, 10.0, 0.0)})
    (root / "docs/assets").mkdir(parents=True)
    image.save(root / "docs/assets/banner.jpg", exif=exif)
    image.save(root / "docs/assets/clean.jpg")
    assert problems(root) == [
        "docs/assets/banner.jpg: 原图带有 GPS 位置信息：仓库公开后，任何人都能下载原图看到拍摄地点。"
        "请运行 wenming fix 去掉位置信息（不改变画面），或在手机上关闭相机的位置记录后重新导出",
    ]


def test_organization_documents_and_logo(site):
    root = site(
        {
            "data/organization.yml": (
                "leading_group:\n"
                "  name: 创建工作领导小组\n"
                "  members:\n"
                "    - {role: 组长, name: 张三}\n"
                "    - {role: 成员}\n"
                "changes:\n"
                "  - date: 2025年13月1日\n"
                "    description: 调整\n"
            ),
            "data/documents.yml": (
                "- title: 实施方案\n  issued: 2024-01-12\n  file: documents/plan.pdf\n"
                "- title: 脚本\n  issued: 2024-01-12\n  file: documents/run.exe\n"
                "- title: 外部\n  issued: 2024-01-12\n  file: ../secret.pdf\n"
            ),
            "docs/documents/plan.pdf": blank_pdf(),
            "data/unit.yml": UNIT_YML + "logo: assets/Logo.svg\n",
            "docs/assets/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        }
    )
    content, found = wenmingsite.load(root, today=TODAY)
    assert [str(p) for p in found] == [
        "data/documents.yml:6:9: 第 2 份文件（file）“documents/run.exe”的文件类型不允许发布。"
        "可以使用：pdf、doc、docx、xls、xlsx、ppt、pptx、wps、ofd、jpg、png",
        "data/documents.yml:9:9: 第 3 份文件（file）的路径“../secret.pdf”跑出了 docs/ 文件夹。文件必须放在 docs/ 里面",
        "data/organization.yml:5:7: 领导小组第 2 位成员缺少必填字段 name（姓名）。请补上，例如 name: …",
        "data/organization.yml:7:11: 第 1 条调整记录的日期（date）：日期“2025年13月1日”不存在（2025年13月没有1日）。请核对后写成 2025-13-DD 的形式",
        "data/unit.yml:11:7: 标志（logo）“assets/Logo.svg”：找不到“Logo.svg”，但有一个大小写不同的“logo.svg”。"
        "网站服务器区分大小写，请把两处写成完全一样（路径相对于 docs/ 文件夹）",
    ]
    assert content.documents[0].size == len(blank_pdf()) and content.documents[0].file == "documents/plan.pdf"
    assert [m.name for m in content.organization.leading_group.members] == ["张三"]


def test_a_file_name_dated_another_day_is_a_notice_not_a_failure(site):
    """The name makes the page's address, so a date corrected in front matter need not rename it:
    the build goes on and the editor is told (wenming check, the preview)."""
    root = site(act("title: 植树\ndate: 2024-03-15\ncategory: 志愿服务"))
    content, found = wenmingsite.load(root, today=TODAY)
    assert found == []
    assert [str(n) for n in content.notices] == [
        f"{A}:3:7: 文件名里的日期 2024-03-05 与活动日期（date）2024-03-15 不一致。如果是 date 写错了，请改成 2024-03-05；"
        "如果日期确实改了，网址仍按文件名，可以不改（把文件名改成 2024-03-15-plant.md 会让网址变成新的）"
    ]
    content, _ = wenmingsite.load(
        site(act("title: 植树\ndate: 2024-03-01\nend_date: 2024-03-08\ncategory: 志愿服务")), today=TODAY
    )
    assert content.notices == ()  # a day of a multi-day activity
