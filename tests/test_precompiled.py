"""Templates compiled ahead of time (wenmingsite.pages.precompiled): the shipped code is what the
maintainers' command writes from today's templates, a build with it is the same bytes as one
without it, and anything that would compile differently (a unit's override, another setting or
filter) compiles as before."""

from __future__ import annotations

import importlib.util
import sys
import traceback
from pathlib import Path

import jinja2
import pytest
from conftest import REPO, build, copy_demo, write
from mkdocs.config import load_config

from wenmingsite.pages import precompiled, render

sys.path.insert(0, str(REPO / "bench"))
from generate import generate  # noqa: E402

THEME = REPO / "src" / "wenmingsite" / "theme"
TEMPLATES = REPO / "src" / "wenmingsite" / "templates"


def _tool():
    spec = importlib.util.spec_from_file_location("compile_templates", REPO / "tools" / "compile_templates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def site_env(shipped: bool = True) -> jinja2.Environment:
    """A new environment like pages.render's (with or without the shipped code)."""
    env = render.environment.__wrapped__()
    if not shipped:
        env.loader = jinja2.FileSystemLoader(TEMPLATES)
    return env


def theme_env(root: Path = REPO, shipped: bool = True) -> jinja2.Environment:
    """MkDocs' theme environment of the unit at ``root``, its folders as the plugin sets them."""
    config = load_config(str(root / "mkdocs.yml"))
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    env = config.theme.get_env()
    return precompiled.install(env) if shipped else env


def uncompilable(env: jinja2.Environment) -> jinja2.Environment:
    def refuse(source, name=None, *args, **kwargs):
        raise AssertionError(f"{name} compiled")

    env.compile = refuse  # type: ignore[method-assign]
    return env


def test_the_shipped_code_is_what_the_command_writes_from_todays_templates():
    stale = _tool().stale()
    assert stale == [], (
        f"src/wenmingsite/pages/precompiled_templates is out of date ({', '.join(stale)}): "
        "run `python tools/compile_templates.py` and commit what it writes"
    )


def test_a_build_compiles_none_of_the_shipped_templates():
    site = uncompilable(site_env())
    for name in site.list_templates(extensions=["html"]):
        site.get_template(name)
    theme = uncompilable(theme_env())
    for name in ("main.html", "base.html", "404.html", "sitemap.xml", "partials/language.html", "partials/header.html"):
        theme.get_template(name)
    theme.get_template("partials/languages/zh.html")
    theme.get_template(".icons/material/magnify.svg")


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _same_bytes_both_ways(root: Path, monkeypatch) -> None:
    monkeypatch.setenv("WENMING_BUILD_CACHE", "0")  # every page rendered through its templates
    sites = {}
    for switch in ("1", "0"):
        monkeypatch.setenv(precompiled.SWITCH_ENV, switch)
        result = build(root, "--site-dir", str(root.parent / f"site-{switch}"))
        assert result.returncode == 0, result.stderr
        sites[switch] = _files(root.parent / f"site-{switch}")
    assert sites["1"].keys() == sites["0"].keys()
    assert [n for n in sites["1"] if sites["1"][n] != sites["0"][n]] == []


def test_the_demo_builds_the_same_bytes_with_the_shipped_code_and_without(tmp_path, monkeypatch):
    _same_bytes_both_ways(copy_demo(tmp_path, cache_from=REPO), monkeypatch)


def test_a_generated_unit_builds_the_same_bytes_with_the_shipped_code_and_without(tmp_path, monkeypatch):
    _same_bytes_both_ways(generate(tmp_path / "unit", 40), monkeypatch)


def test_a_units_own_theme_override_is_used_not_the_shipped_template(tmp_path):
    root = copy_demo(tmp_path, cache_from=REPO)
    yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        yml.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1)
    )
    # the package's own footer and Material's copyright partial, each overridden by the unit
    footer = (THEME / "partials" / "footer.html").read_text(encoding="utf-8")
    write(root, "overrides/partials/footer.html", footer.replace("</footer>", "<p>本单位自己的页脚</p></footer>", 1))
    write(root, "overrides/partials/copyright.html", "<div class='md-copyright'>本单位自己的版权行</div>")
    result = build(root, "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "本单位自己的页脚" in home
    assert "本单位自己的版权行" in home


def test_an_override_with_a_mistake_fails_with_the_same_message_as_before(tmp_path):
    root = copy_demo(tmp_path)
    yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        yml.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1)
    )
    write(root, "overrides/partials/footer.html", "<footer>{% if %}</footer>\n")
    errors = []
    for shipped in (True, False):
        with pytest.raises(jinja2.TemplateSyntaxError) as caught:
            theme_env(root, shipped).get_template("partials/footer.html")
        errors.append((str(caught.value), caught.value.filename, caught.value.lineno))
    assert errors[0] == errors[1]
    assert errors[0][1].endswith("overrides/partials/footer.html")


