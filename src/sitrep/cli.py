"""sitrep's command line: thin — parses arguments, calls the service, prints.

JSON Lines go to standard output (``--jsonl``); progress, warnings and errors to standard error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
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


class AsKind(StrEnum):
    auto = "auto"
    html = "html"
    text = "text"


def _emit(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _progress(total: int | None, label: str):
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
        for art in extract_paths(paths, as_.value, jobs, max_bytes):
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

    _check_actors_file(actors)
    for res in analyze_texts(docs(), jobs=jobs, actors_file=actors):
        if jsonl:
            _emit(res.contract())
        else:
            Console().print_json(json.dumps(res.contract(), ensure_ascii=False))


def _check_actors_file(path: str | None) -> None:
    """Load a user gazetteer up front, so that a bad file is one clear error, not a traceback later."""
    if not path:
        return
    from sitrep.analyze.actors import ActorsFileError, load_gazetteer

    try:
        load_gazetteer(path)
    except ActorsFileError as e:
        err.print(f"[red]error[/]: {e}", highlight=False)
        raise typer.Exit(2) from None


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


def _open(db: str):
    from sitrep.store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as e:
        err.print(f"[red]error[/]: {e}", highlight=False)
        raise typer.Exit(2) from None


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = DEFAULT_DB,
    as_: AsOpt = AsKind.auto,
    jobs: JobsOpt = 1,
    max_bytes: MaxBytesOpt = 25 * 1024 * 1024,
    no_analyze: Annotated[bool, typer.Option("--no-analyze", help="store articles only, skip the analysis")]
    = False,
    actors: Annotated[str | None, typer.Option("--actors", help="YAML file that extends the actor gazetteer")]
    = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no per-input error lines")] = False,
) -> None:
    """Extract, analyse and store articles (idempotent: the same input twice changes nothing)."""
    from rich.markup import escape

    from sitrep.service import ingest as run_ingest
    from sitrep.store import StoreError

    _check_paths(paths)
    _check_actors_file(actors)
    store = _open(db)
    shown = 0

    with _progress(None, "ingest") as prog:
        task = prog.add_task("ingest", total=None)

        def on_progress(rep):
            nonlocal shown
            prog.update(task, completed=rep.seen)
            if not quiet:
                for e in rep.errors[shown:]:
                    err.print(f"[red]error[/]: {escape(e)}", highlight=False, soft_wrap=True)
            shown = len(rep.errors)

        try:
            rep = run_ingest(paths, store, as_.value, jobs, max_bytes, analyze=not no_analyze,
                             actors_file=actors, on_progress=on_progress)
        except StoreError as e:
            err.print(f"[red]error[/]: {e}", highlight=False)
            raise typer.Exit(2) from None
        finally:
            counts = store.counts()
            store.close()
    err.print(rep.summary(), highlight=False)
    err.print(f"store {db}: {counts['articles']} articles, {counts['events']} events, {counts['claims']} claims, "
              f"{counts['errors']} inputs with errors", highlight=False)


@app.command()
def articles(
    db: DbOpt = DEFAULT_DB,
    jsonl: JsonlOpt = False,
    since: Annotated[str | None, typer.Option(help="published on or after (ISO date)")] = None,
    until: Annotated[str | None, typer.Option(help="published before (ISO date)")] = None,
    outlet: Annotated[str | None, typer.Option(help="outlet name contains")] = None,
    language: Annotated[str | None, typer.Option(help="ISO 639-1 code")] = None,
    search: Annotated[str | None, typer.Option("--search", "-s", help="title or body contains")] = None,
    limit: Annotated[int | None, typer.Option(help="at most N")] = None,
) -> None:
    """List stored articles."""
    from rich.table import Table

    with _open(db) as store:
        rows = store.articles(since, until, outlet, language, search, limit)
    if jsonl:
        for r in rows:
            _emit(r)
        return
    t = Table(show_lines=False)
    for col in ("id", "published", "outlet", "title", "authors", "dup"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(r["id"][:10], (r["published"] or "")[:16], r["outlet"] or "", r["title"] or "",
                  ", ".join(r["authors"]), (r["duplicate_of"] or "")[:10])
    Console().print(t)
    err.print(f"{len(rows)} articles")


@app.command()
def errors(db: DbOpt = DEFAULT_DB, jsonl: JsonlOpt = False) -> None:
    """Inputs that could not be read, and why."""
    with _open(db) as store:
        rows = store.errors()
    for r in rows:
        if jsonl:
            _emit(r)
        else:
            print(r["error"] if r["error"].startswith(r["source"]) else f"{r['source']}: {r['error']}")
    err.print(f"{len(rows)} inputs with errors")


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="article id (or its first characters), or its source")],
    db: DbOpt = DEFAULT_DB,
    jsonl: JsonlOpt = False,
    removed: Annotated[bool, typer.Option("--removed/--no-removed", help="show the boilerplate that was cut")]
    = True,
) -> None:
    """One article: metadata, body with its events and claims marked, and what was cut as boilerplate."""
    from sitrep.render import render_article
    from sitrep.store import StoreError

    with _open(db) as store:
        try:
            art = store.get_article(article_id)
        except StoreError as e:
            err.print(f"[red]error[/]: {e}")
            raise typer.Exit(2) from None
        if art is None:
            err.print(f"[red]error[/]: no article {article_id!r} in {db} (see `sitrep articles`)")
            raise typer.Exit(1)
        an = store.analysis(art.id)
        sources = store.sources_of(art.id)
    if jsonl:
        obj = art.model_dump()
        obj.update(an.contract())
        obj["actors"] = [a.model_dump() for a in an.actors]
        obj["sources"] = sources
        _emit(obj)
        return
    render_article(Console(), art, an, sources, show_removed=removed)


@app.command()
def events(
    db: DbOpt = DEFAULT_DB,
    jsonl: JsonlOpt = False,
    actor: Annotated[str | None, typer.Option(help="source or target code, e.g. CHN")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ACCUSE")] = None,
    status: Annotated[str | None, typer.Option(help="asserted, reported, alleged, denied, planned")] = None,
    since: Annotated[str | None, typer.Option(help="event (or article) date on or after")] = None,
    until: Annotated[str | None, typer.Option(help="event (or article) date before")] = None,
    limit: Annotated[int | None, typer.Option(help="at most N")] = None,
) -> None:
    """List stored events with the sentence each comes from."""
    from sitrep.model import Event
    from sitrep.render import event_line

    with _open(db) as store:
        rows = store.events(actor, type_, status, since, until, limit)
    out = Console()
    for r in rows:
        ev = Event.model_validate_json(r["data"])
        evidence = r["body"][ev.start:ev.end]
        if jsonl:
            obj = ev.model_dump()
            obj.update({"article": r["article_id"], "source": r["source"], "published": r["published"],
                        "evidence": evidence})
            _emit(obj)
        else:
            out.print(event_line(ev, r["published"], r["source"], evidence), highlight=False, soft_wrap=True)
    err.print(f"{len(rows)} events")


@app.command()
def claims(
    db: DbOpt = DEFAULT_DB,
    jsonl: JsonlOpt = False,
    actor: Annotated[str | None, typer.Option(help="speaker code or name, e.g. CHN or Guo")] = None,
    stance: Annotated[str | None, typer.Option(help="assert, allege, deny, confirm")] = None,
    source_type: Annotated[str | None, typer.Option(help="named_person, official_body, anonymous, ...")] = None,
    since: Annotated[str | None, typer.Option(help="article date on or after")] = None,
    until: Annotated[str | None, typer.Option(help="article date before")] = None,
    limit: Annotated[int | None, typer.Option(help="at most N")] = None,
) -> None:
    """List stored claims: who said what, with what stance."""
    from sitrep.model import Claim
    from sitrep.render import claim_line

    with _open(db) as store:
        rows = store.claims(actor, stance, source_type, since, until, limit)
    out = Console()
    for r in rows:
        c = Claim.model_validate_json(r["data"])
        if jsonl:
            obj = c.model_dump()
            obj.update({"article": r["article_id"], "source": r["source"], "published": r["published"]})
            _emit(obj)
        else:
            out.print(claim_line(c, r["published"], r["source"]), highlight=False, soft_wrap=True)
    err.print(f"{len(rows)} claims")


@app.command()
def stories(
    db: DbOpt = DEFAULT_DB,
    jsonl: JsonlOpt = False,
    since: Annotated[str | None, typer.Option(help="stories still running on or after this date")] = None,
    until: Annotated[str | None, typer.Option(help="stories that started before this date")] = None,
    actor: Annotated[str | None, typer.Option(help="stories with this actor code, e.g. CHN")] = None,
    min_articles: Annotated[int, typer.Option("--min-articles", help="only stories with at least N articles")] = 1,
    search: Annotated[str | None, typer.Option("--search", "-s", help="title contains")] = None,
) -> None:
    """Stories: articles about the same real-world event, grouped."""
    from rich.table import Table

    with _open(db) as store:
        rows = store.stories(since, until, actor, min_articles, search)
    if jsonl:
        for r in rows:
            _emit({"id": r["id"], "title": r["title"], "articles": r["articles"], "first_seen": r["first_seen"],
                   "last_seen": r["last_seen"]})
        return
    t = Table()
    for col in ("id", "first seen", "last seen", "n", "title"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(r["id"], (r["first_seen"] or "")[:10], (r["last_seen"] or "")[:10], str(r["n_articles"]),
                  r["title"] or "")
    Console().print(t)
    err.print(f"{len(rows)} stories")


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="story id (or its first characters), or one of its articles")],
    db: DbOpt = DEFAULT_DB,
    jsonl: JsonlOpt = False,
) -> None:
    """One story: its articles, events, claims and timeline."""
    from sitrep.render import claim_line, event_line
    from sitrep.store import StoreError

    with _open(db) as store:
        try:
            st = store.get_story(story_id)
        except StoreError as e:
            err.print(f"[red]error[/]: {e}")
            raise typer.Exit(2) from None
        if st is None:
            err.print(f"[red]error[/]: no story {story_id!r} in {db} (see `sitrep stories`)")
            raise typer.Exit(1)
        ids = store.story_article_ids(st["id"])
        arts = [store.get_article(i) for i in ids]
        analyses = {i: store.analysis(i) for i in ids}
        timeline = store.timeline(story=st["id"])
    if jsonl:
        _emit({"id": st["id"], "title": st["title"], "first_seen": st["first_seen"], "last_seen": st["last_seen"],
               "articles": [{"id": a.id, "source": a.source, "title": a.title, "published": a.published,
                             "outlet": a.outlet} for a in arts if a],
               "events": [dict(e.model_dump(), article=i) for i in ids for e in analyses[i].events],
               "claims": [dict(c.model_dump(), article=i) for i in ids for c in analyses[i].claims],
               "timeline": timeline})
        return
    out = Console()
    out.rule(f"[bold]{st['title']}")
    out.print(f"[dim]{st['id']} · {len(arts)} articles · {(st['first_seen'] or '?')[:10]} → "
              f"{(st['last_seen'] or '?')[:10]}[/]")
    for a in arts:
        if a:
            out.print(f"  • {(a.published or '')[:10]:10} {a.outlet or '':20} {a.title or a.source}", highlight=False)
    for a in arts:
        if not a:
            continue
        an = analyses[a.id]
        for ev in an.events:
            out.print(event_line(ev, a.published, a.source, a.body[ev.start:ev.end]), highlight=False,
                      soft_wrap=True)
        for c in an.claims:
            out.print(claim_line(c, a.published, a.source), highlight=False, soft_wrap=True)


def _prop_json(p: dict[str, Any]) -> dict[str, Any]:
    return {"id": p["id"], "statement": p["statement"], "status": p["status"], "articles": p["articles"],
            "claims": [{"source": h["source"], "speaker": h["speaker"], "speaker_code": h["speaker_code"],
                        "stance": h["stance"], "date": h["published"], "source_type": h["source_type"],
                        "independent": h["independent"], "content": h["content"]} for h in p["history"]],
            "first_seen": p["first_seen"], "last_seen": p["last_seen"], "event_key": p["event_key"]}


@app.command()
def propositions(
    db: DbOpt = DEFAULT_DB,
    jsonl: JsonlOpt = False,
    status: Annotated[str | None, typer.Option(help="asserted, alleged, contested, denied, confirmed")] = None,
    min_articles: Annotated[int, typer.Option("--min-articles", help="only those found in at least N articles")] = 1,
    search: Annotated[str | None, typer.Option("--search", "-s", help="statement contains")] = None,
    actor: Annotated[str | None, typer.Option(help="involving this actor code (event or speaker)")] = None,
) -> None:
    """Tracked propositions: claims across articles that state the same thing, with their status."""
    from rich.markup import escape

    with _open(db) as store:
        rows = store.propositions(status, min_articles, search, actor)
    out = Console()
    for p in rows:
        if jsonl:
            _emit(_prop_json(p))
            continue
        stances: dict[str, int] = {}
        for h in p["history"]:
            stances[h["stance"]] = stances.get(h["stance"], 0) + 1
        out.print(f"[bold]{p['id']}[/] [{_status_style(p['status'])}]{p['status']}[/] "
                  f"{escape(p['statement'])}  [dim]{len(p['articles'])} articles, "
                  f"{', '.join(f'{k} {v}' for k, v in stances.items())}[/]", highlight=False, soft_wrap=True)
    err.print(f"{len(rows)} propositions")


def _status_style(status: str) -> str:
    return {"contested": "yellow", "denied": "red", "confirmed": "green", "alleged": "magenta"}.get(status, "cyan")


@app.command()
def proposition(
    prop_id: Annotated[str, typer.Argument(help="proposition id")],
    db: DbOpt = DEFAULT_DB,
    jsonl: JsonlOpt = False,
) -> None:
    """One proposition: its history (who asserted, alleged, denied or confirmed it, when, where)."""
    from rich.markup import escape

    with _open(db) as store:
        rows = [p for p in store.propositions() if p["id"] == prop_id or p["id"].startswith(prop_id)]
    if len(rows) != 1:
        err.print(f"[red]error[/]: {'no' if not rows else 'more than one'} proposition {prop_id!r} in {db} "
                  "(see `sitrep propositions`)")
        raise typer.Exit(1)
    p = rows[0]
    if jsonl:
        _emit(_prop_json(p))
        return
    out = Console()
    out.rule(f"[bold]{escape(p['statement'])}")
    n_ind = len({h['article'] for h in p['history'] if h['independent']})
    out.print(f"status [{_status_style(p['status'])}]{p['status']}[/] · {len(p['history'])} claims in "
              f"{len(p['articles'])} articles ({n_ind} independent)")
    for h in p["history"]:
        dup = "" if h["independent"] else " [dim](copy)[/]"
        out.print(f"\n{(h['published'] or '?')[:16]}  [{_STANCE[h['stance']]}]{h['stance'].upper()}[/] by "
                  f"[bold]{escape(h['speaker'] or '(unattributed)')}[/] [dim]{h['source_type']}"
                  f"{', hedged' if h['hedged'] else ''} · {escape(h['outlet'] or '')} {escape(h['source'])}[/]{dup}",
                  highlight=False, soft_wrap=True)
        out.print(f"    “{escape(' '.join(h['content'].split()))}”", highlight=False, soft_wrap=True)


_STANCE = {"assert": "cyan", "allege": "yellow", "deny": "red", "confirm": "green"}


@app.command()
def timeline(
    db: DbOpt = DEFAULT_DB,
    jsonl: JsonlOpt = False,
    actor: Annotated[str | None, typer.Option(help="actor code, e.g. CHN")] = None,
    since: Annotated[str | None, typer.Option(help="on or after (2025-01, 2025-03-10)")] = None,
    until: Annotated[str | None, typer.Option(help="before")] = None,
    story: Annotated[str | None, typer.Option(help="only this story")] = None,
    limit: Annotated[int | None, typer.Option(help="at most N")] = None,
) -> None:
    """Events and claims in the order they happened (the event's date, not the article's)."""
    from rich.markup import escape

    with _open(db) as store:
        items = store.timeline(actor, since, until, story, limit)
    out = Console()
    for it in items:
        if jsonl:
            _emit(it)
            continue
        basis = "" if it["date_basis"] == "event" else f" [dim]({it['date_basis']} date)[/]"
        if it["kind"] == "event":
            src = ",".join(a.get("code") or a.get("text") for a in it["sources"]) or "?"
            tgt = ",".join(a.get("code") or a.get("text") for a in it["targets"]) or "—"
            head = f"[bold]{it['type']}[/] {escape(src)} → {escape(tgt)} [dim]{it['status']}[/]"
        else:
            sp = it["speaker"] or {}
            head = (f"[{_STANCE.get(it['stance'], 'white')}]{it['stance'].upper()}[/] "
                    f"{escape(sp.get('name') or sp.get('text') or '?')} [dim]{it['source_type']}[/]")
        out.print(f"{(it['date'] or '????'):10} {head}{basis}", highlight=False, soft_wrap=True)
        out.print(f"           [dim]“{escape(' '.join(it['evidence'].split())[:200])}” {escape(it['source'])}[/]",
                  highlight=False, soft_wrap=True)
    err.print(f"{len(items)} timeline entries")


@app.command()
def graph(
    db: DbOpt = DEFAULT_DB,
    jsonl: JsonlOpt = False,
    since: Annotated[str | None, typer.Option(help="events on or after")] = None,
    until: Annotated[str | None, typer.Option(help="events before")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="only this PLOVER type")] = None,
) -> None:
    """Actor graph: counts of events by type between pairs of actors (one edge per line with --jsonl)."""
    from rich.table import Table

    with _open(db) as store:
        edges = store.graph(since, until, type_)
    if jsonl:
        for e in edges:
            _emit(e)
        return
    t = Table()
    for col in ("source", "target", "type", "events", "articles", "first", "last"):
        t.add_column(col)
    for e in edges:
        t.add_row(e["source"], e["target"], e["type"], str(e["count"]), str(e["articles"]), (e["first"] or "")[:10],
                  (e["last"] or "")[:10])
    Console().print(t)


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # `sitrep ... | head`
        sys.stderr.close()
        sys.exit(0)


if __name__ == "__main__":
    main()
