"""sitrep's command line: thin — parses arguments, calls the service, prints.

JSON Lines go to standard output (``--jsonl``); progress, warnings and errors to standard error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

app = typer.Typer(
    name="sitrep",
    help="Turn raw news into a sourced record of who did what to whom, who claims what, and who denies it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
DEFAULT_DB = "sitrep.db"


class AsKind(str, Enum):
    auto = "auto"
    html = "html"
    text = "text"


def _emit(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _progress(total: int | None, label: str):  # type: ignore[no-untyped-def]
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                    transient=True, disable=not err.is_terminal)


def _check_paths(paths: list[str]) -> None:
    missing = [p for p in paths if p != "-" and "://" not in p and not Path(p).exists()]
    for p in missing:
        err.print(f"[yellow]warning[/]: {p}: no such file or directory (skipped)")


PathsArg = Annotated[list[str], typer.Argument(help="files, directories (walked recursively), URLs, or - for stdin")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, help="worker processes")]
AsOpt = Annotated[AsKind, typer.Option("--as", help="force the input kind of single-page files")]
JsonlOpt = Annotated[bool, typer.Option("--jsonl", help="JSON Lines on standard output")]
DbOpt = Annotated[str, typer.Option("--db", help="SQLite file path, or a postgresql:// URL", envvar="SITREP_DB")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", help="refuse single inputs larger than this")]


@app.command()
def extract(
    paths: PathsArg,
    jsonl: JsonlOpt = False,
    as_: AsOpt = AsKind.auto,
    jobs: JobsOpt = 1,
    max_bytes: MaxBytesOpt = 25 * 1024 * 1024,
) -> None:
    """Extract articles (body, title, authors, date, outlet, language) and print them; store nothing."""
    from sitrep.pipeline import extract_paths

    _check_paths(paths)
    n = errors = 0
    with _progress(None, "extract") as prog:
        task = prog.add_task("extract", total=None)
        for art in extract_paths(paths, as_.value, jobs, max_bytes):  # type: ignore[arg-type]
            n += 1
            if art.error:
                errors += 1
                err.print(f"[red]error[/]: {art.error}", highlight=False, soft_wrap=True)
            if jsonl:
                _emit(art.contract())
            else:
                _print_article_line(art)
            prog.advance(task)
    err.print(f"{n} documents, {errors} errors", highlight=False)


def _print_article_line(art: Any) -> None:
    from rich.markup import escape

    out = Console()
    if art.error:
        out.print(f"[red]✗[/] {escape(art.source)}  {escape(art.error)}", highlight=False, soft_wrap=True)
        return
    words = len(art.body.split())
    date = (art.published or "")[:16] or "—"
    out.print(f"[green]✓[/] {escape(art.source)}\n   [bold]{escape(art.title or '(no title)')}[/]  "
              f"{date}  {escape(', '.join(art.authors) or '')}  {escape(art.outlet or '')}  "
              f"{art.language or ''}  {words} words", highlight=False, soft_wrap=True)


def _read_jsonl(path: str) -> Iterator[dict[str, Any]]:
    fh = sys.stdin if path == "-" else open(path, encoding="utf-8")
    try:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise typer.BadParameter(f"{path}: line {i} is not valid JSON ({e.msg})") from None
            yield obj
    finally:
        if fh is not sys.stdin:
            fh.close()


@app.command()
def analyze(
    file: Annotated[str, typer.Argument(help="JSON Lines of {id, text[, title, published, url, outlet]}, or -")],
    jsonl: JsonlOpt = False,
    jobs: JobsOpt = 1,
    actors: Annotated[str | None, typer.Option("--actors", help="YAML file that extends the actor gazetteer")]
    = None,
) -> None:
    """Find actors, PLOVER events and attributed claims in texts given as JSON Lines."""
    from sitrep.analyze import AnalyzeInput, analyze_texts

    if file != "-" and not Path(file).exists():
        err.print(f"[red]error[/]: {file}: no such file")
        raise typer.Exit(2)

    def docs() -> Iterable[AnalyzeInput]:
        for i, obj in enumerate(_read_jsonl(file)):
            obj.setdefault("id", str(i))
            obj["id"] = str(obj["id"])
            obj["text"] = obj.get("text") or ""
            yield AnalyzeInput.model_validate({k: obj.get(k) for k in AnalyzeInput.model_fields})

    for res in analyze_texts(docs(), jobs=jobs, actors_file=actors):
        if jsonl:
            _emit(res.contract())
        else:
            Console().print_json(json.dumps(res.contract(), ensure_ascii=False))


@app.command()
def stance(
    file: Annotated[str, typer.Argument(help="JSON Lines of {id, claim, text}, or -")],
    jsonl: JsonlOpt = False,
) -> None:
    """The stance of each text toward its claim: supports, denies, reports or unrelated."""
    from sitrep.link.stance import stance_batch

    if file != "-" and not Path(file).exists():
        err.print(f"[red]error[/]: {file}: no such file")
        raise typer.Exit(2)
    rows = list(_read_jsonl(file))
    results = stance_batch((str(r.get("claim") or ""), str(r.get("text") or "")) for r in rows)
    for r, (label, score) in zip(rows, results, strict=True):
        obj = {"id": r.get("id"), "stance": label, "score": round(float(score), 4)}
        if jsonl:
            _emit(obj)
        else:
            print(f"{obj['id']}\t{label}\t{obj['score']}")


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `sitrep ... | head`
        sys.stderr.close()
        sys.exit(0)


if __name__ == "__main__":
    main()
