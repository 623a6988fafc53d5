"""The learning library's measurements: `make bench-library` (or `.venv/bin/python benchmarks/library.py`).

1. Theme suggestions (casereview/library/themes.py) against benchmarks/data/library/themes.json: micro
   precision and recall, and per theme for themes with at least 5 items, on the dev split (the one the rules
   were tuned on) and the held-out split (scored only at the end).
2. Similar past reviews: recall@5 of the 36 incident summaries of similarity.json against the 27 candidate
   reviews, dev and held-out, for plain BM25 and for BM25 plus shared themes. A candidate's text is its
   corpus document (CORPUS, default ../shared/corpus); for a page listing several reviews ("NAME#PSEUDONYM")
   the part of the page from where that pseudonym first appears to where the next one does.
3. Speed (SPEED_ENTRIES, default 100,000), on a throwaway copy of the configured database (SQLite by
   default; DATABASE_URL=postgres://... for PostgreSQL; `make bench-library` runs both): search p95 against
   the raw full-text query alone on the same data, the library page's query count at two sizes, and the
   time to import and index 10,000 entries through the import service.
The splits were fixed (splits.json, sha1 of the id) before any rule was written.
"""

import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "benchmarks" / "data" / "library"
CORPUS = Path(os.environ.get("CORPUS", ROOT.parent / "shared" / "corpus"))
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus")


def load(name):
    return json.loads((DATA / name).read_text())


SPLITS = load("splits.json")


# --- 1. themes ------------------------------------------------------------------------------------------


def theme_scores(split):
    from casereview.library.themes import suggest_themes

    items = {x["id"]: x for x in load("themes.json")}
    tp = fp = fn = 0
    per = defaultdict(Counter)
    for item_id in SPLITS["themes"][split]:
        item = items[item_id]
        gold = {t.lower() for t in item["themes"]}
        got = {t.lower() for t in suggest_themes(item["text"])}
        tp, fp, fn = tp + len(gold & got), fp + len(got - gold), fn + len(gold - got)
        for t in gold | got:
            per[t]["tp"] += t in gold and t in got
            per[t]["fp"] += t in got and t not in gold
            per[t]["fn"] += t in gold and t not in got
    return tp, fp, fn, per


def ratio(a, b):
    return a / b if b else float("nan")


def report_themes():
    print("== Theme suggestions (rules) ==")
    results = {split: theme_scores(split) for split in ("dev", "held_out")}
    for split, (tp, fp, fn, _per) in results.items():
        n = len(SPLITS["themes"][split])
        p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
        print(f"{split:9} {n:3} items  micro precision {p:.2f}  recall {r:.2f}  F1 {ratio(2 * p * r, p + r):.2f}")
    frequent = Counter(t.lower() for x in load("themes.json") for t in x["themes"])
    print(f"per theme (themes on at least 5 items of the whole set)      {'dev P / R':>12}  {'held-out P / R':>15}")
    for theme, count in frequent.most_common():
        if count < 5:
            break
        cells = []
        for split in ("dev", "held_out"):
            c = results[split][3][theme]
            cells.append(f"{ratio(c['tp'], c['tp'] + c['fp']):.2f} / {ratio(c['tp'], c['tp'] + c['fn']):.2f}")
        print(f"  {theme[:58]:58} {cells[0]:>12}  {cells[1]:>15}")
    print()


# --- 2. similar reviews -------------------------------------------------------------------------------


def candidate_texts():
    reviews = load("reviews.json")
    by_doc = defaultdict(list)
    for key in reviews:
        name, _, pseudonym = key.partition("#")
        by_doc[name].append(pseudonym)
    texts = {}
    for name, pseudonyms in by_doc.items():
        text = (CORPUS / "docs" / f"{name}.txt").read_text()
        if pseudonyms == [""]:
            texts[name] = text
            continue
        starts = []
        for pseudonym in pseudonyms:
            match = re.search(r"\b" + re.escape(pseudonym) + r"\b", text)
            starts.append((match.start() if match else 0, pseudonym))
        starts.sort()
        for i, (start, pseudonym) in enumerate(starts):
            end = starts[i + 1][0] if i + 1 < len(starts) and starts[i + 1][0] > start else len(text)
            texts[f"{name}#{pseudonym}"] = text[start:end]
    return texts


def similarity_recall(split, theme_weight):
    from casereview.library.similarity import Candidate, most_similar

    texts = candidate_texts()
    candidates = [Candidate(key=k, title="", text=t) for k, t in texts.items()]
    incidents = {x["id"]: x for x in load("similarity.json")}
    per_incident, found, pairs = [], 0, 0
    for incident_id in SPLITS["similarity"][split]:
        incident = incidents[incident_id]
        top = {m.candidate.key for m in most_similar(incident["summary"], candidates, 5, theme_weight=theme_weight)}
        relevant = set(incident["relevant"])
        per_incident.append(len(relevant & top) / len(relevant))
        found, pairs = found + len(relevant & top), pairs + len(relevant)
    return statistics.mean(per_incident), found, pairs


