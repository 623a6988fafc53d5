"""A review's replacement table: one pseudonym per original across all the review's documents. The
reviewer edits replacements, adds terms the detector missed (every occurrence is then caught) and marks
false positives as allowed, naming who decided."""

import json
import re
from dataclasses import asdict, dataclass

from .characters import INVISIBLE
from .entities import ENTITY_TYPES

TITLE_PREFIX_RE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|DC|DS|DI|DCI|PC|PCSO|Sgt|Cllr|Prof|Rev)\.?\s+(?:and\s+\S+\s+)?")
# Types whose wording is distinctive enough to search for as a literal in every later document.
SEARCHED_TYPES = frozenset(
    {
        "PERSON",
        "ADDRESS",
        "POSTCODE",
        "PLACE",
        "SCHOOL",
        "HEALTH_SETTING",
        "PHONE",
        "EMAIL",
        "NHS_NUMBER",
        "NI_NUMBER",
        "OTHER",
    }
)


def term_key(text):
    text = "".join(c for c in text if c not in INVISIBLE)  # "Kerry\u200bAdams" is Kerry Adams
    text = " ".join(text.replace("’", "'").split())
    text = TITLE_PREFIX_RE.sub("", text)
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    return text.removesuffix("'s").casefold()


@dataclass
class TableEntry:
    original: str
    replacement: str
    type: str = "OTHER"
    allowed: bool = False
    decided_by: str = ""  # who allowed it or chose the replacement; empty for the engine's own choice
    added_by_reviewer: bool = False


class ReplacementTable:
    def __init__(self, entries=(), *, pseudonym=""):
        self._entries = {}
        self._aliases = {}
        self._pattern = None
        self.pseudonym = pseudonym  # the review's name for the child, e.g. "Child R"
        for entry in entries:
            self._put(entry)

    # Reading -------------------------------------------------------------------------------------------
    def __iter__(self):
        return iter(self._entries.values())

    def __len__(self):
        return len(self._entries)

    def entry_for(self, text):
        key = term_key(text)
        return self._entries.get(key) or self._entries.get(self._aliases.get(key, ""))

    def is_allowed(self, text):
        entry = self._entries.get(term_key(text))
        return bool(entry and entry.allowed)

    def person_names(self):
        return [e.original for e in self._entries.values() if e.type == "PERSON" and not e.allowed]

    def replacements(self):
        return {e.replacement for e in self._entries.values() if not e.allowed}

    def as_mapping(self):
        """{original: replacement} for every replaced term (the CLI's "table")."""
        return {e.original: e.replacement for e in self._entries.values() if not e.allowed}

    # Changing ------------------------------------------------------------------------------------------
    def allow(self, term, *, by):
        """Mark a detection as not identifying (an agency, "Southwark"): it is never replaced."""
        if not by:
            raise ValueError("an allowed term needs the name of the person who allowed it")
        return self._put(TableEntry(term, term, self._type_of(term), allowed=True, decided_by=by))

    def add_term(self, original, *, type="PERSON", replacement=None, by=""):
        """A term the detector missed: every occurrence in every document is caught from now on."""
        if type not in ENTITY_TYPES:
            raise ValueError(f"type must be one of {', '.join(ENTITY_TYPES)}")
        entry = TableEntry(original, replacement or "", type, decided_by=by, added_by_reviewer=True)
        return self._put(entry)

    def set_replacement(self, original, replacement, *, by="", type=None):
        entry = self.entry_for(original)
        if entry is None:
            return self.add_term(original, type=type or "OTHER", replacement=replacement, by=by)
        entry.replacement, entry.allowed, entry.decided_by = replacement, False, by
        self._pattern = None
        return entry

    def record(self, original, replacement, type):
        """The engine's own choice for a newly detected term (kept if the table already has one)."""
        existing = self.entry_for(original)
        if existing is not None:
            return existing
        return self._put(TableEntry(original, replacement, type))

    def add_alias(self, alias, original):
        key = term_key(alias)
        if key not in self._entries and key not in self._aliases:
            self._aliases[key] = term_key(original)

    def _put(self, entry):
        key = term_key(entry.original)
        self._entries[key] = entry
        self._aliases.pop(key, None)
        self._pattern = None
        if entry.type == "PERSON" and not entry.allowed:
            for word in key.split():
                if len(word) > 2:
                    self.add_alias(word, entry.original)
        return entry

    def _type_of(self, term):
        entry = self.entry_for(term)
        return entry.type if entry else "OTHER"

    # Searching -----------------------------------------------------------------------------------------
    def term_finds(self, text):
        """(start, end, type, "table") for every occurrence of a replaced term, in any case or spacing."""
        if self._pattern is None:
            terms = sorted(
                (
                    e
                    for e in self._entries.values()
                    if not e.allowed
                    and (e.type in SEARCHED_TYPES or e.added_by_reviewer)
                    and len(e.original.strip()) > 1
                ),
                key=lambda e: -len(e.original),
            )
            alternatives = [r"\s+".join(map(re.escape, e.original.split())) for e in terms]
            self._types = {term_key(e.original): e.type for e in terms}
            self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.I) if terms else False
        if not self._pattern:
            return
        for m in self._pattern.finditer(text):
            yield m.start(), m.end(), self._types.get(term_key(m.group()), "OTHER"), "table"

    # Files ---------------------------------------------------------------------------------------------
    def to_json(self):
        return {"pseudonym": self.pseudonym, "entries": [asdict(e) for e in self._entries.values()]}

    @classmethod
    def from_json(cls, data):
        """Either this class's own form ({"entries": [...], "pseudonym"}) or a plain {original: replacement}
        mapping such as the CLI prints, optionally with "allowed": [{"term", "by"}] or ["term", ...]."""
        if not isinstance(data, dict):
            raise ValueError("a replacement table is a JSON object")
        if "entries" in data:
            table = cls((TableEntry(**entry) for entry in data["entries"]), pseudonym=data.get("pseudonym", ""))
        else:
            mapping = data.get("replacements", {k: v for k, v in data.items() if k not in ("allowed", "pseudonym")})
            table = cls(pseudonym=data.get("pseudonym", ""))
            for original, replacement in mapping.items():
                if not isinstance(replacement, str):
                    raise ValueError(f"the replacement for {original!r} must be text")
                table.add_term(original, type=_guess_type(original), replacement=replacement)
        for item in data.get("allowed", []):
            term, by = (item, "table file") if isinstance(item, str) else (item["term"], item.get("by", ""))
            table.allow(term, by=by or "table file")
        return table

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as handle:
            return cls.from_json(json.load(handle))

    def save(self, path):
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(self.to_json(), handle, indent=2, ensure_ascii=False)


def _guess_type(original):
    from .rules import rule_finds

    for start, end, kind in rule_finds(original):
        if start == 0 and end == len(original):
            return kind
    return "PERSON" if re.fullmatch(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}", original.strip()) else "OTHER"
