"""The context variables a template can read, through everything it extends,
includes or imports (Jinja's own static analysis)."""

from jinja2 import meta, nodes

_names = {}  # template -> names read by it and everything it pulls in
_own = {}  # template -> (names it reads itself, templates it refers to): parse once
REFERENCES = (nodes.Extends, nodes.FromImport, nodes.Import, nodes.Include)


def referenced_names(environment, name):
    """Top-level names the template `name` and its sub-templates read."""
    if name not in _names:
        _names[name] = _collect(environment, name, set())
    return _names[name]


def _collect(environment, name, seen):
    seen.add(name)
    if name not in _own:
        source, _, _ = environment.loader.get_source(environment, name)
        tree = environment.parse(source)
        _own[name] = (set(meta.find_undeclared_variables(tree)), _children(environment, tree))
    names, children = _own[name]
    names = set(names)
    for other in children:
        if other not in seen:
            names |= _collect(environment, other, seen)
    return names


def _children(environment, tree):
    """Names of the templates `tree` refers to; for a computed name
    ("partials/record-facts-" ~ kind) every template it could be."""
    found = set()
    for node in tree.find_all(REFERENCES):
        target = node.template
        if isinstance(target, nodes.Const) and isinstance(target.value, str):
            found.add(target.value)
            continue
        prefix = ""
        while isinstance(target, (nodes.Concat, nodes.Add)):
            target = target.nodes[0] if isinstance(target, nodes.Concat) else target.left
        if isinstance(target, nodes.Const) and isinstance(target.value, str):
            prefix = target.value
        found |= {t for t in environment.list_templates() if t.startswith(prefix)}
    return sorted(found)


def forget():
    """At the start of a build: `make serve` may have changed a template."""
    _names.clear()
    _own.clear()
