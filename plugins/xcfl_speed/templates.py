"""The context variables a template can read, through everything it extends,
includes or imports (Jinja's own static analysis)."""

from jinja2 import meta, nodes

_names = {}
REFERENCES = (nodes.Extends, nodes.FromImport, nodes.Import, nodes.Include)


def referenced_names(environment, name):
    """Top-level names the template `name` and its sub-templates read."""
    if name not in _names:
        _names[name] = _collect(environment, name, set())
    return _names[name]


def _collect(environment, name, seen):
    seen.add(name)
    source, _, _ = environment.loader.get_source(environment, name)
    tree = environment.parse(source)
    names = set(meta.find_undeclared_variables(tree))
    for other in _children(environment, tree):
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
