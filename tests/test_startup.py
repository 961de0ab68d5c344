"""What a build's start-up leaves for later: the checks' rarely used patterns are compiled when
first used (loading.patterns.lazy) and find exactly what compiled ones find; the modules only a
command or new photos need are not imported by loading the plugin."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from wenmingsite.gate import privacy, sensitive
from wenmingsite.loading.patterns import lazy


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [
        (r"(\d{4})\s*年\s*(\d{1,2})\s*月", re.ASCII, "2024 年 3 月，２０２４年3月"),
        (r"<!--(?:-?>|.*?(?:--!?>|$))", re.S, "a<!-- x\n y -->b<!-->c"),
        (r"(?i)tel[-._:]?$", 0, "TEL:"),
    ],
)
def test_a_lazy_pattern_answers_as_the_compiled_one(pattern, flags, text):
    compiled, deferred = re.compile(pattern, flags), lazy(pattern, flags)
    assert [m.groups() for m in deferred.finditer(text)] == [m.groups() for m in compiled.finditer(text)]
    assert deferred.sub("#", text) == compiled.sub("#", text)
    assert bool(deferred.search(text)) == bool(compiled.search(text))
    assert (deferred.pattern, deferred.flags, deferred.groups) == (compiled.pattern, compiled.flags, compiled.groups)


def test_a_lazy_bytes_pattern_answers_as_the_compiled_one():
    packet = b'<rdf:Description exif:GPSLatitude="31,12.5N"><exif:GPSLongitude>121</exif:GPSLongitude>'
    rx = rb"<((?:[A-Za-z_][\w.-]*:)?(?i:gps)[\w-]*)(?=[\s/>])"
    assert [m.group(1) for m in lazy(rx).finditer(packet)] == [m.group(1) for m in re.compile(rx).finditer(packet)]


def test_the_checks_behind_lazy_patterns_still_report():
    # A number in Chinese numerals (privacy.CN_RUN) and a person acted on by another (the
    # sensitive check's agent rule) are found by patterns compiled on first use.
    assert [(f.number_type, f.masked) for f in privacy.find("联系电话：一三八一二三四五六七八")] == [
        ("mobile", "138****5678")
    ]
    hits = sensitive.find("王建国老师慰问了低保户李秀英。")
    assert [(h.term, h.person, h.category) for h in hits] == [("低保", "李秀英", "困难")]
    assert hits[0].what == sensitive.CATEGORIES["困难"][0]


def test_loading_the_plugin_leaves_commands_and_photo_processes_unloaded():
    code = (
        "import sys, wenmingsite.plugin\n"
        "print(sorted(m for m in ('multiprocessing', 'concurrent.futures.process', 'wenmingsite.commands.repair')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
