"""Standards (``ISO 9001:2008``, ``TCVN 6909:2001``, ``QCVN 01:2009/BYT``) → ``doc.found["standards"]``.

Claimed before documents are looked for, so that their numbers are not read as citations.
"""

from __future__ import annotations

import re

from ...models import Standard
from ...text.document import Doc
from .tables import LegalLexicon

_SPACES = re.compile(r"\s+")


def find_standards(lex: LegalLexicon, doc: Doc) -> list[Standard]:
    found: dict[str, Standard] = {}
    text = doc.text
    if not any(b in text for b in lex.standard_bodies):
        return []
    for m in lex.standard.finditer(text):
        s, e = m.span()
        if (s and (text[s - 1].isalnum() or text[s - 1] in "/_")) or doc.is_boilerplate(s, e):
            continue
        body = _SPACES.sub(" ", m["body"])
        sid = f"{body} {m['num']}" + (f":{m['year']}" if m["year"] else "") + (f"/{m['iss']}" if m["iss"] else "")
        std = found.setdefault(sid, Standard(id=sid, body=body.split()[0].split("/")[0]))
        std.mentions.append(doc.span(s, e))
        doc.claim(s, e, "legal")
    return list(found.values())
