"""`wenming fix` never damages: it proves an encoding before converting (GBK against Big5),
never writes through a link or out of the repository, leaves read-only files alone, and
replaces a file in one step, keeping its permissions, so an interruption leaves the old
file whole."""

from __future__ import annotations

import errno
import os
import stat

import pytest
from click.testing import CliRunner

from wenmingsite.commands import repair
from wenmingsite.commands.cli import main

FIX = "请用记事本打开，确认文字显示正常后“另存为”，编码选 UTF-8"
LINK = "这是一个符号链接（快捷方式），wenming fix 不会修改它，也不会修改它指向的文件。请把它换成真实的文件再运行"
YML = "data/activities/2024.yml"
# What a Taipei office's Notepad saves as Big5, and a mainland office's as GBK.
TRADITIONAL = "activities:\n  - title: 學雷鋒志願服務活動\n    date: 2024-03-05\n    category: 志願服務\n"
SIMPLIFIED = "activities:\n  - title: 学雷锋志愿服务活动\n    date: 2024-03-05\n    category: 志愿服务\n"


def fix(root, *args):
    return CliRunner().invoke(main, ["fix", "--root", str(root), *args], prog_name="wenming")


def test_a_big5_file_is_converted_as_big5_not_as_gbk(site):
    root = site({YML: TRADITIONAL.encode("big5")})
    result = fix(root)
    assert result.output.splitlines() == [
        f"{YML}: 把 Big5（繁体中文）编码转换为 UTF-8",
        "已修复 1 个文件。请运行 wenming check 再检查一遍。",
    ]
    assert (root / YML).read_text(encoding="utf-8") == TRADITIONAL


def test_a_gbk_file_is_converted_as_gbk(site):
    root = site({YML: SIMPLIFIED.encode("gbk")})
    result = fix(root)
    assert result.output.splitlines() == [
        f"{YML}: 把 GBK/GB18030 编码转换为 UTF-8",
        "已修复 1 个文件。请运行 wenming check 再检查一遍。",
    ]
    assert (root / YML).read_text(encoding="utf-8") == SIMPLIFIED


def test_text_that_reads_as_both_is_left_alone_with_the_fix(site):
    ambiguous = "title: 你好\n".encode("gbk")  # 你好 in GBK is 斕疑 in Big5: both common characters
    root = site({YML: ambiguous})
    result = fix(root)
    assert result.output.splitlines() == [
        f"{YML}: 文件不是 UTF-8 编码，可能是 GBK（简体中文），也可能是 Big5（繁体中文），无法确定是哪一种，"
        f"没有修改（猜错会把文字变成乱码）。{FIX}",
        "没有需要自动修复的地方。",
    ]
    assert (root / YML).read_bytes() == ambiguous


def test_rare_characters_in_the_only_reading_are_not_trusted(site):
    rare = "title: 王堃\n".encode("gbk")  # 堃 is outside GB2312's common set; as Big5 the bytes do not decode
    root = site({YML: rare})
    assert fix(root).output.splitlines()[0] == (
        f"{YML}: 文件不是 UTF-8 编码，看起来是 GBK（简体中文），但其中有不常用的字符，无法确定编码，"
        f"没有修改（猜错会把文字变成乱码）。{FIX}"
    )
    assert (root / YML).read_bytes() == rare


def test_bytes_no_encoding_explains_are_left_alone(site):
    data = b"title: \x81\x30\xff\xfe\n"
    root = site({YML: data})
    assert fix(root).output.splitlines()[0] == f"{YML}: 无法识别文件编码，没有修改。{FIX}"
    assert (root / YML).read_bytes() == data


def test_a_link_to_a_file_outside_is_never_written_through(site, tmp_path):
    outside = tmp_path / "outside" / "secret.yml"
    outside.parent.mkdir()
    original = SIMPLIFIED.encode("gbk")
    outside.write_bytes(original)
    root = site()
    link = root / "data/activities/2025.yml"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside)
    result = fix(root)
    assert f"data/activities/2025.yml: {LINK}" in result.output.splitlines()
    assert outside.read_bytes() == original
    assert link.is_symlink() and os.readlink(link) == str(outside)


