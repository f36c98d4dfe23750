"""Fixture pages for the search tests: real places and facts, in Chinese and English.

Each entry is (slug, Chinese title, Chinese paragraphs, English title,
English paragraphs). The pages are HomePage instances under the home page:
the search must not depend on any particular page type, and the other apps'
page types are still being built.
"""

from wagtail.models import Locale

from home.models import HomePage

PAGES = [
    (
        "nanniwan",
        "南泥湾",
        [
            "南泥湾精神是自力更生的象征。1941年起，王震率领三五九旅在南泥湾开荒屯田，“一手拿枪，一手拿镐”。",
            "今天的南泥湾是一片湿地公园，距延安市区约45公里。",
        ],
        "Nanniwan",
        [
            "The Nanniwan Spirit stands for self-reliance and hard struggle. From 1941 the "
            "359th Brigade under Wang Zhen reclaimed the Nanniwan wasteland, a rifle in one "
            "hand and a hoe in the other.",
            "Today Nanniwan (南泥湾) is a wetland park about 45 km south-east of Yan'an.",
        ],
    ),
    (
        "baota",
        "宝塔山",
        ["宝塔山上的宝塔高44米，九层八角，始建于唐代，是延安的标志。"],
        "Baota Hill",
        [
            "The pagoda on Baota Hill is 44 metres tall, nine storeys and octagonal; first "
            "built in the Tang dynasty, it is the symbol of Yan'an."
        ],
    ),
    (
        "zaoyuan",
        "枣园革命旧址",
        ["1943年10月至1947年3月，中共中央书记处驻地在枣园。园内有“为人民服务”广场。"],
        "Zaoyuan Revolutionary Site",
        [
            "The Central Secretariat was based at Zaoyuan (Date Garden) from October 1943 "
            "to March 1947. The site has a Serve the People square."
        ],
    ),
    (
        "zhang-side",
        "张思德精神",
        [
            "张思德精神就是全心全意为人民服务。1944年9月5日，张思德在安塞烧炭时因炭窑崩塌牺牲；9月8日毛泽东发表《为人民服务》演讲。"
        ],
        "The Zhang Side Spirit",
        [
            "The Zhang Side Spirit means serving the people wholeheartedly. Zhang Side died "
            "on 5 September 1944 when a charcoal kiln collapsed in Ansai; on 8 September Mao "
            "Zedong gave the speech Serve the People."
        ],
    ),
    (
        "yangjialing",
        "杨家岭革命旧址",
        ["1945年中共七大在杨家岭中央大礼堂召开；1942年延安文艺座谈会也在这里举行。"],
        "Yangjialing Revolutionary Site",
        [
            "The 7th Party Congress met in the Yangjialing auditorium in 1945; the Yan'an "
            "Forum on Literature and Art was held here in 1942."
        ],
    ),
    (
        "lingshan",
        "灵山胜境",
        ["灵山集团运营的灵山胜境有88米高的灵山大佛，梵宫建成于2008年。"],
        "Lingshan Grand Buddha Scenic Area",
        [
            "Run by the Lingshan Group, the scenic area has the 88-metre bronze Lingshan "
            "Grand Buddha; the Brahma Palace opened in 2008."
        ],
    ),
    (
        "airport",
        "延安南泥湾机场",
        [
            "延安南泥湾机场（IATA代码ENY）于2018年11月通航，位于市区西南约13公里。2022年7月1日开通无锡—延安直飞航线。"
        ],
        "Yan'an Nanniwan Airport",
        [
            "Yan'an Nanniwan Airport (IATA code ENY) opened in November 2018, about 13 km "
            "south-west of the city. A direct Wuxi–Yan'an route opened on 1 July 2022."
        ],
    ),
    (
        "study-tours",
        "中小学研学旅行",
        [
            "研学基地是开展研学旅行的教学场所，营地还提供食宿。服务标准为LB/T 054-2016《研学旅行服务规范》。"
        ],
        "School study tours",
        [
            "A study-tour base is a teaching site; a camp also offers meals and beds. The "
            "service standard is LB/T 054-2016."
        ],
    ),
    (
        "cadre-training",
        "干部党性教育培训",
        [
            "“延安党性锻炼+无锡能力提升”两段式培训，让延安成为干部党性教育首选地。中国延安干部学院于2005年开学。"
        ],
        "Cadre training in Party spirit",
        [
            "A two-stage model, Party-spirit tempering in Yan'an plus capability improvement "
            "in Wuxi, makes Yan'an the first choice for cadre training. The China Executive "
            "Leadership Academy Yan'an opened in 2005."
        ],
    ),
    (
        "hukou",
        "壶口瀑布",
        ["壶口瀑布位于宜川县，是黄河上的大瀑布，与山西吉县共有。"],
        "Hukou Waterfall",
        [
            "Hukou Waterfall in Yichuan county is the great falls of the Yellow River, shared "
            "with Ji county in Shanxi."
        ],
    ),
    (
        "paired-cooperation",
        "延安无锡对口合作",
        [
            "自1997年起，延安与无锡结为对口合作城市。2023年发布的实施方案提出打造“延锡样板”，弘扬延安精神、南泥湾精神和张思德精神。"
        ],
        "Yan'an–Wuxi paired cooperation",
        [
            "Yan'an and Wuxi have been paired since 1997. The 2023 implementation plan aims "
            "at a Yan'an–Wuxi model of cooperation and carries forward the Yan'an Spirit, "
            "the Nanniwan Spirit and the Zhang Side Spirit."
        ],
    ),
    (
        "yuantouzhu",
        "鼋头渚",
        ["鼋头渚是太湖边的公园，自1916年开放，以樱花闻名。"],
        "Yuantouzhu",
        [
            "Yuantouzhu is a park on the shore of Taihu Lake, open since 1916 and famous for "
            "its cherry blossom."
        ],
    ),
    (
        "bo-gu",
        "秦邦宪（博古）旧居",
        [
            "博古1907年生于无锡，在延安清凉山主持《解放日报》和新华社工作，1946年4月8日因飞机失事遇难。"
        ],
        "Former residence of Qin Bangxian (Bo Gu)",
        [
            "Bo Gu, born in Wuxi in 1907, ran Liberation Daily and Xinhua News Agency at "
            "Qingliang Hill in Yan'an; he died in the air crash of 8 April 1946."
        ],
    ),
    (
        "yanan-spirit",
        "延安精神",
        [
            "延安精神：坚定正确的政治方向，解放思想、实事求是的思想路线，全心全意为人民服务的根本宗旨，自力更生、艰苦奋斗的创业精神。"
        ],
        "The Yan'an Spirit",
        [
            "The Yan'an Spirit: a firm political direction; emancipating the mind and seeking "
            "truth from facts; serving the people wholeheartedly; self-reliance and hard "
            "struggle."
        ],
    ),
]


def make_search_pages(demo, home, pages=PAGES):
    """Publish the fixture pages in Chinese and, through wagtail-localize, in English."""
    for slug, title, paragraphs, title_en, paragraphs_en in pages:
        english = {title: title_en, **dict(zip(paragraphs, paragraphs_en, strict=True))}
        demo.page(
            home,
            HomePage,
            slug,
            english,
            title=title,
            hero_heading=title,
            body="".join(f"<p>{p}</p>" for p in paragraphs),
        )
    return {
        locale.language_code: {
            page.slug: page for page in HomePage.objects.filter(locale=locale, depth=home.depth + 1)
        }
        for locale in Locale.objects.all()
    }
