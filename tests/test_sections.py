"""志愿服务 (/volunteer/), 通知公告 (/notices/ and the home page's block) and 文明风采 (/people/):
each shows the unit's data, exists only when the unit has that data, and names bad input in
Chinese at its file, line and column."""

from __future__ import annotations

import io
import re

import pytest
from conftest import MKDOCS_YML, TODAY, build

import wenmingsite

V = "data/volunteers.yml"
P = "data/people.yml"
N = "docs/notices/2026-11-01-通知.md"
NAV = (
    MKDOCS_YML
    + "  - 通知公告: notices/index.md\n  - 文明实践:\n      - 志愿服务: volunteer/index.md\n"
    + "      - 文明风采: people/index.md\n"
)

VOLUNTEERS = """\
teams:
  - name: 青年志愿服务队
    founded: 2020-03-05
    members: 36
    leader: 团支部书记
    description: 常年开展社区志愿服务。
projects:
  - name: 周末田间诊所
    description: 在村级服务点为农户诊断病虫害。
    schedule: 每月第二个星期五
    place: 石门镇农技服务点
    partner: 石门镇农业综合服务中心
"""

VOLUNTEER_ACTIVITY = """\
---
title: 学雷锋进社区
date: 2025-03-05
category: 志愿服务
department: 工会
participants: 15
volunteer_hours: 45
---

志愿者走进社区。
"""

PEOPLE = """\
- name: 张晓红
  role: 办公室职工
  year: 2025
  honour: 身边好人
  deed: |
    坚持照顾独居老人十年。
    每周为社区老人义务理发。
  photo: people/zhang.jpg
  caption: 张晓红为老人理发
- name: 李明
  role: 工会干事
  year: 2024
  honour: 道德模范
  deed: 见义勇为，救起落水儿童。
"""


def notice(title: str, date: str, extra: str = "", body: str = "通知正文。") -> str:
    return f"---\ntitle: {title}\ndate: {date}\n{extra}---\n\n{body}\n"


NOTICES = {
    "docs/notices/2026-05-01-pinned.md": notice("置顶的旧通知", "2026-05-01", "top: true\nexpires: 2026-12-31\n"),
    "docs/notices/2026-10-01-expired.md": notice("已经过期的通知", "2026-10-01", "expires: 2026-10-31\n"),
    "docs/notices/2026-11-20-newest.md": notice(
        "最新的通知", "2026-11-20", "department: 办公室\nsummary: 这是摘要。\n", "# 最新的通知\n\n请各部门做好准备。"
    ),
    "docs/notices/2026-11-10-second.md": notice("第二新的通知", "2026-11-10"),
    "docs/notices/2026-09-01-old.md": notice("较早的通知", "2026-09-01", "top: true\nexpires: 2026-09-30\n"),
}


def jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (640, 480), (180, 60, 60)).save(out, "JPEG", quality=85)
    return out.getvalue()


def problems(root) -> list[str]:
    _, found = wenmingsite.load(root, today=TODAY)
    return [str(p) for p in found]


