"""Parallel reordering of a review's learning points (item 5): two browsers move neighbours at once."""

import re

from client import Client, load_logins
from races import REVIEW, both, codes, db, describe

load_logins()
a, b = Client("southwark.manager"), Client("southwark.manager")
a.sign_in(), b.sign_in()
bad = []
for i in range(8):
    lps = db(
        f"select id from reviews_learningpoint where review_id='{REVIEW}' and withdrawn_at is null order by number"
    ).split()
    x, y, z = lps[1], lps[2], lps[3]
    ta = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', a.get(f"/reviews/{REVIEW}/findings/").text).group(1)
    tb = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', b.get(f"/reviews/{REVIEW}/findings/").text).group(1)
    rs = both(
        lambda: a.post(f"/learning-points/{y}/move/", {"csrfmiddlewaretoken": ta, "direction": "up"}),
        lambda: b.post(
            f"/learning-points/{z}/move/", {"csrfmiddlewaretoken": tb, "direction": "up" if i % 2 else "down"}
        ),
    )
    nums = db(
        f"select number from reviews_learningpoint where review_id='{REVIEW}' and withdrawn_at is null order by number"
    ).split()
    ok = sorted(codes(rs)) == [302, 302] and nums == [str(n) for n in range(1, len(nums) + 1)]
    print(f"round {i}: {[describe(r) for r in rs]} numbers contiguous and unique: {ok}")
    if not ok:
        bad.append(i)
print(("PASS" if not bad else "FAIL") + f" parallel reordering: 8 rounds, bad {bad}")
