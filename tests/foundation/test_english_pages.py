"""The English site in a real browser: a visitor who reads no Chinese meets none.

Every English page of the demo (the sitemap, and the pages they link to, such
as booking and enquiry forms) is checked for Han characters and full-width
punctuation in what a visitor reads or hears: visible text, and the alt,
title, placeholder and aria-label attributes. Chinese is allowed only where
it is meant and marked so, inside an element with lang="zh-…" (the filing
numbers, a name in both scripts).
"""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: Han characters, CJK punctuation (、。「」) and full-width forms (：；（）).
CHINESE = r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]"

#: What on the page is Chinese and not inside an element marked lang="zh-…".
UNMARKED_CHINESE = """(pattern) => {
  const chinese = new RegExp(pattern);
  const marked = (element) => {
    const owner = element.closest("[lang]");
    return owner !== null && owner.lang.toLowerCase().startsWith("zh");
  };
  const found = [];
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) {
    const node = texts.currentNode;
    if (chinese.test(node.data) && !node.parentElement.closest("script, style, template")
        && !marked(node.parentElement)) {
      found.push(node.data.trim());
    }
  }
  for (const name of ["alt", "title", "placeholder", "aria-label"]) {
    for (const element of document.querySelectorAll(`[${name}]`)) {
      const value = element.getAttribute(name);
      if (chinese.test(value) && !marked(element)) found.push(`${name}="${value}"`);
    }
  }
  if (chinese.test(document.title)) found.push(`<title>${document.title}`);
  return found;
}"""


def test_english_pages_show_no_unmarked_chinese(browser_page, client, demo_site):
    sitemap = client.get("/sitemap.xml").content.decode()
    to_visit = [
        re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>(.*?)</loc>", sitemap)
    ]
    to_visit = [path for path in to_visit if path.startswith("/en/")]
    assert len(to_visit) > 40  # every kind of page of the demo, in English
    seen, chinese = set(to_visit), {}
    while to_visit:
        path = to_visit.pop()
        response = browser_page.goto(path)
        assert response.status == 200, path
        if found := browser_page.evaluate(UNMARKED_CHINESE, CHINESE):
            chinese[path] = found
        # Forms and other routes of a page are English pages too.
        for href in browser_page.eval_on_selector_all(
            "a[href^='/en/']", "links => links.map(link => link.getAttribute('href'))"
        ):
            link = href.split("#")[0]
            if "?" not in link and link not in seen:
                seen.add(link)
                to_visit.append(link)
    assert chinese == {}
    assert browser_page.outside_requests == []
