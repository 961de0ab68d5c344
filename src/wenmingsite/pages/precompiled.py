"""Templates compiled ahead of time: the Python Jinja makes of this package's templates and of
the pinned Material's, shipped in the package (``pages.precompiled_templates``, written by
``python tools/compile_templates.py``), so that a fresh build process does not compile ~78
templates again.

A shipped module is used only where compiling now would give exactly its code: the template's
source as the environment's own loader reads it now (a unit's ``custom_dir`` override, or a
changed file, simply compiles as before), its name, Jinja's version and everything of the
environment that Jinja's lexer, parser, optimizer and code generator read (``signature``). The
code is shipped in the installed package, never read from ``.cache`` (restored from CI, not
trusted): Python reads the module's byte-compiled file the way an import does, and each
environment executes the code object in a namespace of its own (Jinja's modules read
``environment`` as a global, and Material's language partials load into three environments).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.machinery
import os
from pathlib import Path
from types import CodeType

import jinja2
from jinja2 import nodes
from jinja2.utils import _PassArg

# "0" turns the shipped code off (the benchmarks' and tests' comparison builds).
SWITCH_ENV = "WENMING_PRECOMPILED_TEMPLATES"
PACKAGE = "wenmingsite.pages.precompiled_templates"
FOLDER = Path(__file__).parent / "precompiled_templates"
COMMAND = "python tools/compile_templates.py"


def _kind(func) -> str:
    """How Jinja's code generator calls a filter or test: with the context, the evaluation
    context, the environment, or the value alone; or that the environment has none."""
    if func is None:
        return "missing"
    passed = _PassArg.from_obj(func)
    return passed.name if passed is not None else "value"


def _name(obj) -> str:
    return f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', type(obj).__qualname__)}"


def _setting(value) -> object:
    """A policy's value as it can be compared across processes (functions by their names)."""
    if callable(value):
        return _name(value)
    if isinstance(value, dict):
        return sorted((str(k), _setting(v)) for k, v in value.items())
    return value


def signature(env: jinja2.Environment, name: str, filters: tuple, tests: tuple) -> str:
    """Everything of ``env`` that decides the code Jinja compiles template ``name`` to, given the
    filters and tests its source uses."""
    autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
    settings = [
        jinja2.__version__,
        _name(type(env)),
        _name(env.code_generator_class),
        _name(type(env.lexer)),
        # the lexer's settings (jinja2.lexer.get_lexer keys its cache by them)
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.is_async,
        bool(autoescape),
        _kind(env.finalize) if env.finalize else None,
        env.sandboxed,
        sorted(getattr(env, "intercepted_binops", ())),
        sorted(getattr(env, "intercepted_unops", ())),
        [(_name(type(ext)), ext.priority) for ext in env.iter_extensions()],
        getattr(env, "newstyle_gettext", None),  # the i18n extension's parser reads it
        sorted((key, _setting(value)) for key, value in env.policies.items()),
        [(f, _kind(env.filters.get(f))) for f in filters],
        [(t, _kind(env.tests.get(t))) for t in tests],
    ]
    return hashlib.sha256(repr(settings).encode()).hexdigest()


