"""The fixed list of entity types and the Entity record every part of the engine passes around."""

from dataclasses import dataclass

ENTITY_TYPES = (
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
    "DATE",
    "DATE_OF_BIRTH",
    "AGE",
    "ETHNICITY",
    "RELIGION",
    "OTHER",
)

# When two detections overlap, the longer wins; on equal length, the more specific type (earlier here).
TYPE_PRIORITY = {
    name: rank
    for rank, name in enumerate(
        (
            "NHS_NUMBER",
            "NI_NUMBER",
            "EMAIL",
            "PHONE",
            "POSTCODE",
            "DATE_OF_BIRTH",
            "DATE",
            "SCHOOL",
            "HEALTH_SETTING",
            "ADDRESS",
            "PLACE",
            "PERSON",
            "AGE",
            "RELIGION",
            "ETHNICITY",
            "OTHER",
        )
    )
}


@dataclass(frozen=True, slots=True)
class Entity:
    """A span of the text that identifies someone: `text == source[start:end]`."""

    start: int
    end: int
    type: str
    text: str
    source: str = "rule"  # rule, model, name (another mention of a name found), table (a reviewer's term)

    def as_dict(self):
        return {"start": self.start, "end": self.end, "type": self.type, "text": self.text}
