"""The command line: a thin layer over :mod:`qpgraph.corpus`.

Library errors become one clear line on standard error and a non-zero exit.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .errors import QpgraphError
from .version import __version__

if TYPE_CHECKING:
    from .corpus import CorpusResult

# Each command imports what it needs when it runs: `qpgraph --help` imports no more
# than click (spaCy, which only extraction needs, takes most of a second).

__all__ = ["main"]

#: The judgements file `qpgraph build` applies when none is named (relative to where it runs).
JUDGEMENTS = Path("data") / "judgements.yaml"


def articles(n: int) -> str:
    """``n`` article(s), in words.

    >>> articles(1), articles(0), articles(10000)
    ('1 article', '0 articles', '10,000 articles')
    """
    return f"{n:,} article" + ("" if n == 1 else "s")


def _report_errors(result: CorpusResult) -> None:
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    for error in result.errors:
        click.echo(f"error: {error}", err=True)


@click.group()
@click.version_option(__version__, prog_name="qpgraph")
def main() -> None:
    """qpgraph: Vietnamese defence and party news into a knowledge graph."""


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for <id>.json.")
@click.option("--records", is_flag=True, help="Write the full records with evidence instead of the facts.")
def extract_command(paths: tuple[Path, ...], out: Path, records: bool) -> None:
    """Extract the facts of every article in PATHS (files or folders) into OUT/<id>.json."""
    from .corpus import extract_corpus, write_corpus

    result = extract_corpus(paths)
    write_corpus(result.records, out, full=records)
    _report_errors(result)
    click.echo(f"{articles(len(result.records))} extracted into {out}, {len(result.errors)} failed", err=True)
    sys.exit(1 if result.errors else 0)


@main.command("build")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", default=Path("build"), show_default=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes extracting in parallel (default: the machine's cores).")
@click.option("--dask-scheduler", metavar="ADDRESS", default=None,
              help="Extract on the Dask cluster whose scheduler is at ADDRESS (needs qpgraph[dask]).")
@click.option("--clean", is_flag=True, help="Extract every article again (the build's store is made anew).")
@click.option("--progress/--no-progress", "show_progress", default=True, show_default=True,
              help="A bar on a terminal, log lines elsewhere.")
@click.option("--judgements", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=f"The analysts' decisions of who is whom [default: {JUDGEMENTS} when there is one].")
def build_command(
    paths: tuple[Path, ...], out: Path, jobs: int | None, dask_scheduler: str | None, clean: bool, show_progress: bool,
    judgements: Path | None,
) -> None:
    """Build everything from the articles in PATHS into OUT: the store (qpgraph.sqlite:
    records, graph, tenures, search index), facts/ and records/ per article, and site/,
    the offline HTML site an analyst opens in a browser (`qpgraph export` then writes
    the graph's formats from the store)."""
    from .corpus import build
    from .errors import JudgementError
    from .store.db import StoreError

    if judgements is None and JUDGEMENTS.is_file():
        judgements = JUDGEMENTS
    try:
        result = build(paths, out, jobs=jobs or os.cpu_count() or 1, incremental=not clean, report=show_progress,
                       dask_scheduler=dask_scheduler, judgements=judgements)
    except (JudgementError, StoreError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    _report_errors(result)
    click.echo(f"{articles(len(result.records))} built into {out}, {len(result.errors)} failed; "
               f"open {out / 'site' / 'index.html'} in a browser", err=True)
    sys.exit(1 if result.errors else 0)


@main.command("diff")
@click.argument("old", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, file_okay=False, path_type=Path))
def diff_command(old: Path, new: Path) -> None:
    """Print in Markdown what the build NEW says that the build OLD did not: new persons and
    units, new or changed posts (leadership changes called out), promotions, new meetings."""
    from .graph.changes import change_report
    from .graph.io import load

    try:
        click.echo(change_report(load(old), load(new)), nl=False)
    except QpgraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


#: The formats of ``qpgraph export`` (``qpgraph.export.FORMATS``), named here so that
#: ``--help`` does not import the exporters.
EXPORT_FORMATS = ("json", "graphml", "gexf", "neo4j", "tenures", "parquet", "ftm")


@main.command("export")
@click.argument("formats", nargs=-1, metavar="[FORMAT]...", type=click.Choice(EXPORT_FORMATS))
@click.option("--build", "build_dir", default=Path("build"), show_default=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path), help="The build whose store is read.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where the files go [default: the build folder].")
def export_command(formats: tuple[str, ...], build_dir: Path, out: Path | None) -> None:
    """Write the graph of a build from its store, in each FORMAT (all of them if none):
    json (graph.json, networkx node-link), graphml, gexf (dynamic, with dates), neo4j
    (import CSV), tenures (tenures.csv), parquet (parquet/: nodes, edges, tenures,
    sentences) and ftm (entities.ftm.json, FollowTheMoney entities; needs
    qpgraph[ftm])."""
    from .export import export_build, missing

    for name, how in missing().items():
        if not formats:
            click.echo(f"{name}: skipped, {how}", err=True)
    try:
        written = export_build(build_dir, out or build_dir, formats or None)
    except QpgraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"{len(written)} exports written into {out or build_dir}: {', '.join(p.name for p in written)}", err=True)


