"""What the YAML reader refuses (anchors, aliases, merge keys, tags, deep nesting, huge
texts) and the losses that used to pass without a word. Messages are asserted exactly."""

from __future__ import annotations

import pytest
from conftest import TODAY

import wenmingsite
from wenmingsite.loading.yamlstrict import MAX_DATA_CHARS, MAX_DEPTH, MAX_FRONT_MATTER_CHARS, load_yaml

A = "docs/activities/2024-03-05-plant.md"
BASE = "date: 2024-03-05\ncategory: 志愿服务\n"

QUOTE_IT = "如果这是文字的一部分，请用英文双引号把整个值括起来"
ANCHOR = "会被 YAML 当成锚点（anchor，供别处引用的标记）并从值里去掉，网站不使用这种写法。"
TAG = "会被 YAML 当成类型标记（tag）并从值里去掉，网站不使用这种写法。"
NESTED = (
    f"列表或映射在这里嵌套超过了 {MAX_DEPTH} 层，网站的内容用不到这么多层。"
    "如果“[”或“{”是文字的一部分，请用英文双引号把整个值括起来；否则请检查缩进"
)
INVISIBLE = "没有任何文字，常见于从网页或聊天软件复制来的内容。请删除这个值后重新输入"


def act(front_matter: str) -> dict:
    return {A: f"---\n{front_matter}\n---\n\n正文。\n"}


def problems(root) -> list[str]:
    _, found = wenmingsite.load(root, today=TODAY)
    return [str(p) for p in found]


def messages(text: str, rel: str = "x.yml") -> list[str]:
    value, found = load_yaml(text, rel)
    if found:
        assert value is None
    return [str(p) for p in found]


# 9 levels of 9 aliases each: 9**8 (43 million) strings once expanded, from ~300 bytes.
BOMB = "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "".join(
    f"{b}: &{b} [{','.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefg", "bcdefgh", strict=True)
)


def test_the_alias_bomb_is_one_problem_and_is_never_expanded():
    assert 280 <= len(BOMB.encode()) <= 320
    assert messages(BOMB) == [f"x.yml:1:4: 值前面的“&a”{ANCHOR}{QUOTE_IT}"]


def test_an_alias_to_its_own_list_is_one_problem():
    assert messages("criteria: &a [*a]\n") == [f"x.yml:1:11: 值前面的“&a”{ANCHOR}{QUOTE_IT}"]


@pytest.mark.parametrize("depth", [500, 100_000])
def test_hundreds_of_nested_brackets_are_one_problem(depth):
    # "x: " then the root mapping is level 1: the 12th "[" (column 15) is one level too many.
    assert messages("x: " + "[" * depth + "]" * depth + "\n") == [f"x.yml:1:15: {NESTED}"]


def test_nesting_up_to_the_bound_is_read():
    depth = MAX_DEPTH - 1  # plus the root mapping
    value, found = load_yaml("x: " + "[" * depth + "a" + "]" * depth + "\n", "x.yml")
    assert found == []
    for _ in range(depth):
        value = value[0] if isinstance(value, list) else value["x"]
    assert value == ["a"]


def test_deep_block_nesting_is_refused_too():
    text = "".join(" " * (2 * i) + f"k{i}:\n" for i in range(20)) + " " * 40 + "v\n"
    assert messages(text) == [f"x.yml:{MAX_DEPTH + 1}:{2 * MAX_DEPTH + 1}: {NESTED}"]


def test_a_tag_names_what_was_cut_and_shows_the_quoted_value():
    assert messages("title: !important 通知\n") == [
        f'x.yml:1:8: 值前面的“!important”{TAG}{QUOTE_IT}，例如 title: "!important 通知"'
    ]


def test_every_tag_is_reported_and_standard_tags_too():
    assert messages("a: !!str 0123\nb: ! x\nc: !!seq [d]\n") == [
        f'x.yml:1:4: 值前面的“!!str”{TAG}{QUOTE_IT}，例如 a: "!!str 0123"',
        f'x.yml:2:4: 值前面的“!”{TAG}{QUOTE_IT}，例如 b: "! x"',
        f"x.yml:3:4: 值前面的“!!seq”{TAG}{QUOTE_IT}",
    ]


