"""sitrep: who did what to whom, who claims what, and who denies it — from raw news."""

from sitrep.model import Actor, Analysis, Article, Claim, Event, RawDocument

__version__ = "0.1.0"
__all__ = ["Actor", "Analysis", "Article", "Claim", "Event", "RawDocument", "__version__"]
