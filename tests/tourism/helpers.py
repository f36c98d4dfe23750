import json
import re

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def json_ld(response):
    """The page's schema.org data, parsed."""
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def card_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".card__title a")]