def test_an_anchor_in_front_of_text_is_refused():
    assert messages("location: &A3 会议室\n") == [
        f'x.yml:1:11: 值前面的“&A3”{ANCHOR}{QUOTE_IT}，例如 location: "&A3 会议室"'
    ]


def test_quoted_values_keep_their_first_word():
    value, found = load_yaml('title: "!important 通知"\nlocation: "&A3 会议室"\nnote: "*重要*"\n', "x.yml")
    assert found == []
    assert dict(value) == {"title": "!important 通知", "location": "&A3 会议室", "note": "*重要*"}


def test_merge_keys_are_refused():
    assert messages("x:\n  <<: {a: 1}\n  b: 2\n") == [
        "x.yml:2:3: “<<”是 YAML 的合并写法（把别处的字段并进来），网站不使用这种写法。请把需要的字段直接写在这里"
    ]


def test_an_alias_without_anchor_keeps_its_message():
    assert messages("title: *a\n") == [
        "x.yml:1:8: YAML 格式错误：以“*”开头的值被当成了引用。如果“*”是文字的一部分，请用英文双引号把整个值括起来"
    ]


@pytest.mark.parametrize(
    "text, col, message",
    [
        (
            "t: &重要 通知\n",
            5,
            "以“&”开头的值被当成了锚点（anchor）。如果“&”是文字的一部分，请用英文双引号把整个值括起来",
        ),
        ("t: *重要 通知\n", 5, "以“*”开头的值被当成了引用。如果“*”是文字的一部分，请用英文双引号把整个值括起来"),
        (
            "t: !重要 通知\n",
            5,
            "以“!”开头的值被当成了类型标记（tag）。如果“!”是文字的一部分，请用英文双引号把整个值括起来",
        ),
    ],
)
def test_markers_followed_by_chinese_are_explained(text, col, message):
    assert messages(text) == [f"x.yml:1:{col}: YAML 格式错误：{message}"]


def test_a_second_document_is_explained():
    assert messages("a: 1\n---\nb: 2\n") == [
        "x.yml:2:1: YAML 格式错误：这一行“---”把文件分成了两部分（YAML 的多个文档），网站只能读一个。"
        "数据文件里不需要“---”，请删除这一行"
    ]


def test_a_tag_before_a_syntax_error_is_kept_with_it():
    assert messages("a: !x 1\nb: [c\nd: 2\n") == [
        f'x.yml:1:4: 值前面的“!x”{TAG}{QUOTE_IT}，例如 a: "!x 1"',
        "x.yml:3:2: YAML 格式错误：以“[”开头的值被当成了列表，但没有正确结束。如果方括号是文字的一部分，请用英文双引号把整个值括起来",
    ]


def test_texts_above_the_size_bounds_are_refused_where_they_cross_it():
    data = "note: " + "字" * MAX_DATA_CHARS + "\n"
    assert messages(data, "data/honours.yml") == [
        f"data/honours.yml:1:{MAX_DATA_CHARS + 1}: 数据文件太长（500,007 个字符，最多 500,000 个），从这里起超出。"
        "请检查是否误粘贴了大段内容；活动记录可以按年份分成多个文件"
    ]
    front = "title: 植树\nsummary: " + "字" * MAX_FRONT_MATTER_CHARS
    assert messages(front, A) == [
        f"{A}:2:{MAX_FRONT_MATTER_CHARS - 10 + 1}: front matter 太长（20,019 个字符，最多 20,000 个），从这里起超出。"
        "front matter 只写标题、日期、照片等字段；正文请写在第二行“---”的下面"
    ]
    assert messages(front[:MAX_FRONT_MATTER_CHARS], A) == []


# --- through the loader ---------------------------------------------------------------


def test_refusals_in_front_matter_name_the_page(site):
    root = site(act("title: 植树\ncriteria: " + "[" * 500 + "]" * 500 + "\n" + BASE))
    assert problems(root) == [f"{A}:3:22: {NESTED}"]
    root = site(act("title: !important 通知\n" + BASE))
    assert problems(root) == [f'{A}:2:8: 值前面的“!important”{TAG}{QUOTE_IT}，例如 title: "!important 通知"']


def test_the_alias_bomb_in_a_data_file(site):
    assert problems(site({"data/holidays.yml": BOMB})) == [f"data/holidays.yml:1:4: 值前面的“&a”{ANCHOR}{QUOTE_IT}"]


