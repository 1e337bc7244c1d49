"""The layers of ``desktop/`` as the folder tree draws them, checked on every module's imports.

Why a test: the direction of imports is what keeps the core usable without Qt (the CLI, a
scheduled job, the tests) and each layer replaceable; nothing else noticed when
``core/export.py`` reached up into the documents layer, or when the CLI modules imported
private names back from one another. Each module is parsed with ``ast`` (no import runs),
and every ``import`` counts, at module level and inside functions alike: a lazy import is
still an arrow between layers. Imports under ``if TYPE_CHECKING:`` never run, so they count
for the layer rules but not for circles.

The layers, bottom up: ``core`` (records, services, settings; Qt-free) ← ``sync`` (the CKAN
catalog) and ``documents`` (PDF/DOCX/list reports) ← ``ui`` (PySide6) and ``cli``, which reach
the sync layer only through its front door ``desktop.sync.api``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"

# The one allowed kind of circle: ORM models naming each other for a relationship().
# SQLAlchemy resolves the class names late, but a module may import the other for typing
# or for a relationship's target; such a pair is listed here by name, one line each, so a
# new circle anywhere else fails. (Empty while no model module imports another both ways.)
ORM_RELATIONSHIP_PAIRS: set[frozenset[str]] = set()

QT = ("PySide6", "shiboken6")


@dataclass(frozen=True)
class Import:
    """One arrow: ``source`` imports ``target``, at ``line``."""

    source: str
    target: str
    line: int
    type_checking: bool


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _walk(node: ast.AST, type_checking: bool = False) -> Iterator[tuple[ast.AST, bool]]:
    """Every node, with whether it sits under ``if TYPE_CHECKING:`` (not its else)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for stmt in child.body:
                yield stmt, True
                yield from _walk(stmt, True)
            for stmt in child.orelse:
                yield stmt, type_checking
                yield from _walk(stmt, type_checking)
            continue
        yield child, type_checking
        yield from _walk(child, type_checking)


def _resolve(name: str, package: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return name
    base = package.split(".")
    if node.level > 1:
        base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([name] if name else []))


def _target(name: str) -> str:
    """The module an imported name lives in: ``desktop.core.x.Thing`` → ``desktop.core.x``."""
    while name.startswith("desktop.") and name not in MODULES:
        name = name.rsplit(".", 1)[0]
    return name


def imports_of(module: str, path: Path) -> list[Import]:
    return imports_in(module, path.read_text(encoding="utf-8"), path.name == "__init__.py")


def imports_in(module: str, text: str, is_package: bool = False) -> list[Import]:
    """The arrows out of one module's source text."""
    tree = ast.parse(text, module)
    package = module if is_package else module.rpartition(".")[0]
    found: list[Import] = []
    for node, type_checking in _walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append(Import(module, _target(alias.name), node.lineno, type_checking))
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node.module or "", package, node)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                target = full if full in MODULES else _target(base)
                found.append(Import(module, target, node.lineno, type_checking))
    return found


ALL_IMPORTS = [imp for module, path in MODULES.items() for imp in imports_of(module, path)]


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _within(target: str, *packages: str) -> bool:
    return any(target == p or target.startswith(p + ".") for p in packages)


def _where(imp: Import) -> str:
    return f"{imp.source} (line {imp.line}) imports {imp.target}"


def layer_violations(imports: list[Import]) -> list[str]:
    """Every arrow that points the wrong way, as a readable line."""
    bad: list[str] = []
    for imp in sorted(set(imports), key=lambda i: (i.source, i.line, i.target)):
        layer = _layer(imp.source)
        if layer != "ui" and _within(imp.target, *QT):
            bad.append(f"Qt below desktop.ui: {_where(imp)}")
        if layer == "core" and _within(imp.target, "desktop.sync", "desktop.documents",
                                       "desktop.ui", "desktop.cli"):
            bad.append(f"core reaches up: {_where(imp)}")
        if layer in ("sync", "documents") and _within(imp.target, "desktop.ui", "desktop.cli"):
            bad.append(f"{layer} reaches up: {_where(imp)}")
        if (layer in ("ui", "cli") and _within(imp.target, "desktop.sync")
                and imp.target not in ("desktop.sync", "desktop.sync.api")):
            bad.append(f"{layer} past the sync front door (desktop.sync.api): {_where(imp)}")
    return bad


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (the graph has hundreds of modules)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, ())))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))
    return components


def cycles(imports: list[Import], allowed: set[frozenset[str]],
           modules: Iterable[str] = MODULES) -> list[list[str]]:
    """The circles of the module graph, apart from ``if TYPE_CHECKING:`` imports and the
    allowed pairs."""
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for imp in imports:
        if imp.type_checking or imp.target not in graph or imp.target == imp.source:
            continue
        if frozenset((imp.source, imp.target)) in allowed:
            continue
        graph[imp.source].add(imp.target)
    return [c for c in strongly_connected(graph) if len(c) > 1]


