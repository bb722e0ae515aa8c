"""The organisation-scope lint catches an unscoped query and passes a scoped one."""

import importlib.util
from pathlib import Path

spec = importlib.util.spec_from_file_location(
    "lint_org_scope", Path(__file__).resolve().parents[1] / "scripts" / "lint_org_scope.py"
)
lint = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lint)


def test_unscoped_query_is_reported(tmp_path):
    module = tmp_path / "views.py"
    module.write_text("def v(request):\n    return ProblemReport.objects.filter(status='open')\n")

    assert len(list(lint.violations(module))) == 1


def test_scoped_query_passes(tmp_path):
    module = tmp_path / "views.py"
    module.write_text(
        "def v(request, org):\n    return ProblemReport.objects.for_organisation(org).filter(status='open')\n"
    )

    assert list(lint.violations(module)) == []


def test_the_project_passes_the_lint():
    assert lint.main() == 0
