"""How search latency grows with the site: 100 and then 5,000 pages in each language.

Not a test: run it by hand on the database to measure, e.g.

    .venv/bin/python -m benchmarks.search
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/searchbench .venv/bin/python -m benchmarks.search

For each size it builds a throwaway test database (never the site's own:
test_searchbench_100, test_searchbench_5000), adds generated live pages in
Chinese and English, indexes them with search.backends, times what the
search page and the type-ahead ask of the database, and prints both sizes
side by side.

Building 5,000 pages per language takes many minutes. With `--keepdb` the
databases are kept, and a later run with `--keepdb` measures them again
without building (drop them by hand when done); `--sizes 100 1000` measures
other sizes.
"""

import argparse
import os
import random
import statistics
import sys
import time

SIZES = (100, 5000)
REPEATS = 7
QUERIES = {
    "zh-hans": [
        "南泥湾",
        "自力更生",
        "泥湾",
        "延安精神南泥湾",
        "湾",
        "Nanniwan",
        "ENY 机场",
        "棗園",
        "yang jia ling",
        "Nánníwān",
        "延安 研学",
    ],
    "en": ["Nanniwan", "spirit", "serving", "cherry blossom", "Yan'an", "南泥湾", "Nanniwan study"],
}
ZH_PHRASES = [
    "南泥湾精神是自力更生的象征",
    "三五九旅开荒屯田",
    "宝塔山是延安的标志",
    "枣园革命旧址",
    "为人民服务",
    "张思德精神",
    "杨家岭中央大礼堂",
    "延安文艺座谈会",
    "灵山胜境",
    "灵山大佛",
    "鼋头渚樱花",
    "太湖之滨",
    "研学旅行",
    "研学基地",
    "干部党性教育",
    "中国延安干部学院",
    "壶口瀑布",
    "黄河乾坤湾",
    "延一井",
    "梁家河",
    "清凉山",
    "解放日报",
    "新华社",
    "延安革命纪念馆",
    "王家坪",
    "凤凰山",
    "鲁迅艺术文学院",
    "东林书院",
    "惠山古镇",
    "江南大学",
    "直飞航线",
    "机场",
]
EN_WORDS = [
    "Nanniwan",
    "spirit",
    "self-reliance",
    "hard",
    "struggle",
    "brigade",
    "reclaimed",
    "wasteland",
    "Baota",
    "Hill",
    "pagoda",
    "Yan'an",
    "Wuxi",
    "Zaoyuan",
    "serving",
    "people",
    "wholeheartedly",
    "Yangjialing",
    "auditorium",
    "forum",
    "literature",
    "Lingshan",
    "Buddha",
    "Yuantouzhu",
    "cherry",
    "blossom",
    "Taihu",
    "lake",
    "study",
    "tour",
    "base",
    "camp",
    "cadre",
    "training",
    "academy",
    "Hukou",
    "waterfall",
    "Yellow",
    "River",
    "memorial",
    "hall",
    "museum",
    "route",
    "itinerary",
    "flight",
    "airport",
]


def _text(rng, language):
    if language == "en":
        return " ".join(rng.choice(EN_WORDS) for _ in range(60)) + "."
    return "，".join(rng.choice(ZH_PHRASES) for _ in range(12)) + "。"


def _add_pages(homes, count, rng):
    """Add `count` live pages per language, then index them in bulk.

    Publishing indexes each page on its own, and modelsearch then refreshes
    its title norms over the whole index: fine for an editor, but 10,000 of
    them in a row would make the benchmark take hours. Bulk indexing gives
    the same index. The reference index (links between pages, for the
    admin) plays no part in search, and one transaction spares a commit
    per row.
    """
    from django.db import transaction
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.search.backends import get_search_backend
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from home.models import HomePage

    post_save.disconnect(post_save_signal_handler, sender=HomePage)
    try:
        created = []
        with transaction.atomic(), disable_reference_index_auto_update():
            for language, home in homes.items():
                for i in range(count):
                    title = _text(rng, language)[:30]
                    page = HomePage(
                        title=title,
                        slug=f"p{i}",
                        hero_heading=title,
                        body=f"<p>{_text(rng, language)}</p>",
                        locale=home.locale,
                    )
                    home.add_child(instance=page)
                    created.append(page.pk)
    finally:
        post_save.connect(post_save_signal_handler, sender=HomePage)
    backend = get_search_backend()
    for start in range(0, len(created), 500):
        backend.add_bulk(HomePage, HomePage.objects.filter(pk__in=created[start : start + 500]))


