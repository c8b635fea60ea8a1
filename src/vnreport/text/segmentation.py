"""Word segmentation with exact offsets into the caller's text (sentences: :mod:`.sentences`).

Tokens are computed only when asked for — ``vnreport.segment(text)`` or
``vnreport.extract(text, tokens=True)`` — because a segmenter model costs time (pyvi loads in
about two seconds, then runs at about 0.5 MB/s); ``import vnreport`` loads neither backend.

How it works, and why:

1. The text is normalised (:class:`~vnreport.text.normalize.NormalizedText`: NFC, CRLF, NBSP, tone
   position …); every offset computed below is mapped back with ``to_original``, so
   ``text[t.start:t.end] == t.text`` holds for NFD input, old/new tone styles, entities.
2. One compiled regex (``_UNIT``) cuts the normalised text into *units*: protected items that a
   backend would split or mangle (legal symbols ``43/2011/NĐ-CP``, dates, numbers ``1.234,5``,
   abbreviations ``TT&TT``, ``TP.``, ``UBND``, URLs, e-mails, domains ``Mic.gov.vn``), syllables
   and punctuation. Units are atomic: every output token is one unit or a run of syllables.
3. A backend only decides which neighbouring syllables (same line, separated by white space)
   form one word. pyvi's CRF is run directly on our units (its own ``tokenize`` would re-split
   the text and hand back ``_``-joined strings); underthesea is asked about each run of
   syllables and its answer is re-aligned to the text character by character. An answer that
   does not align leaves the rest of that run one syllable per token — no crash, no lost text.

Kinds: ``word`` (syllables, multi-syllable words keep their inner spaces), ``number``
(``47,9``; a percentage is a number then a ``%`` punct token), ``symbol`` (legal symbol, date,
time), ``abbreviation``, ``punct``, ``other`` (URLs, e-mails, domains, ``4G``, stray marks).

Large inputs are segmented a block (about 256 k characters, cut after a line break) at a time,
and tokens are kept in a compact :class:`~vnreport.models.TokenList`, so memory stays bounded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from ..models import TokenList
from .normalize import NormalizedText

__all__ = ["Backend", "segment", "segment_normalized"]

Backend = Literal["underthesea", "pyvi"]

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Titles written with a dot that never end a sentence ("TP. Hồ Chí Minh", "PGS.TS. Nguyễn").
_TITLES = (
    "PGS",
    "GS",
    "TSKH",
    "TS",
    "ThS",
    "Ths",
    "BSCKII",
    "BSCKI",
    "BS",
    "KS",
    "NCS",
    "TP",
    "Tp",
    "TX",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
)
_TITLE_RE = "|".join(sorted(_TITLES, key=len, reverse=True))
# An all-caps run that spells a Vietnamese syllable ("TIN", "BAN") is a word, not an abbreviation.
_SYLLABLE = (
    r"(?:NGH|NG|NH|CH|GH|GI|KH|PH|QU|TH|TR|[BCDĐGHKLMNPQRSTVX])?[AEIOUY]{1,3}"
    r"(?:NG|NH|CH|[CMNPT])?(?!\w)"
)
_URL_END = r"[^\s<>\"'()\[\]{}.,;:!?]"

# Alternatives are ordered so that the common cases (a plain syllable, punctuation) are tried
# first; a plain syllable must not be followed by a character that could make it part of a
# protected item. Every protected alternative can only start at the beginning of a run
# (look-behinds) and uses possessive quantifiers, so a 5 MB line or "1.000." repeated 200,000
# times is scanned in linear time.
_UNIT = re.compile(
    rf"""
    (?P<nl>\n)
    |(?P<word>(?![A-ZĐ]{{2}})[^\W\d_](?:[^\W\d_]|[{_MARKS}])*+(?![\w{_MARKS}.@:/&+-]))
    |(?P<punct>\.{{2,}}+|-{{2,}}+|[^\w\s][{_MARKS}]*+)
    |(?P<url>(?<![\w@])(?:https?|ftp)://[^\s<>"'()\[\]{{}}]*{_URL_END})
    |(?P<email>(?<![\w.+-])[\w.+-]++@[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)++)
    |(?P<domain>(?<![\w.@/-])(?:[A-Za-z0-9][A-Za-z0-9-]*+\.)+(?:vn|com|net|org|gov|edu|info|biz|int)
        (?![\w@-])(?:/[^\s<>"'()]*{_URL_END})?)
    |(?P<legal>(?<![\w./:-])(?:\d++[a-zđ]?(?:[/:-][\w&]++)*?[/-](?=[A-ZĐ])[\w&]++(?:[/-][\w&]++)*+
        |\d++:\d{{4}}(?!\d)))
    |(?P<date>(?<![\w./:-])(?:\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{1,2}}-\d{{1,2}}-\d{{4}}
        |\d{{1,2}}\.\d{{1,2}}\.\d{{4}}
        |\d{{1,2}}/\d{{1,2}}/\d\d|\d{{1,2}}/\d{{4}}|\d{{1,2}}/\d{{1,2}}|\d{{1,2}}:\d\d(?::\d\d)?)
        (?![\w/:]|[.,-]\d))
    |(?P<number>(?<!\w)\d++(?:[.,]\d++)*+(?!\w))
    |(?P<alnum>(?<!\w)[^\W\d_]*+\d[\w{_MARKS}]*+|(?<![\w-])[^\W\d_]++-\d++(?![\w-]))
    |(?P<abbr>(?<![\w.])(?:(?:{_TITLE_RE})\.)++(?![A-ZĐ])
        |(?<![\w.])(?:Th\.[Ss]\.?|T\.Ư|v\.v\.*+)
        |(?<![\w.])(?:[A-ZĐ]{{1,4}}|Tp)\.[A-ZĐ]{{2,}}+(?!\w)
        |(?<![\w-])[A-ZĐ][A-ZĐ0-9]*+[a-z]?(?:[-&/][A-ZĐ][A-ZĐ0-9]*+[a-z]?)++(?![\w-])
        |(?<!\w)(?!{_SYLLABLE})[A-ZĐ]{{2,}}+(?!\w))
    |(?P<syllable>\w[\w{_MARKS}]*+)
    """,
    re.VERBOSE,
)

_KIND = {
    "nl": "nl",
    "word": "word",
    "syllable": "word",
    "url": "other",
    "email": "other",
    "domain": "other",
    "legal": "symbol",
    "date": "symbol",
    "number": "number",
    "abbr": "abbreviation",
    "alnum": "other",
}
_MAX_SEQ = 4096  # pyvi CRF sequence cap: bounds memory on a huge single line.


@lru_cache(maxsize=4096)
def _punct_kind(ch: str) -> str:
    return "punct" if unicodedata.category(ch).startswith("P") else "other"


def _units(s: str) -> tuple[list[tuple[int, int]], list[str], list[str]]:
    """Spans, texts and kinds of the units of normalised ``s`` (line breaks are kind ``nl``).

    One pass, no match objects kept: a few C-level calls per unit.
    """
    spans: list[tuple[int, int]] = []
    texts: list[str] = []
    kinds: list[str] = []
    add_span, add_text, add_kind = spans.append, texts.append, kinds.append
    kind = _KIND.get
    for m in _UNIT.finditer(s):
        add_span(m.span())
        t = m.group()
        add_text(t)
        add_kind(kind(m.lastgroup) or _punct_kind(t[0]))  # type: ignore[arg-type]
    return spans, texts, kinds


# ----------------------------------------------------------------------------- pyvi
Features = Callable[[list[str]], list[dict[str, object]]]


def _fast_features(bi_grams: set[str], tri_grams: set[str]) -> Features:
    """pyvi 0.1.1's ``sent2features`` with each syllable's properties computed once, not five times.

    Same dictionaries as pyvi's (checked against it when loaded, see :func:`_pyvi`), about
    three times faster; the CRF then gives the very labels pyvi's own ``tokenize`` would.
    """

    def features(sent: list[str]) -> list[dict[str, object]]:
        n = len(sent)
        low = [w.lower() for w in sent]
        up = [w.isupper() for w in sent]
        title = [w.istitle() for w in sent]
        # bi[i]: (i-1, i) is a known bigram; tri[i]: (i-2, i-1, i) a known trigram.
        bi = [False, *(f"{x} {y}" in bi_grams for x, y in pairwise(low))]
        tri = [False, False, *(f"{x} {y} {z}" in tri_grams for x, y, z in zip(low, low[1:], low[2:], strict=False))]
        out: list[dict[str, object]] = []
        for i, w in enumerate(sent):
            f: dict[str, object] = {
                "bias": 1.0,
                "word.lower()": low[i],
                "word.isupper()": up[i],
                "word.istitle()": title[i],
                "word.isdigit()": w.isdigit(),
            }
            if i > 0:
                f["-1:word.lower()"] = low[i - 1]
                f["-1:word.istitle()"] = title[i - 1]
                f["-1:word.isupper()"] = up[i - 1]
                f["-1:word.bi_gram()"] = bi[i]
                if i > 1:
                    f["-2:word.tri_gram()"] = tri[i]
            if i < n - 1:
                f["+1:word.lower()"] = low[i + 1]
                f["+1:word.istitle()"] = title[i + 1]
                f["+1:word.isupper()"] = up[i + 1]
                f["+1:word.bi_gram()"] = bi[i + 1]
                if i < n - 2:
                    f["+2:word.tri_gram()"] = tri[i + 2]
            out.append(f)
        return out

    return features


_PROBE = ["Sở", "Thông", "tin", "và", "Truyền", "thông", "UBND", "tỉnh", ",", "2011", "\n", "ΑΣ", "hội", "nghị"]


@lru_cache(maxsize=1)
def _pyvi() -> tuple[Features, Callable[[list[dict[str, object]]], list[str]]] | None:
    """pyvi's feature function and CRF tagger, or None if this pyvi hides them (use ``tokenize``)."""
    from pyvi.ViTokenizer import ViTokenizer  # noqa: PLC0415 - slow import, only when asked

    try:
        pyvi_features = ViTokenizer.sent2features
        tag = ViTokenizer.model.predict_single
        fast = _fast_features(ViTokenizer.bi_grams, ViTokenizer.tri_grams)
    except AttributeError:
        return None
    _release_model_file(ViTokenizer.model)
    if fast(_PROBE) == pyvi_features(_PROBE, False):
        return fast, tag
    return lambda sent: pyvi_features(sent, False), tag  # a pyvi whose features changed


def _release_model_file(crf: object) -> None:
    """Delete the temporary copy of pyvi's CRF model once the tagger has read it.

    Unpickling sklearn-crfsuite's CRF writes the model to ``/tmp/model*.crfsuite`` and deletes
    it only when the object is garbage-collected, so every process killed meanwhile left 637 kB
    behind. The tagger holds the model in memory; the file is not needed after opening it.
    """
    try:
        _ = crf.tagger_  # type: ignore[attr-defined]  # opens (reads) the model file
        crf.modelfile.cleanup()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        pass


_SURROGATE = re.compile("[\ud800-\udfff]")


def _pyvi_tokens(text: str) -> list[str]:
    from pyvi.ViTokenizer import ViTokenizer  # noqa: PLC0415

    return ViTokenizer.tokenize(text).split()


def _joins_pyvi(texts: list[str], kinds: list[str], surrogates: bool = False) -> list[bool]:
    """``join[i]``: unit ``i`` continues the word of unit ``i - 1``, from pyvi's CRF labels.

    The CRF sees every unit, line breaks included, as pyvi's own ``tokenize`` does.
    """
    backend = _pyvi()
    if backend is None:
        return _joins_by_runs(texts, kinds, _pyvi_tokens)
    features, tag = backend
    crf_texts = texts
    if surrogates:  # crfsuite encodes features as UTF-8: lone surrogates would raise
        crf_texts = [_SURROGATE.sub("\ufffd", t) for t in texts]
    labels: list[str] = []
    for a in range(0, len(texts), _MAX_SEQ):
        labels += tag(features(crf_texts[a : a + _MAX_SEQ]))
    join = [False] * len(texts)
    prev_word = prev_title = False
    for i, lab in enumerate(labels):
        if kinds[i] == "word":
            title = texts[i][0].istitle()
            # pyvi's own rule: a capitalised syllable never continues a lower-case one.
            join[i] = lab == "I_W" and prev_word and (prev_title or not title)
            prev_word, prev_title = True, title
        else:
            prev_word = False
    return join


# ----------------------------------------------------------------------------- word-string backends
@lru_cache(maxsize=1)
def _underthesea() -> Callable[[str], list[str]]:
    """underthesea's ``word_tokenize``, keeping the text's spellings where this version allows."""
    from underthesea import word_tokenize  # noqa: PLC0415 - slow import, only when asked

    try:
        word_tokenize("Hội nghị", use_token_normalize=False)
    except TypeError:  # an underthesea without the option: alignment copes with its rewrites
        return word_tokenize
    return lambda text: word_tokenize(text, use_token_normalize=False)


def _underthesea_tokens(text: str) -> list[str]:
    return _underthesea()(text)


_SKIP = re.compile(r"[\s_]*")


def _align(run: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Spans of the backend's ``tokens`` in ``run``; stops at the first one that does not match.

    A token's syllables may be joined by spaces (underthesea) or ``_`` (pyvi); the text between
    them may be any white space or an ``_`` of the text itself. Linear in ``len(run)``.
    """
    spans: list[tuple[int, int]] = []
    p = 0
    for tok in tokens:
        start = -1
        for piece in tok.replace("_", " ").split():
            p = _SKIP.match(run, p).end()  # type: ignore[union-attr]
            if not run.startswith(piece, p):
                return spans
            if start < 0:
                start = p
            p += len(piece)
        if start >= 0:
            spans.append((start, p))
    return spans


def _joins_by_runs(texts: list[str], kinds: list[str], tokenize: Callable[[str], list[str]]) -> list[bool]:
    """Join flags from a backend returning word strings, asked once per run of syllables.

    A run is a maximal sequence of syllables separated only by spaces: the only places where
    two units can form one word. Protected items, punctuation and line breaks end a run.
    """
    join = [False] * len(texts)
    n = len(texts)
    i = 0
    while i < n:
        if kinds[i] != "word":
            i += 1
            continue
        j = i + 1
        while j < n and kinds[j] == "word":
            j += 1
        if j - i > 1:
            _mark_run(texts, i, j, tokenize, join)
        i = j
    return join


def _mark_run(texts: list[str], i: int, j: int, tokenize: Callable[[str], list[str]], join: list[bool]) -> None:
    """Set ``join`` for units ``i..j-1`` (one run) from the backend's words for that run."""
    run = " ".join(texts[i:j])
    try:
        spans = _align(run, tokenize(run))
    except Exception:  # noqa: BLE001 - a backend failing on odd input leaves the run unjoined
        return
    k = 0
    pos = 0
    prev_tok = -1
    for u in range(i, j):
        while k < len(spans) and spans[k][1] <= pos:
            k += 1
        tok = k if k < len(spans) and spans[k][0] <= pos else -1
        join[u] = tok >= 0 and tok == prev_tok
        prev_tok = tok
        pos += len(texts[u]) + 1


# ----------------------------------------------------------------------------- tokens
def _segment_normalized(s: str, backend: Backend) -> list[tuple[int, int, str]]:
    """Tokens of normalised text ``s`` as ``(start, end, kind)``, in order."""
    spans, texts, kinds = _units(s)
    if backend == "pyvi":
        join = _joins_pyvi(texts, kinds, _SURROGATE.search(s) is not None)
    elif backend == "underthesea":
        _underthesea()  # load (and fail loudly if missing) outside the per-run error guard
        join = _joins_by_runs(texts, kinds, _underthesea_tokens)
    else:
        raise ValueError(f"unknown segmentation backend {backend!r}; use 'pyvi' or 'underthesea'")
    out: list[tuple[int, int, str]] = []
    for (a, b), k, j in zip(spans, kinds, join, strict=True):
        if j:
            out[-1] = (out[-1][0], b, "word")
        elif k != "nl":
            out.append((a, b, k))
    return out


class _ToOriginal:
    """Maps normalised token spans to the original, block after block; keeps them disjoint and
    covering.

    A token that lands inside the previous one's original chunk (an NFC cluster that composed
    to two characters) is merged into it; original characters that normalisation dropped or
    turned into a space (zero-width marks, ``&nbsp;``) are given to a token too (``_cover_gap``).
    The last token of a block stays pending, since the next block may still extend it.
    """

    def __init__(self, nt: NormalizedText) -> None:
        self.nt = nt
        self.out: list[tuple[int, int, str]] = []
        self.pe = 0

    def map(self, raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Original spans of ``raw``, all but the last (still pending)."""
        orig, out = self.nt.original, self.out
        for a, b, kind in raw:
            s, e = self.nt.to_original(a, b)
            while orig[s].isspace() and s < e - 1:  # " \u0301\u0323": NFC reordered marks after a space
                s += 1
            if out and s < self.pe:
                ps, _, pk = out[-1]
                self.pe = max(self.pe, e)
                out[-1] = (ps, self.pe, pk)
                continue
            if s > self.pe and not orig[self.pe : s].isspace():
                s = _cover_gap(orig, self.pe, s, out, True)
            out.append((s, e, kind))
            self.pe = e
        done, self.out = out[:-1], out[-1:]
        return done

    def finish(self) -> list[tuple[int, int, str]]:
        orig, out = self.nt.original, self.out
        if self.pe < len(orig) and not orig[self.pe :].isspace():
            _cover_gap(orig, self.pe, len(orig), out, False)
        self.out = []
        return out


_NON_SPACE = re.compile(r"\S+")
_INVISIBLE = frozenset(("Cf", "Cc", "Mn", "Me"))


def _cover_gap(orig: str, a: int, b: int, out: list[tuple[int, int, str]], before_token: bool) -> int:
    """Give the non-space characters of ``orig[a:b]`` to tokens; return the next token's start.

    Invisible characters (zero-width space, BOM, stray marks) stick to the token they touch;
    anything else (an ``&nbsp;`` entity) becomes an ``other`` token of its own.
    """
    for m in _NON_SPACE.finditer(orig, a, b):
        s, e = m.span()
        invisible = all(unicodedata.category(c) in _INVISIBLE for c in m.group())
        if invisible and s == a and out and out[-1][1] == a:
            out[-1] = (out[-1][0], e, out[-1][2])
        elif invisible and e == b and before_token:
            return s
        else:
            out.append((s, e, "other"))
    return b


#: Normalised characters segmented at a time (cut after a line break): keeps the peak memory of
#: a multi-megabyte input to one block's intermediate lists, whatever its length.
_BLOCK = 1 << 18


def _blocks(s: str) -> Iterator[tuple[int, int]]:
    a = 0
    while a < len(s):
        cut = s.find("\n", a + _BLOCK) if len(s) - a > _BLOCK else -1
        b = len(s) if cut < 0 else cut + 1
        yield a, b
        a = b


def segment(text: str, backend: Backend = "pyvi") -> TokenList:
    """Word tokens of ``text`` with exact offsets: ``text[t.start:t.end] == t.text``.

    Every non-space character belongs to exactly one token; tokens are ordered and disjoint.
    ``backend`` is ``"pyvi"`` (fast, default) or ``"underthesea"`` (slower, different CRF).
    The result is a compact :class:`~vnreport.models.TokenList` (reads like a list of tokens).
    """
    return segment_normalized(NormalizedText.from_text(text), backend)


def segment_normalized(nt: NormalizedText, backend: Backend = "pyvi") -> TokenList:
    """:func:`segment` of an already normalised text (the pipeline's, not normalised twice)."""
    tokens = TokenList(nt.original)
    mapper = None if nt.is_identity else _ToOriginal(nt)
    for a, b in _blocks(nt.text):
        raw = _segment_normalized(nt.text[a:b], backend)
        if a:
            raw = [(s + a, e + a, k) for s, e, k in raw]
        for s, e, k in mapper.map(raw) if mapper else raw:
            tokens.append(s, e, k)  # type: ignore[arg-type]
    for s, e, k in mapper.finish() if mapper else ():
        tokens.append(s, e, k)  # type: ignore[arg-type]
    return tokens
