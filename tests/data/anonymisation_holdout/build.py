"""Build NAME.txt + NAME.json from passages.marked: `## NAME` starts a passage; `[TYPE:text]` marks an
entity (P=PERSON, A=ADDRESS, PC=POSTCODE, PL=PLACE, S=SCHOOL, H=HEALTH_SETTING, T=PHONE, E=EMAIL, D=DATE,
AGE, DOB=DATE_OF_BIRTH, ETH=ETHNICITY, REL=RELIGION, O=OTHER, NHS, NI). Run: python build.py"""

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {
    "P": "PERSON",
    "A": "ADDRESS",
    "PC": "POSTCODE",
    "PL": "PLACE",
    "S": "SCHOOL",
    "H": "HEALTH_SETTING",
    "T": "PHONE",
    "E": "EMAIL",
    "D": "DATE",
    "AGE": "AGE",
    "DOB": "DATE_OF_BIRTH",
    "ETH": "ETHNICITY",
    "REL": "RELIGION",
    "O": "OTHER",
    "NHS": "NHS_NUMBER",
    "NI": "NI_NUMBER",
}
MARK = re.compile(r"\[(" + "|".join(sorted(TYPES, key=len, reverse=True)) + r"):([^\]]+)\]")

for block in re.split(r"^## ", (HERE / "passages.marked").read_text(encoding="utf-8"), flags=re.M)[1:]:
    name, _, marked = block.partition("\n")
    text, entities, position = "", [], 0
    for m in MARK.finditer(marked):
        text += marked[position : m.start()]
        entities.append(
            {"start": len(text), "end": len(text) + len(m.group(2)), "type": TYPES[m.group(1)], "text": m.group(2)}
        )
        text += m.group(2)
        position = m.end()
    text += marked[position:]
    (HERE / f"{name.strip()}.txt").write_text(text.strip() + "\n", encoding="utf-8")
    (HERE / f"{name.strip()}.json").write_text(json.dumps({"entities": entities}, indent=1) + "\n", encoding="utf-8")