def test_a_linked_data_folder_is_not_followed(site, tmp_path):
    import shutil

    root = site({YML: SIMPLIFIED.encode("gbk")})
    elsewhere = tmp_path / "elsewhere"
    shutil.move(root / "data", elsewhere)
    (root / "data").symlink_to(elsewhere)
    result = fix(root)
    assert result.output.splitlines()[0] == f"data: {LINK}"
    assert (elsewhere / "activities/2024.yml").read_bytes() == SIMPLIFIED.encode("gbk")


def test_a_hard_link_keeps_the_other_name_untouched(site, tmp_path):
    outside = tmp_path / "outside.yml"
    outside.write_bytes(SIMPLIFIED.encode("gbk"))
    root = site()
    (root / YML).parent.mkdir(parents=True, exist_ok=True)
    os.link(outside, root / YML)
    fix(root)
    assert (root / YML).read_text(encoding="utf-8") == SIMPLIFIED
    assert outside.read_bytes() == SIMPLIFIED.encode("gbk")  # the rename replaced the name, not the file


def test_a_read_only_file_is_left_alone(site):
    root = site({YML: SIMPLIFIED.encode("gbk")})
    os.chmod(root / YML, 0o444)
    result = fix(root)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{YML}: 把 GBK/GB18030 编码转换为 UTF-8",
        f"{YML}: 文件是只读的，wenming fix 没有修改它。需要修复请先去掉只读属性（在文件属性中取消“只读”）再运行",
        "错误：有 1 个文件需要修复但没有写入（原因见上），其余 0 个文件已修复",
    ]
    assert (root / YML).read_bytes() == SIMPLIFIED.encode("gbk")
    assert stat.S_IMODE(os.stat(root / YML).st_mode) == 0o444


def test_permissions_are_kept(site):
    root = site({YML: SIMPLIFIED.encode("gbk")})
    os.chmod(root / YML, 0o640)
    fix(root)
    assert (root / YML).read_text(encoding="utf-8") == SIMPLIFIED
    assert stat.S_IMODE(os.stat(root / YML).st_mode) == 0o640


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_an_interrupted_write_leaves_the_old_file_whole(site, monkeypatch, where):
    root = site({YML: SIMPLIFIED.encode("gbk")})
    real = getattr(os, where)

    def full_disk(*args, **kwargs):
        if where == "fsync" or str(args[1]).endswith("2024.yml"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(os, where, full_disk)
    result = fix(root)
    monkeypatch.undo()
    assert result.exit_code == 1
    assert f"{YML}: 无法写入（No space left on device），文件保持原样。请检查磁盘空间和文件夹权限后重新运行" in (
        result.output.splitlines()
    )
    assert (root / YML).read_bytes() == SIMPLIFIED.encode("gbk")
    assert sorted(p.name for p in (root / YML).parent.iterdir()) == ["2024.yml"]  # no temporary left


def test_write_atomic_refuses_a_link_swapped_in(tmp_path):
    target = tmp_path / "target.yml"
    target.write_text("x", encoding="utf-8")
    link = tmp_path / "link.yml"
    link.symlink_to(target)
    with pytest.raises(repair.Unwritable, match="符号链接"):
        repair.write_atomic(link, b"y")
    with pytest.raises(repair.Unwritable, match="符号链接"):
        repair.read_regular(link)
    assert target.read_text(encoding="utf-8") == "x"


def test_report_import_reads_big5_as_big5_and_refuses_a_guess(tmp_path):
    from wenmingsite.commands import report_import

    report = "一、加強領導\n成立領導小組，制定實施方案。\n"
    source = tmp_path / "汇报.txt"
    source.write_bytes(report.encode("big5"))
    assert [b.text for b in report_import.read_source(source)] == ["一、加強領導", "成立領導小組，制定實施方案。", ""]
    source.write_bytes("你好\n".encode("gbk"))
    with pytest.raises(report_import.ImportRefused) as exc:
        report_import.read_source(source)
    assert str(exc.value) == (
        "汇报.txt 不是 UTF-8 编码，可能是 GBK（简体中文），也可能是 Big5（繁体中文），无法确定是哪一种，"
        f"没有导入（猜错会把文字变成乱码）。{FIX}，再重新导入"
    )