def source_key(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()


@functools.cache
def _index() -> dict:
    """(template name, source key) -> (module, signature, filters, tests); empty under another
    Jinja, when the package was shipped without it, or when switched off."""
    if os.environ.get(SWITCH_ENV) == "0":
        return {}
    try:
        from wenmingsite.pages import precompiled_templates as shipped
    except ImportError:
        return {}
    if getattr(shipped, "JINJA", None) != jinja2.__version__:
        return {}
    return dict(getattr(shipped, "TEMPLATES", {}))


def _renamed(code: CodeType, filename: str) -> CodeType:
    """The code as ``compile(source, filename)`` names it: tracebacks and Jinja's error messages
    show the template's file, not the shipped module's."""
    consts = tuple(_renamed(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


@functools.lru_cache(maxsize=1024)
def _code(module: str, filename: str) -> CodeType | None:
    path = FOLDER / f"{module}.py"
    try:
        # The byte-compiled file Python keeps beside the installed module (written by pip at
        # install), or the module compiled now: what an import would read; never executed here.
        code = importlib.machinery.SourceFileLoader(f"{PACKAGE}.{module}", str(path)).get_code(f"{PACKAGE}.{module}")
    except (OSError, ImportError, SyntaxError):
        return None
    return _renamed(code, filename) if code is not None else None


def shipped_code(env: jinja2.Environment, name: str, source: str, filename: str | None) -> CodeType | None:
    """The shipped code of template ``name`` when it is exactly what ``env`` would compile from
    ``source`` now; otherwise None (compile as usual)."""
    index = _index()
    if not index:
        return None
    entry = index.get((name, source_key(source)))
    if entry is None:
        return None
    module, expected, filters, tests = entry
    if signature(env, name, filters, tests) != expected:
        return None
    return _code(module, filename or "<template>")


class ShippedLoader(jinja2.FileSystemLoader):
    """The environment's folder loader (same folders, encoding, listing), taking a template's
    code from the package when ``shipped_code`` allows it."""

    def __init__(self, inner: jinja2.FileSystemLoader) -> None:
        self.__dict__.update(inner.__dict__)

    def load(self, environment, name, globals=None):
        source, filename, uptodate = self.get_source(environment, name)
        code = shipped_code(environment, name, source, filename)
        if code is None:
            return super().load(environment, name, globals)
        # Jinja's own step after compiling: the code executed in a new namespace of this environment
        return environment.template_class.from_code(environment, code, {} if globals is None else globals, uptodate)


def install(env: jinja2.Environment) -> jinja2.Environment:
    """Let ``env`` take shipped code (where it was made: MkDocs' theme environments, pages.render)."""
    if os.environ.get(SWITCH_ENV) != "0" and type(env.loader) is jinja2.FileSystemLoader:
        env.loader = ShippedLoader(env.loader)
    return env


# --- the maintainers' side: writing the package (tools/compile_templates.py) ----------------


def _probe(func, calls: list):
    """``func`` as the code generator sees it (same way of being called), noting each call: a
    filter or test the optimizer calls at compile time puts its result into the code."""

    def called(*args, **kwargs):
        calls.append(func)
        return func(*args, **kwargs)

    if hasattr(func, "jinja_pass_arg"):
        called.jinja_pass_arg = func.jinja_pass_arg  # type: ignore[attr-defined]
    return called


def _used(tree: nodes.Template) -> tuple[tuple, tuple]:
    filters = tuple(sorted({n.name for n in tree.find_all(nodes.Filter)}))
    tests = tuple(sorted({n.name for n in tree.find_all(nodes.Test)}))
    return filters, tests


def compile_one(env: jinja2.Environment, name: str) -> tuple[str, str, str, tuple, tuple] | None:
    """(source key, Python, signature, filters, tests) of template ``name``, or None when it does
    not compile in ``env`` or its code would hold a filter's or test's result computed at compile
    time (not shipped: the result depends on the function, which the signature does not see)."""
    source, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
    try:
        filters, tests = _used(env.parse(source, name, filename))
        env.compile(source, name, filename, raw=True)
    except jinja2.TemplateError:  # e.g. Material's blog templates, without the blog plugin's filters
        return None
    kept = env.filters, env.tests
    calls: list = []
    env.filters = {k: _probe(v, calls) for k, v in kept[0].items()}
    env.tests = {k: _probe(v, calls) for k, v in kept[1].items()}
    try:
        python = env.compile(source, name, filename, raw=True)
    finally:
        env.filters, env.tests = kept
    if calls:
        return None
    # Jinja's code does not depend on the file name (only its error messages do): checked, so
    # that the code shipped from one checkout is the code compiled from another.
    assert python == env.compile(source, name, "elsewhere/" + name, raw=True), name
    return source_key(source), python, signature(env, name, filters, tests), filters, tests


def module_name(prefix: str, name: str) -> str:
    return prefix + "".join(c if c.isalnum() else "_" for c in name)


def generate(environments: list[tuple[str, jinja2.Environment, list[str]]]) -> tuple[dict[str, str], list[str]]:
    """The files of ``pages.precompiled_templates`` (file name -> text) for each (module prefix,
    environment, template names), and the templates left to compile at run time."""
    files: dict[str, str] = {}
    index: dict[tuple[str, str], tuple] = {}
    skipped: list[str] = []
    for prefix, env, names in environments:
        for name in sorted(names):
            made = compile_one(env, name)
            if made is None:
                skipped.append(f"{prefix}: {name}")
                continue
            key, python, expected, filters, tests = made
            module = module_name(prefix, name)
            if (name, key) in index or f"{module}.py" in files:
                raise ValueError(f"template {name} is compiled twice ({prefix})")
            index[(name, key)] = (module, expected, filters, tests)
            # The generated code keeps its first line first: Jinja's debug_info counts its lines.
            files[f"{module}.py"] = f"{python}\n# {name}: generated by `{COMMAND}`, do not edit.\n"
    lines = [
        f'"""Templates compiled ahead of time, read by wenmingsite.pages.precompiled. Generated by `{COMMAND}`: do not edit."""',
        "",
        f"JINJA = {jinja2.__version__!r}",
        "# (template name, sha256 of its source) -> (module, signature, filters used, tests used)",
        "TEMPLATES = {",
    ]
    lines += [f"    {key!r}: {value!r}," for key, value in sorted(index.items())]
    lines.append("}")
    files["__init__.py"] = "\n".join(lines) + "\n"
    return files, skipped
