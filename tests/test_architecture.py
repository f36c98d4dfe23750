"""The layering the README's architecture section promises, checked on the source.

Every import counts, also those inside functions: a lazy import is still a
dependency, and a cycle hidden in a function is still a cycle.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["yanxi_site", "core", "home", "tourism", "education", "search", "api", "benchmarks"]
CONTENT_APPS = {"home", "tourism", "education", "search", "api"}


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


MODULES = {module_name(path): path for path in source_files()}


def imported_modules(name, path):
    """First-party modules that `name` imports, anywhere in its body."""
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES:
                    yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            for alias in node.names:
                # `from package import module` depends on the module itself.
                submodule = f"{target}.{alias.name}"
                if submodule in MODULES:
                    yield submodule
                elif target in MODULES:
                    yield target


GRAPH = {name: set(imported_modules(name, path)) - {name} for name, path in MODULES.items()}


def find_cycle(graph):
    """One import cycle as a list of modules, or None."""
    state = {}
    stack = []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return stack[stack.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_modules_are_found():
    assert {"core.seo", "education.models.sessions", "tourism.models.routes"} <= MODULES.keys()
    assert "core.seo" in GRAPH["tourism.models.routes"]


def test_the_import_graph_has_no_cycles():
    cycle = find_cycle(GRAPH)
    assert cycle is None, " → ".join(cycle)


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_core_depends_on_no_content_app():
    offending = {
        f"{name} → {target}"
        for name, targets in GRAPH.items()
        if name.split(".")[0] == "core"
        for target in targets
        if target.split(".")[0] in CONTENT_APPS
    }
    assert not offending


def test_only_the_url_configuration_imports_the_api():
    importers = {
        name
        for name, targets in GRAPH.items()
        if name.split(".")[0] != "api"
        for target in targets
        if target.split(".")[0] == "api"
    }
    assert importers == {"yanxi_site.urls"}


def test_no_star_imports_and_no_swallowed_import_errors():
    offending = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text())):
            star = isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names)
            if star and ".settings" not in f".{name}":
                offending.append(f"{name}: import *")
            caught = isinstance(node, ast.ExceptHandler) and isinstance(node.type, ast.Name)
            if caught and node.type.id in {"ImportError", "ModuleNotFoundError"}:
                offending.append(f"{name}: except {node.type.id}")
    assert not offending
