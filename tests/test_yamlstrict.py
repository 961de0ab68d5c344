from wenmingsite.yamlstrict import YList, YMap, load_yaml


def test_yaml_11_surprises_never_change_a_value():
    value, problems = load_yaml(
        "time: 9:30\nzip: 0123\nphone: 01062345671\ndraft: no\nversion: 1.10\non: yes\nnull_text: null\n",
        "x.yml",
    )
    assert problems == []
    assert dict(value) == {
        "time": "9:30", "zip": "0123", "phone": "01062345671", "draft": "no",
        "version": "1.10", "on": "yes", "null_text": "null",
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