def test_an_error_in_a_shipped_template_names_the_template_file():
    seen = []
    for env in (site_env(), site_env(shipped=False)):
        template = env.get_template("moved.html")
        with pytest.raises(jinja2.UndefinedError) as caught:
            template.render(title="旧地址")  # no count: StrictUndefined
        last = traceback.extract_tb(caught.value.__traceback__)[-1]
        seen.append((str(caught.value), template.filename, last.filename, last.lineno, last.line))
    assert seen[0] == seen[1]
    assert seen[0][2] == str(TEMPLATES / "moved.html")
    assert seen[0][3] == 4


MOVED = {"title": "2025年", "count": 1234, "target": "timeline/2025.md", "years": [], "page": lambda src: src}


def test_a_changed_setting_compiles_the_template_as_before():
    expected = site_env().get_template("moved.html").render(MOVED)
    assert "1,234 项主题活动" in expected
    for change in ("trim_blocks", "lstrip_blocks"):
        plain, shipped = site_env(shipped=False), site_env()
        for env in (plain, shipped):
            setattr(env, change, False)
        made = [env.get_template("moved.html").render(MOVED) for env in (plain, shipped)]
        assert made[0] == made[1] != expected, change
    # autoescape off: the shipped code (escaping) would print &lt;
    plain, shipped = site_env(shipped=False), site_env()
    for env in (plain, shipped):
        env.autoescape = False
    made = [env.get_template("moved.html").render({**MOVED, "title": "<b>"}) for env in (plain, shipped)]
    assert made[0] == made[1] and "<b>" in made[1]


def test_a_filter_that_wants_the_context_compiles_the_template_as_before():
    @jinja2.pass_context
    def number(context, value):  # the shipped code would call number(value)
        return f"第{value}（{context['title']}）"

    env = site_env()
    env.filters["number"] = number
    assert "第1234（2025年） 项主题活动" in env.get_template("moved.html").render(MOVED)


def test_two_environments_each_call_their_own_filters():
    first, second = site_env(), site_env()
    first.filters["number"] = lambda v: f"一号{v}"
    second.filters["number"] = lambda v: f"二号{v}"
    a = first.get_template("moved.html")
    b = second.get_template("moved.html")
    assert "一号1234" in a.render(MOVED) and "二号1234" in b.render(MOVED)
    assert "一号1234" in a.render(MOVED)  # the second did not take over the first's module
    # Material's language partial, loaded into several theme environments in one build: each
    # template's code reads its own environment
    envs = [theme_env(), theme_env()]
    config = {"theme": {"language": "zh"}}
    for env in envs:
        template = env.get_template("partials/language.html", None, {"config": config})
        assert template.module.t("search.placeholder") == "搜索"  # type: ignore[attr-defined]
        assert template.root_render_func.__globals__["environment"] is env


def test_switched_off_nothing_shipped_is_used(monkeypatch):
    monkeypatch.setenv(precompiled.SWITCH_ENV, "0")
    env = site_env()
    assert type(env.loader) is jinja2.FileSystemLoader


def test_under_another_jinja_every_template_compiles(monkeypatch):
    monkeypatch.setattr(jinja2, "__version__", "3.2.0")
    monkeypatch.setattr(precompiled, "_index", precompiled._index.__wrapped__)  # read again
    env = uncompilable(site_env())
    with pytest.raises(AssertionError, match="moved.html compiled"):
        env.get_template("moved.html")