@main.command("candidates")
@click.argument("build_dir", metavar="BUILD", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the pairs as JSON.")
def candidates_command(build_dir: Path, as_json: bool) -> None:
    """List the pairs of persons of BUILD an analyst should look at (one name kept apart,
    names that differ in their marks, or in the family name within one article), each
    with a sentence of both and the line to add to data/judgements.yaml."""
    from .graph.candidates import candidates, format_candidates
    from .graph.io import load
    from .graph.judgements import read_applied

    try:
        found = candidates(load(build_dir), read_applied(build_dir))
    except QpgraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps([c.model_dump(mode="json") for c in found], ensure_ascii=False, indent=2))
    else:
        click.echo(format_candidates(found), nl=False)


@main.command("eval-graph")
@click.argument("build_dir", metavar="BUILD", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the score as JSON.")
def eval_graph_command(build_dir: Path, gold: Path, as_json: bool) -> None:
    """Score the graph of BUILD against gold annotations: persons printed in two or more
    articles (one node, split, wrongly merged, rank now) and who holds each heading or
    single title (leaders and succession)."""
    from .evaluate.graph import format_graph_score, score_graph
    from .evaluate.score import load_facts_dir
    from .graph.io import load
    from .graph.judgements import read_applied

    try:
        found = score_graph(load(build_dir), load_facts_dir(gold), read_applied(build_dir))
    except QpgraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(found.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        click.echo(format_graph_score(found), nl=False)


@main.command("eval")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--raw", required=True, multiple=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--no-baseline", is_flag=True, help="Skip the underthesea ner() baseline.")
@click.option("--only", multiple=True, metavar="ID_OR_GLOB",
              help="Score only these articles: ids or globs of ids ('batch-*'); repeatable.")
@click.option("--explain", "show_misses", is_flag=True,
              help="Also print, per article, the gold facts missed and the predictions counted false.")
def eval_command(
    gold: Path, raw: tuple[Path, ...], as_json: bool, no_baseline: bool, only: tuple[str, ...], show_misses: bool
) -> None:
    """Score extraction against gold annotations: P/R/F1 per fact kind, and the baseline's."""
    from .corpus import evaluate_corpus
    from .evaluate import format_misses, format_table

    try:
        report = evaluate_corpus(gold, raw, baseline=not no_baseline, only=only)
    except QpgraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if as_json:
        dumped = report.model_dump(mode="json", exclude=None if show_misses else {"explained"})
        click.echo(json.dumps(dumped, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(report.qpgraph, "qpgraph"))
        if report.baseline is not None:
            click.echo("")
            click.echo(format_table(report.baseline, "baseline: underthesea ner()"))
        if show_misses:
            click.echo(format_misses(report.explained))
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    sys.exit(1 if report.errors else 0)


def os_error(error: OSError) -> str:
    """An error of the system in one line: the path, and what is wrong.

    >>> import errno
    >>> os_error(OSError(errno.ENOSPC, "No space left on device", "build/graph.json"))
    'build/graph.json: No space left on device'
    """
    where = error.filename if error.filename is not None else ""
    what = error.strerror or str(error)
    return str(QpgraphError(what, where or None))


def run() -> None:
    """The ``qpgraph`` command: :func:`main`, then an exit that leaves the memory of a
    build to the system (freeing gigabytes of records and graph object by object takes
    seconds at corpus scale), as mypy exits; streams are flushed first, every file is
    already written and closed. An error of the system (a disk full, a permission, a
    name too long) is one line naming the path, and exit status 1: what was being
    written is not there (every file is written atomically)."""
    try:
        main()
        code: int = 0
    except OSError as error:
        print(f"error: {os_error(error)}", file=sys.stderr)
        code = 1
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            code = done.code or 0
        else:
            print(done.code, file=sys.stderr)
            code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
