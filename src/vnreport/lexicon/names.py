"""Vietnamese personal names: syllable shape, surnames, and where a name starts in a run.

A general NER model reads "Phó Chủ tịch UBND tỉnh Hậu Giang Trần Thành Lập" as one span; the
rules here split it. A Vietnamese name is 2-4 capitalised syllables, surname first (Nguyễn,
Trần …, ``surnames.tsv``); in a report it usually comes right after a title, an organisation or
a place, all capitalised too. :meth:`NameRules.split_run` decides where, inside such a run of
capitalised syllables, the person's name begins ("Hậu Giang | Trần Thành Lập"), using surname
frequency, name length and known places (``name_exclusions.tsv`` and any ``provinces`` table).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteers import Gazetteers

#: Rank given to a surname that the table lists without a frequency rank.
UNRANKED = 500
#: Surnames this common start a name far more often than a place name (Nguyễn Thiện vs Mai Sơn).
COMMON_RANK = 20
MAX_SYLLABLES = 4

_EXTRA_APOSTROPHE_PREFIXES = ("H'", "Y'")


def is_name_syllable(token: str) -> bool:
    """'Nguyễn', 'Y', "H'Hen" — a capitalised alphabetic syllable; not 'UBND', 'N.H', 'Covid-19'."""
    if not token or len(token) > 8:
        return False
    for prefix in _EXTRA_APOSTROPHE_PREFIXES:
        if token.startswith(prefix) and len(token) > 2:
            token = token[2:]
            break
    first, rest = token[0], token[1:]
    return first.isupper() and first.isalpha() and (not rest or (rest.isalpha() and rest.islower()))


def name_key(name: str) -> str:
    """Comparison key of a (normalised) name: case and spacing folded."""
    return " ".join(name.split()).casefold()


@dataclass
class NameRules:
    """Surnames and non-names, with the scoring that splits a capitalised run."""

    surnames: dict[str, int] = field(default_factory=dict)  # casefolded surname → rank
    exclusions: dict[str, str] = field(default_factory=dict)  # casefolded phrase → kind
    max_exclusion_words: int = 1

    @classmethod
    def from_gazetteers(cls, gaz: Gazetteers) -> NameRules:
        rules = cls()
        for row in gaz.rows("surnames"):
            s = row["surname"].strip()
            if not s:
                continue
            rank_cell = row.get("rank")
            rank = int(rank_cell) if rank_cell.isdigit() else UNRANKED
            key = s.casefold()
            rules.surnames[key] = min(rank, rules.surnames.get(key, UNRANKED))
        for row in gaz.rows("name_exclusions"):
            rules.add_exclusion(row["phrase"], row.get("kind", "other"))
        # Province names from the places tables, when they are loaded (read-only use).
        for table in ("provinces", "districts"):
            for row in gaz.rows(table):
                for value in [row.get("name"), *row.list("aliases")]:
                    if value and " " in value.strip():
                        rules.add_exclusion(value, "province" if table == "provinces" else "district")
        return rules

    def add_exclusion(self, phrase: str, kind: str) -> None:
        key = name_key(phrase)
        if key:
            self.exclusions.setdefault(key, kind)
            self.max_exclusion_words = max(self.max_exclusion_words, len(key.split()))

    # ------------------------------------------------------------------ lookups
    def surname_rank(self, syllable: str) -> int | None:
        return self.surnames.get(syllable.casefold())

    def is_excluded(self, words: list[str] | tuple[str, ...]) -> bool:
        return name_key(" ".join(words)) in self.exclusions

    def place_prefix(self, words: list[str]) -> int:
        """Length of the longest known place/non-name phrase at the start of ``words`` (0 if none)."""
        for n in range(min(len(words), self.max_exclusion_words), 0, -1):
            if name_key(" ".join(words[:n])) in self.exclusions:
                return n
        return 0

    # ------------------------------------------------------------------ splitting
    def split_run(
        self, words: list[str], *, after_admin: bool = False, allow_unknown_surname: bool = False
    ) -> int | None:
        """Index in ``words`` (a run of capitalised syllables) where the personal name starts.

        The name is always a suffix of the run (a title/organisation/place comes first). None
        when no suffix of 2-4 syllables reads as a name. ``after_admin``: the run follows an
        administrative word ("tỉnh", "huyện"), so it may start with a place name, and a short
        2-syllable run is a place unless its surname is very common. ``allow_unknown_surname``:
        an explicit title or honorific precedes, so a name without a listed surname is accepted
        when it is the whole run ("Thượng úy Y Bhin Niê").
        """
        n = len(words)
        best: tuple[int, int] | None = None  # (score, -k)
        for k in range(max(0, n - MAX_SYLLABLES), n - 1):
            name = words[k:]
            if self.is_excluded(name):
                continue
            rank = self.surname_rank(name[0])
            if rank is None:
                if not (allow_unknown_surname and k == 0 and not after_admin):
                    continue
                score = 0
            else:
                score = 4 if rank <= COMMON_RANK else 3 if rank <= 60 else 2
            length = len(name)
            score += {2: 1, 3: 2, 4: 1}.get(length, 0)
            if k == 0:
                if after_admin and length == 2 and (rank is None or rank > COMMON_RANK):
                    continue  # "huyện Mai Sơn", "tỉnh Cao Bằng": a place
                if self.place_prefix(name) >= 2:
                    continue
            else:
                if self.place_prefix(words[:k]) == k:
                    score += 10
                elif not after_admin:
                    score -= 2
            cand = (score, -k)
            if best is None or cand > best:
                best = cand
        return None if best is None else -best[1]
