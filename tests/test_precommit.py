"""The CI integrations shipped with the repository: the pre-commit hooks and the GitHub Action."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from identify.identify import ALL_TAGS
from pre_commit.clientlib import load_manifest
from typer.testing import CliRunner

from citecheck.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _hooks() -> dict[str, dict[str, Any]]:
    return {hook["id"]: hook for hook in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}


def test_manifest_loads_with_pre_commits_own_loader() -> None:
    hooks = _hooks()
    assert sorted(hooks) == ["citecheck", "citecheck-links"]
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert set(hook["types_or"]) == {"markdown", "html", "plain-text"}
        assert set(hook["types_or"]) <= ALL_TAGS
    assert hooks["citecheck"]["stages"] == []  # every stage
    assert hooks["citecheck-links"]["stages"] == ["manual"]
    assert hooks["citecheck-links"]["entry"] == "citecheck links --links live"


@pytest.mark.parametrize("hook_id", ["citecheck", "citecheck-links"])
def test_hook_entries_are_real_commands(hook_id: str) -> None:
    program, *args = shlex.split(_hooks()[hook_id]["entry"])
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts[program] == "citecheck.cli:main"
    result = CliRunner().invoke(app, [*args, "--help"])  # unknown options would fail to parse
    assert result.exit_code == 0, result.output


def _action() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_action_is_a_composite_action_with_the_documented_interface() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert {"paths", "format", "args", "fail-on"} <= set(action["inputs"])
    assert {"sarif-file", "exit-code"} <= set(action["outputs"])
    steps = action["runs"]["steps"]
    assert all("shell" in step for step in steps if "run" in step)
    install = next(step for step in steps if "pip install" in step.get("run", ""))
    assert '"${{ github.action_path }}"' in install["run"]
    run = next(step for step in steps if step.get("id") == "run")
    assert "${{" not in run["run"]  # inputs come through env, never spliced into the script
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert "github/codeql-action/upload-sarif" in docs and "steps.citecheck.outputs.sarif-file" in docs


def _run_action(tmp_path: Path, fmt: str, args: str = "",
                summary: bool = True) -> tuple[int, dict[str, str], str, str]:
    """Run the action's main step the way the runner would (bash, inputs in the environment)."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not available")
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / "citecheck.toml").write_text('[links]\nmode = "off"\n[names]\nlexicon = false\n',
                                            encoding="utf-8")
    (project / "docs").mkdir()
    (project / "docs" / "a.md").write_text("In March 1939 the British cabinet offered Poland a guarantee.\n",
                                           encoding="utf-8")
    output, summary_file, temp = tmp_path / "output", tmp_path / "summary.md", tmp_path / "runner-temp"
    temp.mkdir()
    script = next(step for step in _action()["runs"]["steps"] if step.get("id") == "run")["run"]
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
               GITHUB_OUTPUT=str(output), GITHUB_STEP_SUMMARY=str(summary_file), RUNNER_TEMP=str(temp),
               CITECHECK_PATHS="docs", CITECHECK_FORMAT=fmt, CITECHECK_FAIL_ON="warning", CITECHECK_ARGS=args,
               CITECHECK_SUMMARY="true" if summary else "false")
    proc = subprocess.run(["bash", "-c", script], cwd=project, env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    written = summary_file.read_text(encoding="utf-8") if summary_file.exists() else ""
    return proc.returncode, outputs, proc.stdout, written


def test_action_writes_sarif_and_the_step_summary(tmp_path: Path) -> None:
    code, outputs, _stdout, summary = _run_action(tmp_path, "sarif")
    assert code == 1  # an unsupported claim at warning severity
    assert outputs["exit-code"] == "1"
    sarif = json.loads(Path(outputs["sarif-file"]).read_text(encoding="utf-8"))
    [result] = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/a.md"
    assert summary.startswith("## citecheck") and "CC301" in summary


def test_action_annotations_and_extra_args(tmp_path: Path) -> None:
    code, outputs, stdout, summary = _run_action(tmp_path, "github", args="--ignore CC3", summary=False)
    assert (code, outputs["exit-code"], stdout, summary) == (0, "0", "", "")
    code, _outputs, stdout, _summary = _run_action(tmp_path / "again", "github", summary=False)
    assert code == 1
    assert stdout.startswith("::warning file=docs/a.md,line=1,")