def text_of(html: str) -> str:
    """The visible text, one space where tags were (none before Chinese punctuation)."""
    return re.sub(r" ([，。；：、）])", r"\1", " ".join(re.sub(r"<[^>]+>", " ", html).split()))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One strict build of the fixture unit with all three sections in its data and nav."""
    import conftest

    root = tmp_path_factory.mktemp("sections") / "unit"
    files = {
        **conftest.BASE_FILES,
        "mkdocs.yml": NAV,
        V: VOLUNTEERS,
        P: PEOPLE,
        "docs/people/zhang.jpg": jpeg(),
        "docs/activities/2025-03-05-community.md": VOLUNTEER_ACTIVITY,
        **NOTICES,
    }
    for rel, text in files.items():
        conftest.write(root, rel, text)
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_volunteer_page_shows_teams_projects_and_the_terms_figures(built):
    html = (built / "volunteer" / "index.html").read_text(encoding="utf-8")
    text = text_of(html)
    assert "青年志愿服务队 成立于 2020年3月5日 队员 36 人 负责人：团支部书记 常年开展社区志愿服务。" in text
    assert "周末田间诊所 在村级服务点为农户诊断病虫害。 服务时间 每月第二个星期五 服务地点 石门镇农技服务点" in text
    # The fixture's two 志愿服务 activities: 20 + 15 participants, 45 hours (the other has none).
    assert "2 项 志愿服务活动 35 人次 参与志愿服务 45 小时 志愿服务时长 36 人 注册志愿者" in text
    assert re.search(r'<a href="\.\./activities/2025-03-05-community/">学雷锋进社区</a>', html)
    assert "查看全部志愿服务活动" in text
    assert not re.search(r"<strong>0</strong>", html)


def test_notices_pinned_first_expired_marked_and_the_home_block_lists_those_in_force(built):
    html = (built / "notices" / "index.html").read_text(encoding="utf-8")
    titles = [text_of(t) for t in re.findall(r'class="ws-notice__title">(.*?)</p>', html)]
    assert titles == ["置顶 置顶的旧通知", "最新的通知", "第二新的通知", "已过期 已经过期的通知", "已过期 较早的通知"]
    assert "这是摘要。 办公室" in text_of(html)
    home = text_of((built / "index.html").read_text(encoding="utf-8"))
    assert (
        "通知公告 置顶 置顶的旧通知 2026年5月1日 最新的通知 2026年11月20日 第二新的通知 2026年11月10日 查看全部通知公告"
        in home
    )
    assert "已经过期的通知" not in home


def test_notices_are_in_the_feed_with_the_activities_newest_first(site):
    root = site(
        {
            "mkdocs.yml": "site_url: https://example.org/\n" + MKDOCS_YML + "  - 通知公告: notices/index.md\n",
            "docs/activities/2025-03-05-community.md": VOLUNTEER_ACTIVITY,
            **NOTICES,
        }
    )
    result = build(root)
    assert result.returncode == 0, result.stderr
    feed = (root / "site/feed.xml").read_text(encoding="utf-8")
    titles = re.findall(r"<item>\n<title>([^<]+)</title>", feed)
    assert titles.index("最新的通知") < titles.index("第二新的通知") < titles.index("学雷锋进社区")
    item = feed[feed.index("<title>最新的通知</title>") :].split("</item>")[0]
    assert "<link>https://example.org/notices/2026-11-20-newest/</link>" in item
    assert "<category>通知公告</category>" in item


def test_a_notice_is_an_article_with_breadcrumb_date_source_and_its_expiry(built):
    newest = text_of((built / "notices" / "2026-11-20-newest" / "index.html").read_text(encoding="utf-8"))
    assert "首页 › 通知公告 › 最新的通知" in newest
    assert "发布时间 2026年11月20日 来源 测试市测试中心办公室" in newest
    assert "请各部门做好准备。" in newest
    expired = text_of((built / "notices" / "2026-10-01-expired" / "index.html").read_text(encoding="utf-8"))
    assert "已过期 本通知有效期至 2026年10月31日，仅供查阅。" in expired


def test_people_page_shows_names_honours_deeds_and_a_published_photo(built):
    html = (built / "people" / "index.html").read_text(encoding="utf-8")
    text = text_of(html)
    assert "张晓红 身边好人 2025年 办公室职工 坚持照顾独居老人十年。 每周为社区老人义务理发。" in text
    assert "李明 道德模范 2024年 工会干事 见义勇为，救起落水儿童。" in text
    assert text.index("张晓红") < text.index("李明")  # newest first
    photo = re.search(r'<img src="\.\./(assets/photos/[^"]+)"[^>]*alt="张晓红为老人理发"', html)
    assert photo and (built / photo.group(1)).is_file()
    assert not (built / "people" / "zhang.jpg").exists()  # the original is never published


def test_the_print_version_carries_volunteering_and_people_after_the_organisation(built):
    """/print/ is the whole showcase on paper: 志愿服务 and 文明风采 as their pages show them,
    in the contents list too (通知公告 are news of the day, not part of the report)."""
    html = (built / "print" / "index.html").read_text(encoding="utf-8")
    toc = text_of(html.split('<nav class="ws-print-toc"', 1)[1].split("</nav>", 1)[0])
    assert toc.endswith("主要数据 测评体系对照 志愿服务 文明风采 附录：活动一览")
    volunteer = text_of(html.split('id="p-volunteer"', 1)[1].split("</section>", 1)[0])
    assert volunteer.startswith("> 志愿服务 2 项 志愿服务活动 35 人次")
    assert "青年志愿服务队 成立于 2020年3月5日 队员 36 人" in volunteer
    people = text_of(html.split('id="p-people"', 1)[1].split('id="p-appendix"', 1)[0])
    assert "张晓红" in people and "坚持照顾独居老人十年。" in people and "见义勇为，救起落水儿童。" in people
    assert html.index('id="p-volunteer"') < html.index('id="p-people"') < html.index('id="p-appendix"')
    assert "最新的通知" not in html


def test_a_unit_without_the_data_has_no_such_page_and_a_nav_entry_for_one_is_named(site):
    root = site()
    result = build(root)
    assert result.returncode == 0, result.stderr
    for page in ("volunteer", "notices", "people"):
        assert not (root / "site" / page).exists()
    printed = (root / "site" / "print" / "index.html").read_text(encoding="utf-8")
    assert "p-volunteer" not in printed and "p-people" not in printed and "志愿服务队伍" not in printed
    assert "通知公告" not in (root / "site" / "index.html").read_text(encoding="utf-8")
    bad = build(site({"mkdocs.yml": NAV}))
    assert bad.returncode == 1
    assert (
        "mkdocs.yml:20: 导航（nav）中的“notices/index.md”这一页列出 docs/notices/ 里的文章，但那里还没有一篇。"
        "请先在 docs/notices/ 里写好一篇，或者删掉这一行导航（也可以在行首加 # 暂时不显示）"
    ) in bad.stderr
    for line, page, source in (
        (22, "volunteer/index.md", "data/volunteers.yml"),
        (23, "people/index.md", "data/people.yml"),
    ):
        assert (
            f"mkdocs.yml:{line}: 导航（nav）中的“{page}”这一页要由 {source} 生成，但现在没有这个文件或其中没有内容。"
            f"请先写好 {source}，或者删掉这一行导航（也可以在行首加 # 暂时不显示）"
        ) in bad.stderr


BASE_PERSON = "- name: 张三\n  role: 职工\n  year: 2025\n  honour: 身边好人\n"
TEAM = "teams:\n  - name: 青年志愿服务队\n"

CASES = {
    "teams written as text": (
        {V: "teams: 青年志愿服务队\n"},
        f"{V}:1:8: 志愿服务队（teams）：应该是一个列表（每项一行，以“- ”开头），这里却是文字",
    ),
    "a date that does not exist": (
        {V: TEAM + "    founded: 2024-02-30\n"},
        f"{V}:3:14: 第 1 支志愿服务队的成立日期（founded）：日期“2024-02-30”不存在（2024年2月没有30日）。"
        "请核对后写成 2024-02-DD 的形式",
    ),
    "a Chinese key": (
        {V: TEAM + "    队长: 团支部书记\n"},
        f"{V}:3:5: 第 1 支志愿服务队的未知字段“队长”，是不是想写 leader？",
    ),
    "a misspelt key": (
        {V: TEAM + "    member: 12\n"},
        f"{V}:3:5: 第 1 支志愿服务队的未知字段“member”，是不是想写 members？",
    ),
    "a count in words": (
        {V: TEAM + "    members: 很多\n"},
        f"{V}:3:14: 第 1 支志愿服务队的队员人数（members）：队员人数“很多”不是一个确定的数。"
        "这里只写数字，例如 50；“约”“余”“多”等说法请写在正文或 summary 里",
    ),
    "a project without its description": (
        {V: TEAM + "projects:\n  - name: 田间诊所\n"},
        f"{V}:4:5: 第 1 个服务项目缺少必填字段 description（项目简介）。请补上，例如 description: …",
    ),
    "a category that does not exist": (
        {V: TEAM + "categories: [志原服务]\n"},
        f"{V}:3:14: 计入志愿服务的活动类别（categories）：活动类别“志原服务”不在 data/categories.yml 中。"
        "是不是“志愿服务”？请改成其中已有的一项，或先在 data/categories.yml 里添加",
    ),
    "a leader's phone field": (
        {V: TEAM + "    phone: 0571-8888\n"},
        f"{V}:3:5: 第 1 支志愿服务队的字段“phone”会公开个人的联系方式或身份信息，网站不收这样的字段。"
        "请删去这一行（单位的办公电话写在 data/unit.yml 的 phone 里）",
    ),
    "a person without a deed": (
        {P: BASE_PERSON},
        f"{P}:1:3: 第 1 位人物缺少必填字段 deed（事迹）。请补上，例如 deed: …",
    ),
    "a two-digit year": (
        {P: BASE_PERSON.replace("2025", "25") + "  deed: 好人好事。\n"},
        f"{P}:3:9: 第 1 位人物的年份（year）25 不合理。请写四位年份，例如 2025",
    ),
    "a person's ID field": (
        {P: BASE_PERSON + "  deed: 好人好事。\n  身份证: 见档案\n"},
        f"{P}:6:3: 第 1 位人物的字段“身份证”会公开个人的联系方式或身份信息，网站不收这样的字段。"
        "请删去这一行（单位的办公电话写在 data/unit.yml 的 phone 里）",
    ),
    "a photo without a caption": (
        {P: BASE_PERSON + "  deed: 好人好事。\n  photo: people/zhang.jpg\n", "docs/people/zhang.jpg": jpeg()},
        f"{P}:6:10: 第 1 位人物的照片“people/zhang.jpg”没有说明。"
        "请加上 caption: 一句话说明照片内容（视障读者也靠它了解照片）",
    ),
    "people written as one mapping": (
        {P: "name: 张三\n"},
        f"{P}:1:1: 人物（文明风采）应该是一个列表：每一项以“- ”开头。请参照示例单位的写法",
    ),
    "a notice dated in the future": (
        {N: notice("通知", "2026-12-30")},
        f"{N}:3:7: 发布日期（date）2026-12-30 还没到。请核对年份；还不能发布的通知请先不要提交",
    ),
    "a notice expiring before it was issued": (
        {N: notice("通知", "2026-11-01", "expires: 2026-10-01\n")},
        f"{N}:4:10: 有效期至（expires）早于发布日期（date）。请核对两个日期",
    ),
    "a notice's 来源 key": (
        {N: notice("通知", "2026-11-01", "来源: 办公室\n")},
        f"{N}:4:1: 未知字段“来源”，是不是想写 department？",
    ),
    "a notice's pin that is not yes or no": (
        {N: notice("通知", "2026-11-01", "top: 也许\n")},
        f"{N}:4:6: 置顶（top）：“也许”不是“是/否”。请写 true（是）或 false（否）",
    ),
    "a notice without a title": (
        {N: "---\ndate: 2026-11-01\n---\n\n正文。\n"},
        f"{N}:2:1: 缺少必填字段 title（标题）。请补上，例如 title: …",
    ),
    "a notice in a subfolder": (
        {"docs/notices/2026/2026-11-01-通知.md": notice("通知", "2026-11-01")},
        "docs/notices/2026/2026-11-01-通知.md: 通知公告请直接放在 docs/notices/ 里，不要再分子文件夹。"
        "请把这个文件移到 docs/notices/ 下，例如 docs/notices/2026-11-20-迎检工作安排.md",
    ),
    "a script in a notice": (
        {N: notice("通知", "2026-11-01", body="<script>alert(1)</script>")},
        f"{N}:6:1: 正文中的 HTML 含有不允许发布的内容：<script> 元素及其内容，已从网页中删除。"
        "网站上的页面不能运行脚本、嵌入外部网页或带有事件属性。请删除它；排版用 Markdown 写（表格、图片、链接、折叠块都可以）",
    ),
}


@pytest.mark.parametrize("files, message", CASES.values(), ids=CASES.keys())
def test_bad_input_is_named_at_its_line_in_chinese(site, files, message):
    assert problems(site(files)) == [message]


PHONE = "疑似个人手机号 139****5678。公开网站上不能出现群众和职工的个人手机号，请删除，或改为单位的办公电话"


def test_a_phone_number_in_a_deed_is_refused_by_the_gate(site):
    deed = BASE_PERSON + "  deed: |\n    热心助人。\n    联系电话 13912345678。\n"
    root = site(
        {
            P: deed,
            "mkdocs.yml": NAV.replace("  - 通知公告: notices/index.md\n", "").replace(
                "      - 志愿服务: volunteer/index.md\n", ""
            ),
        }
    )
    assert problems(root) == [f"{P}:7:10: {PHONE}"]
    result = build(root)
    assert result.returncode == 1
    assert f"{P}:7:10: {PHONE}" in result.stderr
    assert not (root / "site").exists()


def test_a_phone_number_in_a_notice_is_refused_by_the_gate(site):
    root = site({N: notice("通知", "2026-11-01", body="报名电话 13912345678。"), "mkdocs.yml": NAV})
    assert problems(root) == [f"{N}:6:6: {PHONE}"]
    result = build(root)
    assert result.returncode == 1
    assert f"{N}:6:6: {PHONE}" in result.stderr
