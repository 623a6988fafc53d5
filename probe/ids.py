import json

from django.apps import apps

out = {}
for label in [
    "incidents.Incident",
    "reviews.Review",
    "actionplans.Action",
    "reviews.LearningPoint",
    "reviews.Recommendation",
    "reviews.AgencyContribution",
    "actionplans.Evidence",
    "decisions.ChairDecision",
    "accounts.Agency",
    "reviews.ChronologyImport",
    "reviews.ChronologyEntry",
    "decisions.RapidReview",
    "decisions.ReviewRecommendation",
    "incidents.ChildIdentity",
    "reviews.FindingRevision",
    "reviews.LearningEvent",
    "actionplans.TrainingYear",
    "actionplans.DisseminationEvent",
    "publication.Report",
    "reporting.SubgroupMeeting",
    "core.ExportJob",
    "publication.Publication",
    "documents.Document",
    "actionplans.ProgressUpdate",
    "reporting.AnnualReport",
    "library.Briefing",
    "reporting.CommitteePaper",
    "actionplans.Risk",
    "accounts.Subgroup",
    "accounts.Membership",
]:
    try:
        M = apps.get_model(label)
    except LookupError:
        print("no", label)
        continue
    rows = []
    for o in M._base_manager.all()[:400]:
        p = getattr(o, "partnership", None)
        if p is None:
            for via in ("review", "incident", "action", "contribution"):
                x = getattr(o, via, None)
                if x is not None:
                    p = getattr(x, "partnership", None) or getattr(getattr(x, "review", None), "partnership", None)
                    if p:
                        break
        rows.append({"pk": str(o.pk), "p": getattr(p, "slug", None), "s": str(o)[:60]})
    out[label] = rows
json.dump(out, open("/tmp/reprobe16/var/ids.json", "w"), indent=0)
for k, v in out.items():
    from collections import Counter

    print(k, len(v), Counter(r["p"] for r in v))