def _median_ms(work, *args):
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        work(*args)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def _measure(databases):
    """Median latencies of each query on each database, taken in turns.

    The machine's load changes by the minute; measuring one size after the
    other made the ratio follow the load. Here both sizes are timed one
    query after the other, so a busy minute slows both alike.
    """
    from django.db import connection
    from wagtail.models import Locale

    from search.views import site_search, suggested_pages

    def search_page(query, locale):
        # What the search view asks of the database: the type facet (which
        # also gives the count) and one page.
        results = site_search(query, locale)
        results.facet("content_type_id")
        list(results[:10])

    def type_ahead(query, locale):
        list(suggested_pages(query, locale))

    figures = {size: {} for size in databases}
    for language, queries in QUERIES.items():
        for query in queries:
            for size, name in databases.items():
                connection.close()
                connection.settings_dict["NAME"] = name
                locale = Locale.objects.get(language_code=language)
                search_page(query, locale)  # warm caches once
                key = (language, query)
                figures[size][(*key, "search")] = _median_ms(search_page, query, locale)
                figures[size][(*key, "suggest")] = _median_ms(type_ahead, query[:2], locale)
    return figures


def _build(size, locales):
    """Bench home pages in each language with `size` generated pages under each.

    A kept database that already holds them is used as it is.
    """
    from wagtail.models import Page

    from home.models import HomePage

    root = Page.get_first_root_node()
    homes = {}
    for code, locale in locales.items():
        homes[code] = HomePage.objects.filter(slug=f"bench-{code}").first() or root.add_child(
            instance=HomePage(
                title="bench", slug=f"bench-{code}", hero_heading="bench", locale=locale
            )
        )
    built = homes["en"].get_children().count()
    if built == size:
        return "reused"
    if built:
        sys.exit(f"The kept database holds {built} pages per language, not {size}: drop it.")
    start = time.perf_counter()
    _add_pages(homes, size, random.Random(1997))
    return f"built in {time.perf_counter() - start:.0f} s"


def _test_database_names(connection, sizes):
    """A database of its own for each size, so that each can be kept and reused."""
    name = connection.creation._get_test_db_name()
    if connection.vendor == "sqlite":
        # The test settings name the file after the process; a kept one must outlive it.
        name = name.removesuffix(".sqlite3").rsplit("-", 1)[0]
        return {size: f"{name}-searchbench-{size}.sqlite3" for size in sizes}
    return {size: f"{name}_{size}" for size in sizes}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keepdb", action="store_true", help="keep the databases, reuse kept ones")
    parser.add_argument("--sizes", type=int, nargs=2, default=SIZES, metavar=("SMALL", "LARGE"))
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "yanxi_site.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from wagtail.models import Locale

    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
    old_name = connection.settings_dict["NAME"]
    databases = {}
    try:
        for size, name in _test_database_names(connection, options.sizes).items():
            connection.settings_dict["TEST"]["NAME"] = name
            databases[size] = connection.creation.create_test_db(
                verbosity=0, autoclobber=True, serialize=False, keepdb=options.keepdb
            )
            locales = {code: Locale.objects.get(language_code=code) for code in QUERIES}
            how = _build(size, locales)
            if connection.vendor == "postgresql":
                # What autovacuum does on a live site: the planner's statistics
                # (without them it cannot tell that a GIN index narrows the
                # match), and the rows and index entries that the build left
                # for it to settle (dead rows, GIN's pending list).
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE")
            print(f"{size} pages per language: {how} ({connection.vendor})", file=sys.stderr)
        results = _measure(databases)
    finally:
        for name in databases.values():
            connection.settings_dict["NAME"] = name
            connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=options.keepdb)

    small, large = options.sizes
    print(f"\nMedian latency in ms ({connection.vendor}, {REPEATS} runs each)")
    print(f"{'language':8} {'query':18} {'kind':8} {small:>8} {large:>8} {'ratio':>6}")
    for key in results[small]:
        a, b = results[small][key], results[large][key]
        print(f"{key[0]:8} {key[1]:18} {key[2]:8} {a:8.1f} {b:8.1f} {b / a:6.1f}")
    for kind in ("search", "suggest"):
        a = statistics.median(v for k, v in results[small].items() if k[2] == kind)
        b = statistics.median(v for k, v in results[large].items() if k[2] == kind)
        print(f"{'all':8} {'(median)':18} {kind:8} {a:8.1f} {b:8.1f} {b / a:6.1f}")


if __name__ == "__main__":
    main()
