"""Regenerate forenames.txt and surnames.txt (a development step, never run by the engine):
pip download --no-deps faker==40.54.0 && unzip faker-*.whl 'faker/*' -d FAKER_DIR
apt-get install wbritish
python build_names.py FAKER_DIR"""

import importlib
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, sys.argv[1])
FIRST_LOCS = (
    "en_GB en_IE en_US en_NZ en_IN en_PK en_NG yo_NG ig_NG ha_NG tw_GH en_KE sw "
    "pl_PL ro_RO lt_LT lv_LV tr_TR pt_PT pt_BR sk_SK cs_CZ hu_HU it_IT fr_FR es_ES"
).split()
LAST_LOCS = (
    "en_GB en_IE en_US en_NZ en_IN en_PK en_NG yo_NG ig_NG ha_NG tw_GH en_KE sw "
    "pl_PL ro_RO lt_LT lv_LV tr_TR pt_PT pt_BR sk_SK cs_CZ hu_HU it_IT fr_FR es_ES"
).split()
OK = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?")


def collect(locs, attrs):
    out = set()
    for loc in locs:
        P = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for a in attrs:
            v = getattr(P, a, None) or ()
            for n in v.keys() if isinstance(v, dict) else v:
                for part in n.split():
                    if OK.fullmatch(part) and len(part) >= 2:
                        out.add(part)
    return out


first = collect(FIRST_LOCS, ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"))
last = collect(LAST_LOCS, ("last_names", "last_names_male", "last_names_female"))
extra_first = open(HERE / "extra_first.txt").read().split()
extra_last = open(HERE / "extra_last.txt").read().split()
first |= set(extra_first)
last |= set(extra_last)
words = set(w.strip() for w in open("/usr/share/dict/british-english") if w.strip().islower())


def common(n):
    return n.lower() in words or n.lower().rstrip("s") in words and n.endswith("s")


print(len(first), len(last), sum(map(common, first)), sum(map(common, last)))
d = HERE
HEAD = (
    "# {what}, one a line; a name that is also an everyday English word is marked with a trailing *.\n"
    "# Sources: the person-name lists Faker (MIT, (c) 2012 Daniele Faraglia) ships for {locs},\n"
    "# plus names added by hand for groups those lists miss (Somali, Bangladeshi, Arabic, Afghan, Kurdish,\n"
    "# Eritrean, Chinese and Vietnamese romanised, current UK baby names). Regenerate with build_names (see\n"
    "# README in this folder); the * marks come from a British English word list (wbritish).\n"
)
(d / "forenames.txt").write_text(
    HEAD.format(what="Forenames", locs=" ".join(FIRST_LOCS))
    + "\n".join(n + ("*" if common(n) else "") for n in sorted(first))
    + "\n"
)
(d / "surnames.txt").write_text(
    HEAD.format(what="Surnames", locs=" ".join(LAST_LOCS))
    + "\n".join(n + ("*" if common(n) else "") for n in sorted(last))
    + "\n"
)
