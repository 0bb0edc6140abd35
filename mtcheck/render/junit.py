"""JUnit XML: one test suite per file, one test case per check that ran on it (a check
that was off, or lacked what it needs, such as a source or a back-translation, is not listed).

CI systems (GitLab, Jenkins, Azure) show a failed case for each check that found
something at or above ``--fail-on``; lesser findings are listed in ``system-out``.
"""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from mtcheck.registry import RENDERERS
from mtcheck.render.annotations import one_line
from mtcheck.render.base import RenderOptions
from mtcheck.types import Finding, Report


def _line(f: Finding) -> str:
    unit = f" [{one_line(f.location.unit_id)}]" if f.location.unit_id else ""
    return f"{f.location.path}:{f.location.line}:{f.location.column}{unit} {f.severity}: {one_line(f.message)}"


@RENDERERS.register("junit")
def render_junit(report: Report, options: RenderOptions) -> str:
    by_file: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for f in report.findings:
        by_file[f.location.path or "<stdin>"][f.check].append(f)
    paths = list(dict.fromkeys([d.path or "<stdin>" for d in report.documents] + list(by_file)))
    ran = report.details.get("checks_run", {})
    root = ET.Element("testsuites", name="mtcheck")
    total_tests = total_failures = 0
    for path in paths:
        found = by_file.get(path, {})
        ids = list(dict.fromkeys([*ran.get("" if path == "<stdin>" else path, ()), *found]))
        suite = ET.SubElement(root, "testsuite", name=path)
        failures = 0
        for check_id in ids:
            case = ET.SubElement(suite, "testcase", name=check_id, classname=path)
            findings = found.get(check_id, [])
            failing = [f for f in findings if options.fail_on is not None and f.severity >= options.fail_on]
            if failing:
                failures += 1
                failure = ET.SubElement(case, "failure", message=f"{len(failing)} finding(s)", type=check_id)
                failure.text = "\n".join(_line(f) for f in failing)
            rest = [f for f in findings if f not in failing]
            if rest:
                ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in rest)
        suite.set("tests", str(len(ids)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += len(ids)
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
