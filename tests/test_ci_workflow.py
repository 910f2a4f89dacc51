"""The CI workflow regenerates the graphs when articles change and reports what changed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "graphs.yml"


def test_ci_workflow_runs_on_article_changes_and_publishes() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = flow[True]  # YAML reads the key `on` as True
    assert triggers["push"]["paths"] == ["data/raw/**"] and triggers["pull_request"]["paths"] == ["data/raw/**"]
    steps = flow["jobs"]["build"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "make build" in runs and "qpgraph diff" in runs and "gh pr comment" in runs
    # The last build restored whole: its store, and the site the next build takes from.
    assert [step["with"]["path"] for step in steps if step.get("uses", "").startswith("actions/cache")] == ["build"]
    uploads = [step["with"]["path"] for step in steps if step.get("uses", "").startswith("actions/upload-artifact")]
    assert uploads[0] == "build/site"
    assert "build/parquet" in uploads[1].split() and "build/qpgraph.sqlite" in uploads[1].split()
    # make build exports from the store after the build
    make = (WORKFLOW.parents[2] / "Makefile").read_text(encoding="utf-8")
    assert "\t$(BIN)/qpgraph build $(RAW) --out $(OUT)\n\t$(BIN)/qpgraph export --build $(OUT)\n" in make


def test_make_alone_prints_the_targets_and_runs_nothing() -> None:
    root = WORKFLOW.parents[2]
    done = subprocess.run(["make", "--no-print-directory"], cwd=root, capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    assert lines[0].startswith("qpgraph: make TARGET")
    assert [line.split()[0] for line in lines[1:]] == ["help", "build", "test", "eval", "notebook", "bench", "clean"]
    # Building needs no browser and no test package; only the tests install them.
    planned = subprocess.run(["make", "-n", "-B", "build"], cwd=root, capture_output=True, text=True, check=True).stdout
    assert "chromium" not in planned and ".[ftm,test]" not in planned and "pip install --quiet -e '.[ftm]'" in planned