def test_the_checker_sees_imports_inside_functions_and_type_checking_blocks() -> None:
    """The parser itself: a lazy import counts, a TYPE_CHECKING one is marked."""
    found = imports_in("desktop.core.example", (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from desktop.ui.app import run\n"
        "def f():\n"
        "    from desktop.documents import pdf\n"
        "    import PySide6.QtCore\n"))
    assert {(i.target, i.type_checking) for i in found} >= {
        ("desktop.ui.app", True), ("desktop.documents.pdf", False), ("PySide6.QtCore", False)}
    assert len(layer_violations(found)) == 3


def test_a_circle_is_found_and_an_allowed_pair_is_not_one() -> None:
    imports = [Import("desktop.core.a", "desktop.core.b", 1, False),
               Import("desktop.core.b", "desktop.core.c", 1, False),
               Import("desktop.core.c", "desktop.core.a", 1, False),
               Import("desktop.core.models.x", "desktop.core.models.y", 1, False),
               Import("desktop.core.models.y", "desktop.core.models.x", 1, False),
               Import("desktop.core.d", "desktop.core.e", 1, False),
               Import("desktop.core.e", "desktop.core.d", 1, True)]
    pairs = {frozenset(("desktop.core.models.x", "desktop.core.models.y"))}
    modules = {i.source for i in imports}
    assert cycles(imports, pairs, modules) == [["desktop.core.a", "desktop.core.b",
                                                 "desktop.core.c"]]
    assert len(cycles(imports, set(), modules)) == 2  # the ORM pair counts when not allowed


def test_each_layer_rule_fires() -> None:
    """One wrong arrow per rule, each reported; the sync front door itself is allowed."""
    arrows = [("desktop.sync.engine", "desktop.ui.tasks"),
              ("desktop.documents.pdf", "desktop.cli.common"),
              ("desktop.cli.sync", "desktop.sync.engine"),
              ("desktop.ui.sync.page", "desktop.sync.conflicts"),
              ("desktop.core.desk", "desktop.sync.api"),
              ("desktop.sync.engine", "shiboken6")]
    bad = layer_violations([Import(a, b, 1, False) for a, b in arrows])
    assert len(bad) == len(arrows), bad
    fine = [("desktop.ui.sync.page", "desktop.sync.api"), ("desktop.cli.sync", "desktop.sync"),
            ("desktop.documents.pdf", "desktop.core.i18n"), ("desktop.ui.app", "PySide6"),
            ("desktop.sync.engine", "desktop.core.desk"), ("desktop.cli.export",
                                                          "desktop.documents.list_export")]
    assert layer_violations([Import(a, b, 1, False) for a, b in fine]) == []


def private_imports(module: str, text: str) -> list[str]:
    """``from desktop.x import _name``: a private name taken from another module."""
    found = []
    for node in ast.walk(ast.parse(text, module)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop"):
            found += [f"{module} (line {node.lineno}) imports {node.module}.{a.name}"
                      for a in node.names
                      if a.name.startswith("_") and not a.name.endswith("__")]
    return found


def test_the_cli_modules_share_only_public_names() -> None:
    """What the command groups share lives in desktop.cli.common, public: a command module
    taking ``_desk`` or ``_parse_filters`` from another made the CLI a circle."""
    assert private_imports("desktop.cli.x", "from desktop.cli.entry import _parser\n")
    bad = [line for module, path in MODULES.items() if _layer(module) == "cli"
           for line in private_imports(module, path.read_text(encoding="utf-8"))]
    assert not bad, "\n".join(bad)


def test_every_module_was_read() -> None:
    assert "desktop.core.desk" in MODULES and "desktop.ui.app" in MODULES
    assert len(ALL_IMPORTS) > 500


def test_no_import_points_up_a_layer() -> None:
    """Qt only in ui; core imports no sync/documents/ui/cli; sync and documents no ui/cli;
    ui and cli use sync only through desktop.sync.api."""
    bad = layer_violations(ALL_IMPORTS)
    assert not bad, "\n".join(bad)


def test_no_import_circle_between_modules() -> None:
    """No circle but the listed ORM relationship pairs: a circle makes the import order
    matter and the two modules one unit in all but name."""
    found = cycles(ALL_IMPORTS, ORM_RELATIONSHIP_PAIRS)
    assert not found, "\n".join(" -> ".join(c) for c in found)


def test_each_allowed_pair_is_still_a_pair_of_models() -> None:
    """An allowed pair that no longer imports both ways is dropped from the list."""
    arrows = {(i.source, i.target) for i in ALL_IMPORTS if not i.type_checking}
    for pair in ORM_RELATIONSHIP_PAIRS:
        first, second = sorted(pair)
        assert first.startswith("desktop.core.models.") and second.startswith(
            "desktop.core.models."), pair
        assert (first, second) in arrows and (second, first) in arrows, pair
