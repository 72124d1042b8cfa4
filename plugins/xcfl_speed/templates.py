"""The context variables a template can read, through everything it extends,
includes or imports (Jinja's own static analysis)."""

from jinja2 import meta

_names = {}


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
    for child in meta.find_referenced_templates(tree):
        if child is None:  # a computed name ("partials/x-" ~ kind): could be any
            children = environment.list_templates()
        else:
            children = [child]
        for other in children:
            if other not in seen and other.endswith(".html"):
                names |= _collect(environment, other, seen)
    return names


def forget():
    _names.clear()
