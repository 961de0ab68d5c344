"""The browser form's rules (wenmingsite.commands.editor), without a browser: what Python hands the
page, and the loader messages the form repeats, compared with what the loader says."""

from __future__ import annotations

import json
import re

import pytest
from conftest import TODAY, write

import wenmingsite
from wenmingsite.commands import cli, editor
from wenmingsite.loading import schema, values

A = "docs/activities/2024/2024-03-05-plant.md"


def test_rules_carry_the_units_choices_and_every_message(site):
    content, problems = wenmingsite.load(site(), today=TODAY)
    assert problems == []
    rules = editor.rules(content)
    assert [c["name"] for c in rules["categories"]] == ["志愿服务", "文体活动"]
    assert rules["categories"][0]["criteria"] == ["volunteer-service"]
    assert rules["criteria"] == [
        {"id": "volunteer-service", "name": "学雷锋志愿服务"},
        {"id": "culture-sports", "name": "文化体育活动"},
    ]
    assert rules["departments"] == ["办公室", "工会"]
    fields = {f["name"]: f for f in rules["fields"]}
    assert fields["title"] == {"name": "title", "label": "标题", "required": True, "family": "title"}
    assert fields["participants"]["label"] == "参与人次"
    # The very templates the converters fill in, not copies.
    assert rules["messages"]["MSG_DATE_UNKNOWN"] == values.MSG_DATE_UNKNOWN
    assert rules["messages"]["MSG_INVALID"] == schema.MSG_INVALID
    assert set(rules["messages"]) >= {n for n in vars(values) if n.startswith("MSG_")}
    assert set(rules["messages"]) >= {n for n in vars(schema) if n.startswith("MSG_")}
    assert rules["files"]["max_side"] == 2560


def test_embedded_json_cannot_close_its_script_element(site):
    root = site(
        {
            "data/unit.yml": (
                site()
                .joinpath("data/unit.yml")
                .read_text(encoding="utf-8")
                .replace(
                    "departments: [办公室, 工会]", 'departments: [办公室, "</script><script>alert(1)</script>", "a&b"]'
                )
            )
        }
    )
    content, _ = wenmingsite.load(root, today=TODAY)
    text = editor.rules_json(content)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "</script><script>alert(1)</script>" in json.loads(text)["departments"]


def test_patterns_keep_pythons_meaning_of_whitespace():
    # Under re.ASCII, \s is six characters; JavaScript's \s would also take U+3000 and U+FEFF.
    assert editor.js_pattern(values._DATE_FORMS[3], "match")["source"].count(r"[ \t\n\r\f\v]") == 5
    assert editor.js_pattern(values._DECIMAL, "fullmatch")["source"] == r"^(?:([0-9]+)(?:\.([0-9]+))?)$"
    assert "\\u{3000}" in editor.js_pattern(values._RANGE_HINT, "search")["source"]
    assert "\\u{feff}" not in editor.js_pattern(values._RANGE_HINT, "search")["source"]
    with pytest.raises(ValueError, match="Unicode"):
        editor.js_pattern(re.compile(r"\d+年"), "search")


def test_file_name_rule_is_the_one_of_wenming_new():
    # editor.UNSAFE_NAME spells out cli.UNSAFE for JavaScript; a change to one needs the other.
    assert cli.UNSAFE.pattern == r"[^\w\u4e00-\u9fff-]+"
    assert editor.NAME_LIMIT == cli.safe_name.__defaults__[0]
    assert cli.safe_name("") == "活动"


def test_loader_messages_the_form_repeats_are_the_loaders(site):
    root = site(
        {
            A: """\
        ---
        title: 植树
        date: 2026-12-01
        end_date: 2026-11-30
        category: 志愿服务
        photos:
          - src: 2024-03-05-plant/01.jpg
        ---

        正文。
        """
        }
    )
    from PIL import Image

    Image.new("RGB", (40, 30), "green").save(write(root, "docs/activities/2024/2024-03-05-plant/01.jpg", b""))
    _, found = wenmingsite.load(root, today=TODAY)
    messages = [p.message for p in found if p.path == A]
    assert sorted(messages) == sorted(
        [
            editor.MSG_END_BEFORE_START.format(what=""),
            editor.MSG_DATE_FUTURE.format(what="", iso="2026-12-01"),
            editor.MSG_PHOTO_NO_CAPTION.format(what="", i=1, src="2024-03-05-plant/01.jpg"),
        ]
    )


def test_photo_where_is_the_prefix_of_the_loaders_photo_messages(site):
    root = site(
        {
            A: """\
        ---
        title: 植树
        date: 2024-03-05
        category: 志愿服务
        photos:
          - src: 2024-03-05-plant/01.jpg
            caption: "\u200b"
        ---
        """
        }
    )
    from PIL import Image

    Image.new("RGB", (40, 30), "green").save(write(root, "docs/activities/2024/2024-03-05-plant/01.jpg", b""))
    _, found = wenmingsite.load(root, today=TODAY)
    where = editor.MSG_PHOTO_WHERE.format(what="", i=1)
    # In the order of the file: the photo's line, then its caption's (the form keeps it).
    assert [p.message for p in found if p.path == A] == [
        editor.MSG_PHOTO_NO_CAPTION.format(what="", i=1, src="2024-03-05-plant/01.jpg"),
        schema.MSG_INVISIBLE.format(
            prefix=where + "的", label="说明", name="caption", invisible=values.invisible_only("\u200b"), required=""
        ),
    ]
