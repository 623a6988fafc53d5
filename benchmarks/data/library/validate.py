#!/usr/bin/env python3
"""Validate themes.json, similarity.json and reviews.json in this folder.
Checks: JSON parses; required fields; every theme tag is a taxonomy entry from
/work/shared/domain.md ("Themes taxonomy"); ids unique; every relevant key is in reviews.json;
summaries have 3-6 sentences; corpus items are verbatim (whitespace/markup-normalised) in their source."""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = '/work/shared/corpus'
TAXONOMY = [
 "neglect", "physical abuse", "sexual abuse", "emotional abuse", "child sexual exploitation",
 "child criminal exploitation / county lines", "extrafamilial harm", "trafficking / modern slavery",
 "fabricated or induced illness",
 "under-ones / babies", "sudden unexpected death in infancy", "looked-after children", "care leavers",
 "disabled children / SEND", "adolescents", "children missing from care, home or education", "young carers",
 "racial, ethnic and cultural identity", "online harm / social media", "mental health and self-harm",
 "youth violence / knife crime",
 "domestic abuse", "parental mental health", "parental substance misuse", "parenting capacity",
 "whole-family approach", "poverty", "resistant / hard-to-engage parents", "private fostering",
 "special guardianship",
 "information sharing", "multi-agency working", "escalation and professional challenge",
 "assessment and history", "voice and lived experience of the child",
 "professional curiosity and critical thinking", "workforce turnover and capacity", "supervision",
 "case transfer", "placement choice and matching", "school moves and transfer of records",
 "police and children's social care roles", "health assessments", "thresholds", "leadership and culture",
]
TAX = set(TAXONOMY)

def norm(s):
    s = s.replace('**', '')
    s = re.sub(r'\[([^\]]*)\]\(#\)', r'\1', s)
    s = s.replace('\uf0b7', ' ')
    return re.sub(r'\s+', ' ', s).strip()

errors = []
themes = json.load(open(os.path.join(HERE, 'themes.json'), encoding='utf-8'))
sim = json.load(open(os.path.join(HERE, 'similarity.json'), encoding='utf-8'))
reviews = json.load(open(os.path.join(HERE, 'reviews.json'), encoding='utf-8'))

ids = set()
docs, golds = {}, {}
for it in themes:
    for f in ('id', 'text', 'source', 'themes'):
        if f not in it: errors.append(f"{it.get('id')}: missing {f}")
    if it['id'] in ids: errors.append(f"duplicate id {it['id']}")
    ids.add(it['id'])
    for t in it['themes']:
        if t not in TAX: errors.append(f"{it['id']}: tag not in taxonomy: {t!r}")
    if len(set(it['themes'])) != len(it['themes']): errors.append(f"{it['id']}: repeated tag")
    src = it['source']
    p = os.path.join(CORPUS, 'docs', src + '.txt')
    if not os.path.exists(p): errors.append(f"{it['id']}: unknown source {src}"); continue
    if src not in docs:
        docs[src] = norm(open(p, encoding='utf-8').read())
        gp = os.path.join(CORPUS, 'gold', src + '.json')
        g = json.load(open(gp, encoding='utf-8')) if os.path.exists(gp) else {}
        golds[src] = set(g.get('learning_points', []) + g.get('recommendations', []))
    if it['text'] in golds[src]: continue
    if 'de-interleaved' in it.get('note', ''):
        missing = [w for w in re.findall(r"[A-Za-z0-9’']+", it['text']) if w not in docs[src]]
        if missing: errors.append(f"{it['id']}: words not in source: {missing}")
    elif norm(it['text']) not in docs[src]:
        errors.append(f"{it['id']}: text not verbatim in {src}")

if len(themes) < 220: errors.append(f"themes.json has {len(themes)} items (< 220)")
sids = set()
for o in sim:
    for f in ('id', 'summary', 'relevant'):
        if f not in o: errors.append(f"{o.get('id')}: missing {f}")
    if o['id'] in sids: errors.append(f"duplicate id {o['id']}")
    sids.add(o['id'])
    for k in o['relevant']:
        if k not in reviews: errors.append(f"{o['id']}: relevant key not in reviews.json: {k}")
    n = len([x for x in re.split(r'(?<=[.!?])\s+', o['summary'].strip()) if x])
    if not 3 <= n <= 6: errors.append(f"{o['id']}: {n} sentences")
    if not 1 <= len(o['relevant']) <= 4: errors.append(f"{o['id']}: {len(o['relevant'])} relevant")
if len(sim) < 32: errors.append(f"similarity.json has {len(sim)} incidents (< 32)")
for k in reviews:
    name = k.split('#')[0]
    if not os.path.exists(os.path.join(CORPUS, 'docs', name + '.txt')): errors.append(f"review key {k}: no such corpus NAME")

print(f"themes: {len(themes)} items; similarity: {len(sim)} incidents; reviews: {len(reviews)} keys")
if errors:
    print('\n'.join(errors)); sys.exit(1)
print('OK')
