"""How a report ties a cited document to the day it was signed: the one home of that phrasing.

"Nghị định 43/2011/NĐ-CP ngày 13/6/2011", "(số 162/VH-QĐ, ngày 29.11.1976)", "công văn 669/CP-KTTH
(ngày 21-5-2003)", "Nghị định 03/2006/NĐ-CP của Chính phủ, ban hành ngày 6-1-2006", "…, được …
ký phát hành ngày 26-11-2003". Two readers share it:

* the dates recogniser looks *back* from a date (:func:`signing_date_pattern`): a date the phrase
  ties to a citation is a signing date, never the meeting date (``event_date``);
* the legal recogniser looks *forward* from a citation it found (:data:`SIGNING_LINK`,
  :data:`SIGNING_VERB_ON_DAY`) to attach the date as ``signed_on``.

The citation shapes the dates recogniser recognises by itself are a number with a symbol, "số"
and a number, or a type word of the ``doc_types`` table and a number.
"""

from __future__ import annotations

import re

from ...lexicon.gazetteers import Gazetteers

# White space is taken possessively (``\s*+``, ``\s++``) throughout: split between several greedy
# ``\s*`` a run of it made the phrase quartic ("43/2011/NĐ-CP" + 150 newlines + "x 12/3/2011": 3 s).
_SIGNING_VERB = r"(?:ký|ban hành)(?:\s++(?:ban hành|phát hành))?\s++"
_ON_DAY = r"(?:vào\s++)?ngày\s+"

#: From the end of a citation to the date that is its signing date: a closing bracket, a comma or
#: an opening bracket (named groups ``comma`` and ``paren``), the issuer ("của Chính phủ,"), a
#: signing verb (group ``verb``: "được ban hành", "ký"), "ngày".
SIGNING_LINK = (
    r"\s*+\)?\s*+(?P<comma>,)?\s*+(?P<paren>\()?\s*+(?:của\s++[^,.;()\n]{1,60}?\s*+\)?\s*+[,(]?\s*+)?"
    rf"(?P<verb>(?:được\s++)?{_SIGNING_VERB})?{_ON_DAY}"
)
#: A signing verb right before the date, wherever the citation is: "… ký ban hành ngày".
SIGNING_VERB_ON_DAY = rf"\b{_SIGNING_VERB}{_ON_DAY}"

# A citation as the dates recogniser sees it: "43/2011/NĐ-CP", "số 125", "Thông báo 125".
_NUMBER_WITH_SYMBOL = r"\d+[a-zđ]?(?:\s?[/-]\s?[\wđ&]+)+"
_NUMBER_AFTER_SO = r"\bsố\s++\d+[a-zđ]?"


def _type_words(gaz: Gazetteers) -> list[str]:
    words: list[str] = []
    for row in gaz.rows("doc_types"):
        if "standard" not in row.list("category"):
            words += [w.lower() for w in row.list("words") if w.lower() not in words]
    return words


def _build(gaz: Gazetteers) -> re.Pattern[str]:
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_type_words(gaz), key=len, reverse=True))
    citation = rf"(?:{_NUMBER_WITH_SYMBOL}|{_NUMBER_AFTER_SO}|\b(?:{words or '(?!)'})\s++\d+[a-zđ]?)"
    return re.compile(rf"{citation}{SIGNING_LINK}\Z|{SIGNING_VERB_ON_DAY}\Z")


def signing_date_pattern(gaz: Gazetteers) -> re.Pattern[str]:
    """What stands before a signing date, ending at the date (search it up to the date's start)."""
    return gaz.derived(_build)
