"""Lint: views and API modules reach personal data only through the current organisation.

Any `Model.objects...` chain on a model listed in PERSONAL_DATA_MODELS, in a views/api/presenters
module, must call `.for_organisation(` in the same chain. Run by `make check` (and so by CI).
"""

import ast
import sys
from pathlib import Path

PERSONAL_DATA_MODELS = {"ProblemReport", "ListingEdit", "Membership", "Invitation"}
CHECKED_MODULES = ("views.py", "api.py", "presenters.py")
ROOT = Path(__file__).resolve().parent.parent / "righthelp"


def chain_names(node):
    """Attribute and call names along a chain like Model.objects.for_organisation(o).filter()."""
    names = []
    while isinstance(node, ast.Attribute | ast.Call):
        if isinstance(node, ast.Call):
            node = node.func
            continue
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
    return list(reversed(names))


def violations(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr == "objects"):
            continue
        if not (isinstance(node.value, ast.Name) and node.value.id in PERSONAL_DATA_MODELS):
            continue
        top = node
        while isinstance(parents.get(top), ast.Attribute | ast.Call):
            top = parents[top]
        if "for_organisation" not in chain_names(top):
            yield f"{path}:{node.lineno}: {node.value.id}.objects used without .for_organisation(...)"


def main():
    files = [p for p in ROOT.rglob("*.py") if p.name in CHECKED_MODULES or p.parent.name in {"views", "api"}]
    found = [v for p in files for v in violations(p)]
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} organisation-scope violation(s): personal data goes through the organisation.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
