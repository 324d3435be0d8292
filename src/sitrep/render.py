"""Human-readable rendering for the terminal (rich): an article with its events and claims marked
against the sentences they come from, and one-line summaries of events and claims."""

from __future__ import annotations

import re

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from sitrep.model import Actor, Analysis, Article, Claim, Event

_STANCE_STYLE = {"assert": "cyan", "allege": "yellow", "deny": "red", "confirm": "green"}


def actor_str(a: Actor | None) -> str:
    if a is None:
        return "?"
    code = "/".join(x for x in (a.code, a.sector) if x)
    name = a.name or a.text
    return f"{name} [{code}]" if code else name


def event_line(ev: Event, published: str | None = None, source: str | None = None, evidence: str | None = None
               ) -> str:
    src = ", ".join(actor_str(a) for a in ev.sources) or "?"
    tgt = ", ".join(actor_str(a) for a in ev.targets) or "—"
    bits = [f"[bold]{ev.type}[/]", escape(src), "→", escape(tgt), f"({ev.status}"]
    if ev.date:
        bits[-1] += f", {ev.date}"
    bits[-1] += ")"
    if ev.location:
        bits.append(f"at {escape(ev.location)}")
    if ev.quantity:
        bits.append(f"[{escape(ev.quantity)}]")
    line = " ".join(bits)
    if source:
        line += f"  [dim]{escape(source)} {(published or '')[:10]}[/]"
    if evidence:
        line += f"\n    [dim]“{escape(_clip(evidence))}”[/]"
    return line


def claim_line(c: Claim, published: str | None = None, source: str | None = None) -> str:
    style = _STANCE_STYLE.get(c.stance, "white")
    flags = [c.source_type]
    if c.direct:
        flags.append("quote")
    if c.hedged:
        flags.append("hedged")
    line = (f"[{style}]{c.stance.upper():7}[/] {escape(actor_str(c.speaker) if c.speaker else '(unattributed)')}"
            f" [dim]{escape(c.cue or '')} · {', '.join(flags)}[/]")
    if source:
        line += f"  [dim]{escape(source)} {(published or '')[:10]}[/]"
    line += f"\n    “{escape(_clip(c.content))}”"
    return line


def _clip(s: str, n: int = 220) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _paragraphs(body: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\n\s*\n", body):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(body)))
    return [(s, e) for s, e in out if body[s:e].strip()]


def render_article(console: Console, art: Article, an: Analysis, sources: list[str] | None = None,
                   show_removed: bool = True) -> None:
    """The article with each event [E#] and claim [C#] marked in the paragraph that holds it."""
    console.rule(f"[bold]{escape(art.title or '(no title)')}")
    meta = [("id", art.id), ("published", art.published), ("authors", ", ".join(art.authors)),
            ("outlet", art.outlet), ("language", art.language), ("url", art.url),
            ("sources", "; ".join(sources or [art.source]))]
    for k, v in meta:
        if v:
            console.print(f"[dim]{k:>9}[/] {escape(str(v))}", highlight=False, soft_wrap=True)
    console.print(f"[dim]{'found':>9}[/] {len(an.events)} events, {len(an.claims)} claims, "
                  f"{len(an.actors)} actor mentions")
    console.print()
    body = art.body
    for ps, pe in _paragraphs(body):
        t = Text(body[ps:pe])
        notes: list[str] = []
        for i, c in enumerate(an.claims, 1):
            cs, ce = c.spans.content
            if ps <= cs < pe:
                t.stylize("underline", max(cs, ps) - ps, min(ce, pe) - ps)
                if c.spans.speaker:
                    s, e = c.spans.speaker
                    if ps <= s < pe:
                        t.stylize("bold magenta", s - ps, min(e, pe) - ps)
                if c.spans.cue:
                    s, e = c.spans.cue
                    if ps <= s < pe:
                        t.stylize(f"bold {_STANCE_STYLE.get(c.stance, 'white')}", s - ps, min(e, pe) - ps)
                notes.append(f"  [C{i}] " + claim_line(c).split("\n")[0])
        for i, ev in enumerate(an.events, 1):
            if ps <= ev.start < pe:
                t.stylize("on grey11", ev.start - ps, min(ev.end, pe) - ps)
                notes.append(f"  [E{i}] " + event_line(ev))
        console.print(t, soft_wrap=True)
        for n in notes:
            console.print(n, highlight=False, soft_wrap=True)
        console.print()
    if show_removed and art.removed:
        console.rule("[dim]cut as boilerplate")
        for r in art.removed:
            console.print(f"[dim]{r.reason:>14}[/] {escape(_clip(r.text, 140))}", highlight=False, soft_wrap=True)