def report_similarity():
    from casereview.library.similarity import THEME_WEIGHT

    if not (CORPUS / "docs").is_dir():
        print(f"== Similar reviews: skipped, no corpus at {CORPUS} (set CORPUS=folder) ==\n")
        return
    print("== Similar past reviews: recall@5 (mean per incident; pairs found) ==")
    for label, weight in (("plain BM25", 0.0), (f"BM25 + shared themes (weight {THEME_WEIGHT})", THEME_WEIGHT)):
        cells = []
        for split in ("dev", "held_out"):
            mean, found, pairs = similarity_recall(split, weight)
            cells.append(f"{split} {mean:.2f} ({found}/{pairs})")
        print(f"  {label:40} " + "   ".join(cells))
    print("  embedding model: benchmarks/library_embeddings.py (needs torch; see docs/decisions.md)\n")


# --- 3. speed ----------------------------------------------------------------------------------------------

WORDS = (
    "neglect information sharing professional curiosity domestic abuse parental mental health substance misuse "
    "looked after children placement school health visitor police social worker escalation supervision "
    "assessment chronology history voice of the child lived experience thresholds early help adolescents "
    "exploitation county lines missing from care babies bruising fracture injury sleeping arrangements "
    "multi-agency working case transfer workforce turnover disguised compliance hostile parents father "
    "disability autism housing poverty culture interpreter faith online social media self-harm suicide knife "
    "violence gang strategy meeting referral child protection plan conference core group record keeping"
).split()
QUERIES = [
    "neglect",
    "information sharing",
    '"information sharing"',
    "professional curiosity",
    "domestic abuse",
    "escalation",
    "supervision -police",
    "babies OR infants",
    "county lines",
    "missing from care",
    "hostile parents",
    "chronology",
    "self-harm",
    "health visitor",
    "thresholds early help",
    "knife",
    "fracture",
    "disguised compliance",
    "case transfer",
    "voice of the child",
]


def make_documents(rng, count, start=0):
    for i in range(start, start + count):
        words = rng.choices(WORDS, k=rng.randint(12, 40))
        yield f"doc{i // 50}", f"Child {i // 10}", " ".join(words).capitalize() + "."


def load_entries(count, start=0):
    from casereview.library import services
    from casereview.library.models import Entry

    rng = random.Random(start)
    batch = []
    for document, title, text in make_documents(rng, count, start):
        batch.append(
            Entry(
                partnership=None,
                kind="learning_point",
                number=len(batch) + 1,
                text=text,
                review_title=title,
                review_key=f"{document}#{title}",
                source="national",
                source_document=document,
                source_name="National",
                year=2010 + rng.randint(0, 15),
                is_published=True,
            )
        )
        if len(batch) == 5000:
            services._save_imported(batch)
            batch = []
    if batch:
        services._save_imported(batch)
    return Entry.objects.count()


def p95(values):
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def time_searches(user, partnership, rounds=3):
    from django.db import connection

    from casereview.library import search, selectors

    ours, raw = [], []
    for _ in range(rounds):
        for text in QUERIES:
            query = search.parse_query(text)
            sql, params = search.raw_search_sql(query)
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                cursor.fetchall()
            raw.append(time.perf_counter() - started)
            started = time.perf_counter()
            selectors.entry_search(user=user, partnership=partnership, query=query)
            ours.append(time.perf_counter() - started)
    return p95(ours), p95(raw)


def page_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"q": "information sharing"})
    assert response.status_code == 200
    return len(captured)


def run_speed():
    os.environ.setdefault("CASEREVIEW_VAR_DIR", tempfile.mkdtemp(prefix="casereview-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    settings.ALLOWED_HOSTS = ["*"]
    total = int(os.environ.get("SPEED_ENTRIES", 100_000))
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from casereview.accounts.models import Role
        from casereview.library import services
        from casereview.testing import PartnershipFactory, UserFactory, member

        partnership = PartnershipFactory(slug="bench")
        viewer = member(partnership, Role.VIEWER, username="bench.viewer")
        admin = UserFactory(username="bench.admin", is_superuser=True)
        client = Client()
        client.force_login(viewer)
        url = reverse("library:search", args=[partnership.slug])
        print(f"== Speed on {connection.vendor} ==")

        folder = Path(tempfile.mkdtemp(prefix="library-import-"))
        rng = random.Random(7)
        for n in range(10):
            points = [text for _d, _t, text in make_documents(rng, 1000, n * 1000)]
            (folder / f"batch{n}.json").write_text(
                json.dumps({"child_pseudonyms": [f"Child {n}"], "learning_points": points})
            )
        started = time.perf_counter()
        imported, problems = services.national_import(actor=admin, folder=folder)
        print(
            f"import and index {imported:,} entries through the import service: {time.perf_counter() - started:.1f} s"
        )
        small_queries = page_queries(client, url)
        load_entries(total - imported, start=10_000)
        count = total
        big_queries = page_queries(client, url)
        print(f"library page queries: {small_queries} at {imported:,} entries, {big_queries} at {count:,}")
        time_searches(viewer, partnership, rounds=1)  # warm the caches for both sides alike
        ours, raw = time_searches(viewer, partnership)
        from casereview.library.search import COUNTED_MATCHES

        print(
            f"search p95 over {len(QUERIES)} queries x 3 at {count:,} entries: {ours * 1000:.0f} ms with the "
            f"total, a page with snippets and the filters' counts (of the best {COUNTED_MATCHES:,} matches); "
            f"raw full-text query alone {raw * 1000:.0f} ms; ratio {ours / raw:.1f}x"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print()


if __name__ == "__main__":
    only = sys.argv[1] if len(sys.argv) > 1 else "all"
    if only in ("all", "quality"):
        report_themes()
        report_similarity()
    if only in ("all", "speed"):
        run_speed()
