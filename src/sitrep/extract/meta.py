"""Metadata helpers shared by the extractors: decoding, language, outlet, author names."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    pass


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read (NUL bytes outside UTF-16, control soup)."""
    head = data[:4096]
    if not head:
        return False
    if any(head.startswith(b) for b, _ in _BOMS):
        return False
    if b"\x00" in head:
        # UTF-16 without BOM has NULs in every other byte of ASCII text
        even, odd = head[0::2], head[1::2]
        if even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd):
            return False
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return ctrl > 0.05 * len(head)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode bytes to text: BOM, then strict UTF-8, then a declared charset, then detection."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    if b"\x00" in data[:4096]:
        even, odd = data[0:4096:2], data[1:4096:2]
        enc = "utf-16-le" if odd.count(0) > even.count(0) else "utf-16-be"
        return data.decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DecodeError("cannot detect the text encoding")
    return data.decode(best.encoding, errors="replace")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)


def html_declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), or None for too little text."""
    sample = text[:3000]
    if len(re.findall(r"\w+", sample)) < 3:
        return None
    import py3langid

    lang, _score = py3langid.classify(sample)
    return str(lang)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host
