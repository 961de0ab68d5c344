"""`wenming new | check | fix`: what an editor types and reads, asserted exactly."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import TODAY, build
from PIL import Image

from wenmingsite.commands.cli import main, safe_name

A = "docs/activities/2024-03-05-plant.md"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False, prog_name="wenming")


def test_new_creates_a_commented_activity_that_check_accepts_once_filled(site):
    root = site()
    result = run(
        "new",
        "--root",
        root,
        "--title",
        "“学雷锋”志愿服务：进社区/敬老院",
        "--date",
        "2026年3月5日",
        "--category",
        "志愿服务",
        "--department",
        "工会",
    )
    assert result.exit_code == 0, result.output
    stem = "2026-03-05-学雷锋-志愿服务-进社区-敬老院"
    assert result.output.splitlines() == [
        f"已新建 docs/activities/2026/{stem}.md",
        f"照片请放进 docs/activities/2026/{stem}/ 文件夹，并在 photos 中登记。",
        "填写完正文和其他信息后，运行 wenming check 检查，再用 wenming serve 预览。",
    ]
    page = root / f"docs/activities/2026/{stem}.md"
    text = page.read_text(encoding="utf-8")
    assert "title: “学雷锋”志愿服务：进社区/敬老院\n" in text
    assert "date: 2026-03-05\n" in text and "category: 志愿服务\n" in text and "department: 工会\n" in text
    assert "# 参与人次，只写数字，例如 56\nparticipants:\n" in text
    assert (root / f"docs/activities/2026/{stem}").is_dir()
    # Until the narrative is written, check refuses to publish the template text.
    result = run("check", "--root", root, "--date", TODAY)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"docs/activities/2026/{stem}.md:30:1: 这里还是模板占位符“（在这里写活动的经过和成效）”。请换成实际内容后再发布"
    )
    page.write_text(
        text.replace("（在这里写活动的经过和成效）", "3月5日上午，工会组织志愿者走进社区。").replace(
            "participants:\n", "participants: 30\n"
        ),
        encoding="utf-8",
    )
    result = run("check", "--root", root, "--date", TODAY)
    assert result.exit_code == 0, result.output
    assert "检查通过：4 个页面、2 条活动记录、0 张照片，没有发现问题" in result.output
    assert build(root).returncode == 0
    assert (root / f"site/activities/2026/{stem}/index.html").is_file()


def test_new_asks_for_what_is_missing_and_never_overwrites(site):
    root = site()
    answers = "植树节义务植树\n2024-03-05\n志愿服务\n办公室\n"
    result = run("new", "--root", root, input=answers)
    assert result.exit_code == 0, result.output
    # Chinese prompts end with a full-width colon, like the rest of the tool's questions.
    asked = result.output.splitlines()[:4]
    assert asked[0] == "活动名称：植树节义务植树"
    assert re.fullmatch(r"活动日期 \[\d{4}-\d{2}-\d{2}\]：2024-03-05", asked[1]), asked[1]
    assert asked[2:] == ["活动类别（可选：志愿服务、文体活动）：志愿服务", "组织部门（可选：办公室、工会）：办公室"]
    assert ": " not in result.output
    assert (root / "docs/activities/2024/2024-03-05-植树节义务植树.md").is_file()
    again = run("new", "--root", root, input=answers)
    assert "已新建 docs/activities/2024/2024-03-05-植树节义务植树-2.md" in again.output


def test_new_refuses_unknown_category_and_bad_dates(site):
    root = site()
    result = run("new", "--root", root, "--title", "x", "--date", "2024-02-30", "--category", "志愿服务")
    assert result.exit_code == 2
    assert "日期“2024-02-30”不存在（2024年2月没有30日）" in result.output
    result = run("new", "--root", root, "--title", "x", "--date", "2024-03-01", "--category", "体育")
    assert result.exit_code == 2
    assert "“体育”不在 data/categories.yml 中。可选：志愿服务、文体活动" in result.output


@pytest.mark.parametrize(
    "title, name",
    [
        ("植树节 义务植树", "植树节-义务植树"),
        ("《民法典》宣传", "民法典-宣传"),
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
        ("……", "活动"),
    ],
)
def test_safe_file_names(title, name):
    assert safe_name(title) == name


def test_check_reports_publication_problems_one_line_each(site):
    root = site(
        {
            A: "---\ntitle: 植树节义务植树\ndate: 2024-03-05\ncategory: 志愿服务\n"
            "summary: XX单位组织，联系人13812348000\n---\n\n"
            "身份证号110105198001011238的志愿者于20__年参加。详见[方案](../report/02-missing.md)。\n"
            "办公电话 0571-86120318，已隐去的号码 138****8000。\n",
            "docs/activities/Thumbs.db": b"junk",
        }
    )
    result = run("check", "--root", root, "--date", TODAY)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:-1] == [
        "docs/activities/2024-03-05-plant.md:5:10: 这里还是模板占位符“XX”。请换成实际内容后再发布",
        "docs/activities/2024-03-05-plant.md:5:20: 疑似个人手机号 138****8000。公开网站上不能出现群众和职工的个人手机号，请删除，或改为单位的办公电话",
        "docs/activities/2024-03-05-plant.md:8:5: 疑似居民身份证号 110105********1238。公开网站上不能出现身份证号，请删除",
        "docs/activities/2024-03-05-plant.md:8:28: 这里还是模板占位符“20__”。请换成实际内容后再发布",
        "docs/activities/2024-03-05-plant.md:8:43: 链接的目标“../report/02-missing.md”不存在。请检查文件名和路径（路径相对于本文件所在的文件夹）",
        "docs/activities/Thumbs.db: 这是系统或 Office 自动生成的临时文件，不应该提交。请删除它（删除不影响任何内容）",
    ]
    assert result.stdout.splitlines()[-1].startswith("发现 6 处问题")
    assert "13812348000" not in result.output and "110105198001011238" not in result.output
    github = run("check", "--root", root, "--date", TODAY, "--format", "github")
    assert github.stdout.splitlines()[0] == (
        "::error file=docs/activities/2024-03-05-plant.md,line=5,col=10::这里还是模板占位符“XX”。请换成实际内容后再发布"
    )


def test_the_build_refuses_what_check_refuses(site):
    root = site({A: "---\ntitle: 植树\ndate: 2024-03-05\ncategory: 志愿服务\n---\n联系人13812348000\n"})
    result = build(root)
    assert result.returncode == 1
    assert (
        "wenming: docs/activities/2024-03-05-plant.md:6:4: 疑似个人手机号 138****8000。"
        "公开网站上不能出现群众和职工的个人手机号，请删除，或改为单位的办公电话"
    ) in result.stderr
    assert "13812348000" not in result.stderr


def test_check_finds_gps_in_originals_huge_files_and_broken_photos(site):
    root = site(
        {
            A: "---\ntitle: 植树\ndate: 2024-03-05\ncategory: 志愿服务\nphotos:\n"
            "  - src: plant/gps.jpg\n    caption: 现场\n  - src: plant/cut.jpg\n    caption: 合影\n---\n正文\n"
        }
    )
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (30.0, 1.0, 2.0)})
    (root / "docs/activities/plant").mkdir()
    Image.new("RGB", (64, 48), (10, 120, 30)).save(root / "docs/activities/plant/gps.jpg", exif=exif)
    (root / "docs/activities/plant/cut.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)
    with open(root / "docs/report/录像.mp4", "wb") as fh:
        fh.truncate(101 * 1024 * 1024)  # sparse: costs no disk
    result = run("check", "--root", root, "--date", TODAY)
    lines = result.stdout.splitlines()
    assert (
        "docs/activities/plant/gps.jpg: 原图带有 GPS 位置信息：仓库公开后，任何人都能下载原图看到拍摄地点。"
        "请运行 wenming fix 去掉位置信息（不改变画面），或在手机上关闭相机的位置记录后重新导出" in lines
    )
    assert (
        "docs/report/录像.mp4: 文件有 101 MB，超过 GitHub 单个文件 100 MB 的上限，无法提交。"
        "照片请先缩小，文档请转成 PDF 并压缩" in lines
    )
    assert any(
        line.startswith("docs/activities/2024-03-05-plant.md:8: 第 2 张照片“activities/plant/cut.jpg”：")
        for line in lines
    )
    assert result.exit_code == 1


def test_fix_repairs_and_reports_each_change(site):
    root = site(
        {
            A: ("——\ntitle：植树节义务植树\n\u3000date: 2024年3月5日\ncategory: 志愿服务\n——\n正文\n").encode("gbk"),
            "data/activities/2024.yml": "activities:\n  - title: 座谈会\n    date: 2024/4/1\n    category: 文体活动\n",
        }
    )
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8825).update({1: "N", 2: (30.0, 1.0, 2.0)})
    (root / "docs/assets").mkdir(parents=True)
    Image.new("RGB", (64, 48), (10, 120, 30)).save(root / "docs/assets/banner.jpg", exif=exif)
    before = (root / "docs/assets/banner.jpg").read_bytes()

    dry = run("fix", "--root", root, "--dry-run")
    assert dry.output.splitlines() == [
        "data/activities/2024.yml:3: 把日期“2024/4/1”改为 2024-04-01",
        "docs/activities/2024-03-05-plant.md: 把 GBK/GB18030 编码转换为 UTF-8",
        "docs/activities/2024-03-05-plant.md:1: 把分隔线“——”改为三个半角减号 ---",
        "docs/activities/2024-03-05-plant.md:5: 把分隔线“——”改为三个半角减号 ---",
        "docs/activities/2024-03-05-plant.md:2: 把“title：”中的全角冒号改为半角冒号加空格",
        "docs/activities/2024-03-05-plant.md:3: 把行首的全角空格或 Tab 改为半角空格",
        "docs/activities/2024-03-05-plant.md:3: 把日期“2024年3月5日”改为 2024-03-05",
        "docs/assets/banner.jpg: 去掉了照片的 GPS 位置信息（画面没有改变）",
        "以上修改涉及 3 个文件（--dry-run：没有改动任何文件）。",
    ]
    assert (root / "docs/assets/banner.jpg").read_bytes() == before

    done = run("fix", "--root", root)
    assert done.output.splitlines()[-1] == "已修复 3 个文件。请运行 wenming check 再检查一遍。"
    assert (root / A).read_text(encoding="utf-8") == (
        "---\ntitle: 植树节义务植树\ndate: 2024-03-05\ncategory: 志愿服务\n---\n正文\n"
    )
    after = (root / "docs/assets/banner.jpg").read_bytes()
    with Image.open(root / "docs/assets/banner.jpg") as im:
        assert not im.getexif().get_ifd(0x8825) and im.getexif()[0x0112] == 6
    assert after[after.index(b"\xff\xda") :] == before[before.index(b"\xff\xda") :]  # pixels untouched
    assert run("check", "--root", root, "--date", TODAY).exit_code == 0
    assert run("fix", "--root", root).output == "没有需要自动修复的地方。\n"


def test_help_is_in_chinese():
    out = run("--help").output
    assert out.startswith("用法：wenming [选项] 子命令 [参数]...")
    assert "子命令：" in out and "选项：" in out and "显示帮助并退出" in out
    assert "检查全部内容（不生成网站）" in run("check", "--help").output


def test_outside_a_site_folder(tmp_path):
    result = run("check", "--root", tmp_path)
    assert result.exit_code == 1
    assert f"{tmp_path} 里没有 mkdocs.yml。请在网站文件夹中运行，或用 --root 指定网站文件夹" in result.output


def test_check_decodes_certificate_photos_as_the_build_does(site):
    root = site(
        {
            "data/honours.yml": "- year: 2024\n  title: 青年文明号\n  level: 市级\n  awarded_by: 团市委\n"
            "  photo: honours/cert.jpg\n"
        }
    )
    (root / "docs/honours").mkdir(parents=True)
    (root / "docs/honours/cert.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)
    result = run("check", "--root", root, "--date", TODAY)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("data/honours.yml:1: 证书照片“honours/cert.jpg”：")


def test_check_prints_problems_and_summary_on_one_stream(site):
    """An editor's terminal and a CI log read one report: the problems, then what they add up
    to, on stdout (`wenming check > 结果.txt` keeps both), exit 1; a clean check's summary
    is there too, exit 0."""
    root = site()
    page = root / A
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("title:", "title: XX", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--root", str(root), "--date", TODAY.isoformat()])
    assert result.exit_code == 1
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{A}:") and "这里还是模板占位符“XX”" in lines[0]
    assert re.fullmatch(
        r"发现 1 处问题（用时 \d+\.\d 秒）。请按每一行的提示修改；"
        r"编码、全角冒号、日期写法和照片位置信息可以运行 wenming fix 自动修复。",
        lines[-1],
    )
    page.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--root", str(root), "--date", TODAY.isoformat()])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1].startswith("检查通过：")