@pytest.mark.parametrize("text", ["", "# 单位信息\n", "\n\n"])
def test_an_empty_unit_file_is_an_error(site, text):
    assert problems(site({"data/unit.yml": text})) == [
        "data/unit.yml:1:1: 单位信息文件是空的（或只有注释），首页会缺少单位介绍。请填写单位全称（name）等字段，"
        "可参照示例单位的 data/unit.yml"
    ]


def test_a_holiday_that_ends_before_it_starts(site):
    root = site(
        {
            "data/holidays.yml": (
                "- {name: 元旦, start: 2024-01-01}\n"
                "- {name: 国庆节, start: 2024-10-07, end: 2024-10-01}\n"
                "- start: 2024-05-05\n  end: 2024-05-01\n  name: 劳动节\n"
            )
        }
    )
    assert problems(root) == [
        "data/holidays.yml:2:39: 第 2 个节假日“国庆节”的结束日期（end）“2024-10-01”早于开始日期（start）“2024-10-07”。请核对两个日期",
        "data/holidays.yml:4:8: 第 3 个节假日“劳动节”的结束日期（end）“2024-05-01”早于开始日期（start）“2024-05-05”。请核对两个日期",
    ]


@pytest.mark.parametrize(
    "title, codes",
    [
        ('"\u200b\u200c\u200d"', "U+200B、U+200C、U+200D"),
        ("\u2060\ufeff\u00ad", "U+2060、U+FEFF、U+00AD"),
        ('" \u200b \u3164 "', "U+200B、U+3164"),
    ],
)
def test_a_title_of_invisible_characters_is_missing(site, title, codes):
    root = site(act(f"title: {title}\n" + BASE))
    assert problems(root) == [f"{A}:2:8: 标题（title）只有看不见的字符（{codes}），{INVISIBLE}（这是必填字段）"]


def test_optional_fields_and_list_items_of_invisible_characters(site):
    root = site(act('title: 植树\nlocation: \u200b\ncriteria: [volunteer-service, "\u200b"]\n' + BASE))
    assert problems(root) == [
        f"{A}:3:11: 地点（location）只有看不见的字符（U+200B），{INVISIBLE}",
        f"{A}:4:31: 测评项目（criteria）：这一项只有看不见的字符（U+200B），{INVISIBLE}",
    ]


def test_data_file_fields_of_invisible_characters(site):
    root = site({"data/categories.yml": "- name: \u200b\n  slug: volunteer\n"})
    found = problems(root)
    assert (
        f"data/categories.yml:1:9: 第 1 个活动类别的名称（name）只有看不见的字符（U+200B），{INVISIBLE}（这是必填字段）"
    ) in found


def test_numbers_in_other_scripts_and_huge_numbers_through_the_loader(site):
    root = site(act("title: 植树\nparticipants: ①\namount: 1" + "0" * 300 + "\nvolunteer_hours: ٣\n" + BASE))
    assert problems(root) == [
        f"{A}:3:15: 参与人次（participants）：人次“①”里的“①”不是普通的阿拉伯数字（像是其他文字的数字、带圈数字或上标）。"
        "请只用 0 到 9 这十个数字，例如 50",
        f"{A}:4:9: 金额（amount）：金额“10000000000000000000…（共 301 个字符）”太大了（整数部分有 301 位）。"
        "这里最多 12 位，请核对后重新填写",
        f"{A}:5:18: 志愿服务时长（volunteer_hours）：时长“٣”里的“٣”不是普通的阿拉伯数字（像是其他文字的数字、带圈数字或上标）。"
        "请只用 0 到 9 这十个数字，例如 2.5",
    ]


def test_a_year_in_arabic_indic_digits(site):
    root = site({"data/honours.yml": "- {year: ٢٠٢٤, title: 文明单位, level: 市级, awarded_by: 市文明委}\n"})
    assert problems(root) == [
        "data/honours.yml:1:10: 第 1 项荣誉的年份（year）：年份“٢٠٢٤”里的“٢”不是普通的阿拉伯数字"
        "（像是其他文字的数字、带圈数字或上标）。请只用 0 到 9 这十个数字，例如 50"
    ]
