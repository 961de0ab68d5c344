from wenmingsite.loading.yamlstrict import YList, YMap, load_yaml


def test_yaml_11_surprises_never_change_a_value():
    value, problems = load_yaml(
        "time: 9:30\nzip: 0123\nphone: 01062345671\ndraft: no\nversion: 1.10\non: yes\nnull_text: null\n",
        "x.yml",
    )
    assert problems == []
    assert dict(value) == {
        "time": "9:30",
        "zip": "0123",
        "phone": "01062345671",
        "draft": "no",
        "version": "1.10",
        "on": "yes",
        "null_text": "null",
    }


def test_values_remember_where_they_are():
    value, _ = load_yaml("title: 植树\nphotos:\n  - src: a.jpg\n    caption: 现场\n", "x.yml", line_offset=1)
    assert isinstance(value, YMap) and isinstance(value["photos"], YList)
    assert (value["title"].line, value["title"].col) == (2, 8)
    photo = value["photos"][0]
    assert (photo["caption"].line, photo["caption"].col) == (5, 14)
    assert [(k.line, k.col) for k in value] == [(2, 1), (3, 1)]


def test_comments_and_literal_blocks_are_allowed():
    text = (
        "# 说明\n"
        "except:\n"
        "  - 2024-07-22 至 2024-08-16   # 高温天气暂停\n"
        "introduction: |\n"
        "  　　本中心成立于 1958 年：一是……\n"
        "\ttab: 在块文字中是内容\n"
    )
    value, problems = load_yaml(text.replace("\n\ttab", "\n  \ttab"), "x.yml")
    assert problems == []
    assert value["introduction"].startswith("　　本中心")
    assert value["except"] == ["2024-07-22 至 2024-08-16"]


def test_list_items_with_chinese_colons_are_text_not_keys():
    value, problems = load_yaml("duties:\n  - 第一：统筹协调\n  - 第二：督促检查\n", "x.yml")
    assert problems == []
    assert value["duties"] == ["第一：统筹协调", "第二：督促检查"]


def test_ascii_colon_without_space():
    _, problems = load_yaml("title:植树\n", "x.yml")
    assert [str(p) for p in problems] == ["x.yml:1:6: “title:”后面缺少空格。请在冒号后加一个半角空格，例如 title: 值"]


def test_unclosed_quote():
    _, problems = load_yaml('title: "植树\ndate: 2024-03-05\n', "x.yml")
    assert [str(p) for p in problems] == [
        "x.yml:3:1: YAML 格式错误：引号没有配对：一个值以引号开头，但直到文件结尾也没有找到结束的引号"
    ]


def test_syntax_errors_midway_keep_their_messages():
    # Raised while the event stream is being read, after values were already built.
    _, problems = load_yaml("a: 1\nb: 2 #x\nc: [x\nd: 2\n", "x.yml")
    assert [str(p) for p in problems] == [
        "x.yml:4:2: YAML 格式错误：以“[”开头的值被当成了列表，但没有正确结束。如果方括号是文字的一部分，请用英文双引号把整个值括起来"
    ]
    _, problems = load_yaml("- a: 1\n  b: 2\n - c: 3\n", "x.yml")
    assert [str(p) for p in problems] == [
        "x.yml:3:2: YAML 格式错误：列表项的缩进不一致。同一列表的每一项“- ”要上下对齐"
    ]


def test_duplicate_and_non_text_keys_drop_their_values_only():
    value, problems = load_yaml("a: 1\na: 2 #x\n? [k]\n: v #y\nb: 3 #z\n", "x.yml")
    assert [str(p) for p in problems] == [
        "x.yml:2:1: 字段“a”重复出现（第 1 行已经有了）。请删除多余的一个，只保留正确的值",
        "x.yml:3:3: 字段名必须是文字，不能是列表或映射",
        "x.yml:5:6: 值“3”后面的“#”及其后文字会被当作注释丢掉。如果“#”是内容的一部分，请用英文双引号把整个值括起来；注释请单独写一行",
    ]
    assert dict(value) == {"a": "1", "b": "3"}
