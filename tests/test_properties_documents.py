"""Property-based tests (Hypothesis) for documents: a personal number hidden in any internal
place of a .docx, .xlsx, .pptx or .pdf registered in data/documents.yml, written in any of
the disguises editors paste, is refused with a Chinese line that names the file and shows
the number masked (or the whole document is refused as uncheckable); a number in a part
or object of a random name and shape is found too.

Profiles and seeds as in test_properties.py (``WENMING_HYPOTHESIS_PROFILE``,
``WENMING_HYPOTHESIS_SEED``); rerun a failure with
``WENMING_HYPOTHESIS_SEED=<seed> pytest tests/test_properties_documents.py -k <test>``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import hidden_documents as H
import strategies as S
from hypothesis import event, given, note
from hypothesis import strategies as st
from test_properties import SEED, examples, load, make_site, problems_for

PLACES = [(fmt, place) for fmt, places in H.PLACES.items() for place in places]


def masked(planted: S.Planted) -> str:
    d = planted.digits
    if planted.kind == "mobile":
        return f"{d[:3]}****{d[7:]}"
    if planted.kind == "id18":
        return f"{d[:6]}********{d[14:]}"
    return f"{d[:6]}******{d[12:]}"


def registered(rel: str, data: bytes) -> dict[str, str | bytes | None]:
    return {
        "data/documents.yml": f"- title: 管理制度\n  issued: 2024-01-05\n  file: {rel.removeprefix('docs/')}\n",
        rel: data,
    }


def assert_refused_naming_the_file(rel: str, data: bytes, planted: S.Planted) -> list[str]:
    note(f"rerun: WENMING_HYPOTHESIS_SEED={SEED} pytest tests/test_properties_documents.py")
    with tempfile.TemporaryDirectory() as tmp:
        root = make_site(Path(tmp), registered(rel, data))
        _, problems = load(root)
    mine = [p.message for p in problems_for(problems, rel)]
    assert mine, f"{rel}: a {planted.kind} written {planted.disguise!r} passed unreported"
    shown = masked(planted)
    uncheckable = [m for m in mine if "没法检查" in m]
    assert any(shown in m for m in mine) or uncheckable, f"{rel}: no line shows {shown}: {mine}"
    assert all(planted.digits not in m for m in mine), "a message shows the number unmasked"
    event("reported" if not uncheckable else "uncheckable")
    return mine


@examples(80)
@given(
    where=st.sampled_from(PLACES),
    planted=S.planted_number(),
    stem=st.sampled_from(["制度", "管理办法", "名单", "2024年总结", "a"]),
)
def test_a_number_hidden_in_any_internal_place_is_refused_naming_the_file(where, planted, stem):
    fmt, place = where
    build, expected = H.PLACES[fmt][place]
    rel = f"docs/documents/{stem}.{fmt}"
    mine = assert_refused_naming_the_file(rel, build(planted.written), planted)
    if planted.disguise == "plain" and planted.kind == "mobile":
        assert any(m.startswith(f"{expected}：") for m in mine), (expected, mine)


XML_NAME = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)


@st.composite
def xml_with_number(draw, number: str) -> str:
    """An XML document of random nesting, holding the number in a text node or an attribute."""
    depth = draw(st.integers(1, 6))
    names = [draw(XML_NAME) for _ in range(depth)]
    inside_attribute = draw(st.booleans())
    label = draw(st.sampled_from(["", "联系 ", "tel:", "电话："]))
    value = f"{label}{number}".replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    leaf = f'<{names[-1]} v="{value}"/>' if inside_attribute else f"<{names[-1]}>{value}</{names[-1]}>"
    xml = leaf
    for name in reversed(names[:-1]):
        xml = f"<{name}>{xml}</{name}>"
    return '<?xml version="1.0" encoding="UTF-8"?>' + xml


@examples(40)
@given(data=st.data(), fmt=st.sampled_from(["docx", "xlsx", "pptx"]), planted=S.planted_number())
def test_a_number_in_a_part_of_any_name_is_found(data, fmt, planted):
    base = {"docx": H.docx_base, "xlsx": H.xlsx_base, "pptx": lambda: H.pptx([H._slide("创建工作汇报")])}[fmt]()
    folder = data.draw(st.sampled_from(["customXml", "word", "xl", "ppt", "docProps", "x/y"]))
    part = f"{folder}/{data.draw(XML_NAME)}{data.draw(st.integers(1, 99))}.xml"
    package = H.edit_zip(base, {part: data.draw(xml_with_number(planted.written)).encode()})
    assert_refused_naming_the_file(f"docs/documents/附件.{fmt}", package, planted)


@examples(30)
@given(key=XML_NAME, planted=S.planted_number(), in_array=st.booleans())
def test_a_number_in_a_pdf_object_of_any_shape_is_found(key, planted, in_array):
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

    writer = H._pdf_writer()
    value = TextStringObject(planted.written)
    holder = DictionaryObject({NameObject(f"/{key}"): ArrayObject([value]) if in_array else value})
    writer._root_object[NameObject("/PieceInfo")] = writer._add_object(holder)
    assert_refused_naming_the_file("docs/documents/通知.pdf", H._pdf_bytes(writer), planted)
