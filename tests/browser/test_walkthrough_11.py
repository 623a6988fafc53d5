"""Walkthrough 11, finding 7 (docs/walkthrough-11.md): at 390 px the tables of four or more columns broke
words mid-letter ("Inde / pen / dent / Chai / r"); a word now stays whole and the table scrolls in its box."""

import pytest

from casereview.accounts.models import Role
from casereview.testing import member

from .conftest import PHONE, assert_accessible, assert_fits
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every word of every table cell, and the words drawn on more than one line (a word broken mid-letter).
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('.app-table-wrapper th, .app-table-wrapper td')) {
    if (cell.closest('.app-file-name, .govuk-list')) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('.app-file-name, .govuk-list, .govuk-visually-hidden')) continue;
      const text = node.textContent;
      const re = /\\S+/g;
      let m;
      while ((m = re.exec(text))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


def test_the_people_table_keeps_its_words_whole_on_a_phone(page, alice, partnership_a):
    member(partnership_a, Role.CHAIR, username="chair", first_name="Independent", last_name="Chairperson")
    member(partnership_a, Role.EXECUTIVE, username="exec", first_name="Executive", last_name="Member")
    page.set_viewport_size(PHONE)
    sign_in(page, "alice")
    page.goto(f"/partnerships/{partnership_a.slug}/people/")
    assert page.locator(".app-table-wrapper table").count() >= 1
    assert page.evaluate(BROKEN_WORDS) == []
    assert_fits(page)  # the table scrolls inside its own box, the page does not
    assert_accessible(page)
