"""Demo content of the tourism app: spirits, partners, the flight, red sites, routes, offerings.

Facts come from /work/shared/domain-facts.md; coordinates marked "≈" there are
estimates that editors must check before publishing real pages. Flight numbers
and the weekday of the Wuxi–Yan'an flight are placeholders: only the times are
reported.
"""

import datetime
import json
from decimal import Decimal

from core.demo import Texts
from home.models import HomePage

from .models import (
    Flight,
    JointOfferingIndexPage,
    JointOfferingPage,
    Partner,
    RedSiteIndexPage,
    RedSitePage,
    RouteIndexPage,
    RoutePage,
    Spirit,
)


def _stream(blocks):
    return json.dumps(
        [{"type": kind, "value": value} for kind, value in blocks], ensure_ascii=False
    )


SPIRITS = [
    (
        "yanan-spirit",
        ("延安精神", "The Yan'an Spirit"),
        (
            "坚定正确的政治方向，解放思想、实事求是的思想路线，全心全意为人民服务的根本宗旨，自力更生、艰苦奋斗的创业精神。",
            "A firm and correct political direction; emancipating the mind and seeking truth "
            "from facts; serving the people wholeheartedly; self-reliance and hard struggle.",
        ),
    ),
    (
        "nanniwan-spirit",
        ("南泥湾精神", "The Nanniwan Spirit"),
        (
            "自力更生、艰苦奋斗：1941年起，王震率八路军第三五九旅开垦南泥湾荒地，“一手拿枪，一手拿镐”。",
            "Self-reliance and hard struggle: from 1941 the 359th Brigade under Wang Zhen "
            "reclaimed the Nanniwan wasteland, \u201ca rifle in one hand, a hoe in the other\u201d.",
        ),
    ),
    (
        "zhang-side-spirit",
        ("张思德精神", "The Zhang Side Spirit"),
        (
            "全心全意为人民服务，在平凡岗位上无私奉献。1944年张思德牺牲后，毛泽东发表了《为人民服务》的讲话。",
            "Serving the people wholeheartedly and selfless dedication in ordinary work. After "
            "Zhang Side died in 1944, Mao Zedong gave his speech \u201cServe the People\u201d.",
        ),
    ),
]

PARTNERS = [
    {
        "slug": "wuxi-culture-tourism-group",
        "name": ("无锡文旅集团", "Wuxi Culture & Tourism Group"),
        "short_name": ("无锡文旅", "Wuxi C&T"),
        "city": "wuxi",
        "kind": "tourism_group",
        "hotline": "0510-00000001",
        "description": (
            "无锡市属文化旅游企业，与延安的合作伙伴共同推广“延安精神永放光芒”红色旅游品牌。",
            "Wuxi's municipal culture and tourism group; it promotes the red tourism brand "
            "\u201cThe Yan'an Spirit shines forever\u201d together with its partners in Yan'an.",
        ),
    },
    {
        "slug": "lingshan-group",
        "name": ("灵山集团", "Lingshan Group"),
        "short_name": ("灵山集团", "Lingshan"),
        "city": "wuxi",
        "kind": "tourism_group",
        "hotline": "0510-00000002",
        "description": (
            "运营灵山胜境和拈花湾的无锡文旅企业。",
            "The Wuxi tourism group that runs the Lingshan Grand Buddha scenic area and Nianhua Bay.",
        ),
    },
    {
        "slug": "yanlv-group",
        "name": ("延安旅游（集团）有限公司", "Yan'an Tourism Group"),
        "short_name": ("延旅集团", "Yanlv"),
        "city": "yanan",
        "kind": "tourism_group",
        "hotline": "0911-00000003",
        "description": (
            "延安市属旅游集团，运营多处红色景区，是对口合作中延安一方的主要文旅伙伴。",
            "Yan'an's municipal tourism group; it runs several red sites and is Yan'an's main "
            "tourism partner in the paired cooperation.",
        ),
    },
    {
        "slug": "shaanxi-tourism-group",
        "name": ("陕西旅游集团", "Shaanxi Tourism Group"),
        "short_name": ("陕旅集团", "Shaanxi Tourism"),
        "city": "other",
        "kind": "tourism_group",
        "hotline": "029-00000004",
        "description": (
            "陕西省属旅游集团，在延安运营圣地河谷·金延安，推出演出《延安保育院》和《延安十三年》。",
            "Shaanxi's provincial tourism group; in Yan'an it runs the Holy Land Valley \u00b7 "
            "Golden Yan'an quarter with the shows \u201cYan'an Nursery\u201d and \u201cYan'an's "
            "Thirteen Years\u201d.",
        ),
    },
    {
        "slug": "celay",
        "name": ("中国延安干部学院", "China Executive Leadership Academy Yan'an"),
        "short_name": ("延安干部学院", "CELAY"),
        "city": "yanan",
        "kind": "academy",
        "hotline": "",
        "description": (
            "2005年开学的国家级干部学院，是干部党性教育的重要基地。",
            "The national cadre academy opened in 2005, a leading centre of Party-spirit "
            "education for cadres.",
        ),
    },
    {
        "slug": "jiangnan-university",
        "name": ("江南大学", "Jiangnan University"),
        "short_name": ("江南大学", "Jiangnan University"),
        "city": "wuxi",
        "kind": "university",
        "hotline": "",
        "description": (
            "位于无锡的大学，以食品科学和农业见长，对口合作方案请其支持延安的现代农业。",
            "A Wuxi university strong in food science and agriculture; the cooperation plan asks "
            "it to support modern agriculture in Yan'an.",
        ),
    },
]


def _site(slug, title, summary, city, county, lat, lon, spirits=(), operator=None, **extra):
    return {
        "slug": slug,
        "title": title,
        "summary": summary,
        "city": city,
        "county": county,
        "lat": lat,
        "lon": lon,
        "spirits": spirits,
        "operator": operator,
        **extra,
    }


CITY_ADDRESS = {
    "yanan": ("陕西省延安市", "Yan'an, Shaanxi"),
    "wuxi": ("江苏省无锡市", "Wuxi, Jiangsu"),
}
YANAN_HOURS = ("8:00–17:30（16:30 停止入场）", "8:00–17:30 (last entry 16:30)")
FREE_BOOKING = (
    "免费参观，需凭身份证件实名预约。",
    "Free admission; book in advance with your ID.",
)
STEPS = (
    "部分旧址窑洞入口有台阶；主要步道平整，可推轮椅通行。",
    "Some cave-dwelling entrances have steps; the main paths are level and wheelchair-friendly.",
)

SITES = [
    _site(
        "baota-hill",
        ("宝塔山", "Baota (Pagoda) Hill"),
        (
            "延安的标志：山顶九层八角宝塔高44米，始建于唐代，明代重建。",
            "The symbol of Yan'an: a 44-metre, nine-storey octagonal pagoda, first built in the Tang dynasty and rebuilt in the Ming.",
        ),
        "yanan",
        ("宝塔区", "Baota District"),
        36.594,
        109.500,
        ("yanan-spirit",),
        "yanlv-group",
        opening=("8:00–18:00", "8:00–18:00"),
        tickets=(
            "成人票价以景区公布为准；学生、老人凭证件享受优惠。",
            "Adult fares as posted by the site; discounts for students and seniors with ID.",
        ),
        access=(
            "登塔需爬较陡的楼梯；山下广场有无障碍通道。",
            "Climbing the pagoda means steep stairs; the square below has step-free access.",
        ),
        paragraphs=[
            (
                "宝塔山位于延河与南川河交汇处，塔高44米，九层八角，始建于唐代，明代重建。",
                "Baota Hill stands where the Yan River meets the Nanchuan River. Its pagoda is 44 metres high, nine storeys and octagonal; first built in the Tang dynasty, it was rebuilt in the Ming.",
            ),
            (
                "宝塔是延安城的象征，也是许多人心中革命圣地的标志。",
                "The pagoda is the emblem of the city, and for many the symbol of Yan'an as a revolutionary holy land.",
            ),
        ],
        figure=("宝塔山远眺", "Baota Hill seen from afar"),
    ),
    _site(
        "fenghuangshan",
        ("凤凰山革命旧址", "Fenghuangshan Revolutionary Site"),
        (
            "1937年1月至1938年11月中共中央所在地。",
            "Seat of the CPC Central Committee from January 1937 to November 1938.",
        ),
        "yanan",
        ("宝塔区", "Baota District"),
        36.600,
        109.485,
        ("yanan-spirit",),
        "yanlv-group",
        paragraphs=[
            (
                "中共中央进驻延安后，最初在凤凰山麓办公和居住。",
                "When the Central Committee moved to Yan'an, it first worked and lived at the foot of Fenghuang Hill.",
            )
        ],
        timeline=[
            (
                "1937-01-01",
                "month",
                (
                    "中共中央进驻延安，驻凤凰山",
                    "The Central Committee arrives in Yan'an and settles at Fenghuangshan",
                ),
            ),
            (
                "1938-11-01",
                "month",
                ("因日军轰炸迁往杨家岭", "Moves to Yangjialing after Japanese air raids"),
            ),
        ],
    ),
    _site(
        "yangjialing",
        ("杨家岭革命旧址", "Yangjialing Revolutionary Site"),
        (
            "1945年中共七大在这里的中央大礼堂召开；1942年延安文艺座谈会也在此举行。",
            "The Seventh Party Congress met in its auditorium in 1945; the 1942 Yan'an Forum on Literature and Art was held here.",
        ),
        "yanan",
        ("宝塔区", "Baota District"),
        36.617,
        109.468,
        ("yanan-spirit",),
        "yanlv-group",
        paragraphs=[
            (
                "杨家岭的中央大礼堂是中共第七次全国代表大会会址。",
                "The Central Auditorium at Yangjialing is where the Seventh National Congress of the CPC met.",
            )
        ],
        timeline=[
            (
                "1942-05-01",
                "month",
                ("延安文艺座谈会召开", "The Yan'an Forum on Literature and Art"),
            ),
            (
                "1945-04-01",
                "month",
                ("中共七大开幕（至6月）", "The Seventh Party Congress opens (until June)"),
            ),
        ],
    ),
    _site(
        "zaoyuan",
        ("枣园革命旧址", "Zaoyuan (Date Garden) Revolutionary Site"),
        (
            "1943年10月至1947年3月中央书记处所在地，园内有“为人民服务”广场。",
            "Seat of the Central Secretariat from October 1943 to March 1947, with the \u201cServe the People\u201d square.",
        ),
        "yanan",
        ("宝塔区", "Baota District"),
        36.620,
        109.430,
        ("yanan-spirit", "zhang-side-spirit"),
        "yanlv-group",
        paragraphs=[
            (
                "枣园绿树成荫，是中央书记处在延安时间最长的驻地之一。",
                "Shaded by trees, the Date Garden was one of the longest-used seats of the Central Secretariat in Yan'an.",
            )
        ],
        quote=(
            (
                "我们的共产党和共产党所领导的八路军、新四军，是革命的队伍。我们这个队伍完全是为着解放人民的，是彻底地为人民的利益工作的。",
                "Our Communist Party and the Eighth Route and New Fourth Armies led by our Party are battalions of the revolution. These battalions of ours are wholly dedicated to the liberation of the people and work entirely in the people's interests.",
            ),
            (
                "毛泽东《为人民服务》，1944年9月8日",
                "Mao Zedong, \u201cServe the People\u201d, 8 September 1944",
            ),
        ),
    ),
    _site(
        "wangjiaping",
        ("王家坪革命旧址", "Wangjiaping Revolutionary Site"),
        (
            "1937至1947年中央军委和八路军总部所在地。",
            "Headquarters of the Central Military Commission and the Eighth Route Army, 1937–1947.",
        ),
        "yanan",
        ("宝塔区", "Baota District"),
        36.607,
        109.475,
        ("yanan-spirit",),
        "yanlv-group",
        paragraphs=[
            (
                "王家坪紧邻延安革命纪念馆，可以一起参观。",
                "Wangjiaping is next to the Yan'an Revolutionary Memorial Hall; visit the two together.",
            )
        ],
    ),
    _site(
        "memorial-hall",
        ("延安革命纪念馆", "Yan'an Revolutionary Memorial Hall"),
        (
            "1950年建馆，1973年起位于王家坪，系统展示中共中央在延安十三年的历史。",
            "Founded in 1950 and at Wangjiaping since 1973, it tells the story of the Central Committee's thirteen years in Yan'an.",
        ),
        "yanan",
        ("宝塔区", "Baota District"),
        36.606,
        109.477,
        ("yanan-spirit", "nanniwan-spirit", "zhang-side-spirit"),
        "yanlv-group",
        opening=(
            "9:00–17:00，周一闭馆（节假日除外）",
            "9:00–17:00, closed on Mondays except public holidays",
        ),
        paragraphs=[
            (
                "纪念馆是了解延安时期历史的最佳起点，建议预留两到三小时。",
                "The memorial hall is the best starting point for the Yan'an period; allow two to three hours.",
            )
        ],
    ),
    _site(
        "qingliang-hill",
        ("清凉山·延安新闻纪念馆", "Qingliang Hill / Yan'an News Memorial Hall"),
        (
            "新华社、《解放日报》和新华广播电台曾在这里工作；纪念馆2004年开馆。",
            "Xinhua News Agency, Liberation Daily and Xinhua Radio worked here; the memorial hall opened in 2004.",
        ),
        "yanan",
        ("宝塔区", "Baota District"),
        36.600,
        109.493,
        ("yanan-spirit",),
        "yanlv-group",
        paragraphs=[
            (
                "无锡人秦邦宪（博古）曾在清凉山主持《解放日报》和新华社的工作，这里是延安与无锡情缘的见证。",
                "Qin Bangxian (Bo Gu), a native of Wuxi, ran Liberation Daily and Xinhua at Qingliang Hill: a witness to the bond between Yan'an and Wuxi.",
            )
        ],
    ),
    _site(
        "luyi",
        ("鲁迅艺术文学院旧址", "Lu Xun Academy of Arts site"),
        (
            "桥儿沟的20世纪30年代教堂建筑；1938年中共六届六中全会在此召开。",
            "A 1930s church building at Qiaoergou; the Sixth Plenum of the Sixth Central Committee met here in 1938.",
        ),
        "yanan",
        ("宝塔区桥儿沟", "Qiaoergou, Baota District"),
        36.610,
        109.530,
        ("yanan-spirit",),
        "yanlv-group",
        paragraphs=[
            (
                "鲁艺是延安时期培养文艺人才的学校，旧址保存着完整的教堂建筑。",
                "The Lu Xun Academy trained artists and writers in the Yan'an years; its church building survives intact.",
            )
        ],
    ),
    _site(
        "kangda",
        ("抗日军政大学纪念馆", "Kangda Memorial Hall"),
        (
            "中国人民抗日军事政治大学1936年创办，纪念馆2004年开馆。",
            "The Anti-Japanese Military and Political University was founded in 1936; its memorial hall opened in 2004.",
        ),
        "yanan",
        ("宝塔区", "Baota District"),
        36.597,
        109.490,
        ("yanan-spirit",),
        "yanlv-group",
        paragraphs=[
            (
                "抗大为抗日战争培养了大批军政干部，纪念馆展示了它的办学历程。",
                "Kangda trained large numbers of military and political cadres for the war of resistance; the hall tells its story.",
            )
        ],
    ),
    _site(
        "nanniwan",
        ("南泥湾", "Nanniwan"),
        (
            "距城区约45公里的南泥湾，当年三五九旅在此开荒屯垦，如今是湿地公园。",
            "About 45 km south-east of the city, where the 359th Brigade reclaimed the wasteland; a wetland park today.",
        ),
        "yanan",
        ("宝塔区南泥湾镇", "Nanniwan town, Baota District"),
        36.35,
        109.72,
        ("nanniwan-spirit",),
        "yanlv-group",
        opening=("全天开放（展馆 9:00–17:00）", "Open all day (exhibition halls 9:00–17:00)"),
        paragraphs=[
            (
                "1941年起，王震率领八路军第三五九旅进驻南泥湾，把荒地变成了“陕北的好江南”。",
                "From 1941 the 359th Brigade of the Eighth Route Army under Wang Zhen moved into Nanniwan and turned the wasteland into \u201ca Jiangnan of northern Shaanxi\u201d.",
            ),
            (
                "1943年的歌曲《南泥湾》让这里家喻户晓。",
                "The 1943 song \u201cNanniwan\u201d made the place known to all.",
            ),
        ],
        timeline=[
            (
                "1941-03-01",
                "year",
                ("三五九旅开始屯垦南泥湾", "The 359th Brigade begins reclaiming Nanniwan"),
            ),
            (
                "1943-01-01",
                "year",
                ("歌曲《南泥湾》问世", "The song \u201cNanniwan\u201d is written"),
            ),
        ],
    ),
    _site(
        "zhang-side-memorial",
        ("张思德纪念地", "Zhang Side memorial sites"),
        (
            "1944年9月5日，张思德在安塞烧炭时因炭窑崩塌牺牲。",
            "On 5 September 1944 Zhang Side died here in Ansai when a charcoal kiln collapsed.",
        ),
        "yanan",
        ("安塞区", "Ansai District"),
        36.86,
        109.33,
        ("zhang-side-spirit",),
        "yanlv-group",
        paragraphs=[
            (
                "张思德是中央警备团战士，三天后毛泽东在追悼会上发表了《为人民服务》的讲话。",
                "Zhang Side was a soldier of the Central Guard Regiment; three days later Mao Zedong gave his speech \u201cServe the People\u201d at the memorial meeting.",
            )
        ],
        timeline=[
            (
                "1944-09-05",
                "day",
                ("张思德在安塞烧炭时牺牲", "Zhang Side dies while making charcoal in Ansai"),
            ),
            (
                "1944-09-08",
                "day",
                (
                    "毛泽东发表《为人民服务》讲话",
                    "Mao Zedong gives the speech \u201cServe the People\u201d",
                ),
            ),
        ],
    ),
    _site(
        "liangjiahe",
        ("梁家河", "Liangjiahe village"),
        (
            "延川县文安驿镇的村庄，红色研学的热门目的地。",
            "A village in Wen'anyi town, Yanchuan county, and a popular study-tour destination.",
        ),
        "yanan",
        ("延川县", "Yanchuan County"),
        36.78,
        109.98,
        ("yanan-spirit",),
        "yanlv-group",
        paragraphs=[
            (
                "梁家河位于延川县文安驿镇，村里保留着陕北窑洞和知青旧居。",
                "Liangjiahe lies in Wen'anyi town, Yanchuan county; the village keeps its northern Shaanxi cave dwellings and the homes of the sent-down youth.",
            )
        ],
    ),
    _site(
        "qiankun-bay",
        ("黄河乾坤湾", "Qiankun Bay of the Yellow River"),
        (
            "黄河在延川县拐出320°的大湾，是国家地质公园。",
            "The Yellow River winds through a 320° meander in Yanchuan county; a national geopark.",
        ),
        "yanan",
        ("延川县", "Yanchuan County"),
        36.70,
        110.39,
        (),
        "yanlv-group",
        paragraphs=[
            (
                "站在观景台上，可以看到黄河几乎绕成一个完整的圆。",
                "From the viewing platform the Yellow River almost closes a full circle.",
            )
        ],
    ),
    _site(
        "yanyi-well",
        ("延一井", "Yanyi Well No. 1"),
        (
            "中国陆上第一口油井，1907年出油，位于延长县。",
            "China's first onshore oil well, which struck oil in 1907, in Yanchang county.",
        ),
        "yanan",
        ("延长县", "Yanchang County"),
        36.58,
        110.01,
        ("nanniwan-spirit",),
        None,
        paragraphs=[
            (
                "延一井见证了中国石油工业的起步，是工业研学的好去处。",
                "Yanyi Well saw the start of China's oil industry: a good stop for industrial study tours.",
            )
        ],
    ),
    _site(
        "hukou-waterfall",
        ("壶口瀑布", "Hukou Waterfall"),
        (
            "宜川县境内的黄河瀑布，与山西吉县隔河相望。",
            "The Yellow River falls in Yichuan county, shared with Ji county in Shanxi across the river.",
        ),
        "yanan",
        ("宜川县", "Yichuan County"),
        36.147,
        110.444,
        (),
        "shaanxi-tourism-group",
        access=(
            "观瀑步道湿滑，请穿防滑鞋；部分路段有台阶。",
            "The paths to the falls are wet; wear non-slip shoes. Some sections have steps.",
        ),
        paragraphs=[
            (
                "黄河在这里收束成壶口，奔腾而下，声如雷鸣。",
                "Here the Yellow River narrows into the \u201cmouth of a pot\u201d and thunders down.",
            )
        ],
    ),
    _site(
        "lingshan",
        ("灵山胜境", "Lingshan Grand Buddha scenic area"),
        (
            "太湖之滨的灵山大佛（1997年，88米青铜佛像）和灵山梵宫（2008年）。",
            "The 88-metre bronze Grand Buddha (1997) and the Brahma Palace (2008) by Taihu Lake.",
        ),
        "wuxi",
        ("滨湖区", "Binhu District"),
        31.432,
        120.091,
        (),
        "lingshan-group",
        paragraphs=[
            (
                "灵山胜境由灵山集团运营，是无锡最著名的文化景区之一。",
                "Run by the Lingshan Group, the Lingshan scenic area is one of Wuxi's best-known cultural sites.",
            )
        ],
    ),
    _site(
        "nianhua-bay",
        ("拈花湾", "Nianhua Bay"),
        (
            "马山半岛上的禅意小镇，由灵山集团运营。",
            "A Zen-themed resort town on the Mashan peninsula, run by the Lingshan Group.",
        ),
        "wuxi",
        ("滨湖区马山", "Mashan, Binhu District"),
        31.42,
        120.07,
        (),
        "lingshan-group",
        paragraphs=[
            (
                "拈花湾适合在灵山胜境之后住上一晚，感受太湖夜色。",
                "Stay a night at Nianhua Bay after visiting Lingshan and enjoy Taihu Lake by night.",
            )
        ],
    ),
    _site(
        "bo-gu-residence",
        ("秦邦宪（博古）旧居", "Former residence of Qin Bangxian (Bo Gu)"),
        (
            "博古1907年生于无锡，曾在延安清凉山主持《解放日报》和新华社，1946年4月8日因飞机失事遇难，安葬于延安。",
            "Bo Gu, born in Wuxi in 1907, ran Liberation Daily and Xinhua at Qingliang Hill in Yan'an; he died in the air crash of 8 April 1946 and is buried in Yan'an.",
        ),
        "wuxi",
        ("梁溪区", "Liangxi District"),
        31.580,
        120.300,
        ("yanan-spirit",),
        "wuxi-culture-tourism-group",
        opening=YANAN_HOURS,
        tickets=FREE_BOOKING,
        paragraphs=[
            (
                "博古的一生连接着无锡与延安：生于无锡，长眠延安。",
                "Bo Gu's life links Wuxi and Yan'an: born in one city, buried in the other.",
            )
        ],
        timeline=[
            ("1907-01-01", "year", ("秦邦宪生于无锡", "Qin Bangxian is born in Wuxi")),
            (
                "1946-04-08",
                "day",
                ("因飞机失事遇难，安葬于延安", "Dies in an air crash and is buried in Yan'an"),
            ),
        ],
    ),
    _site(
        "zhang-wentian-residence",
        ("张闻天旧居", "Former residence of Zhang Wentian"),
        (
            "延安时期初期的党的领导人张闻天1975年起在无锡居住。",
            "Zhang Wentian, a Party leader of the early Yan'an years, lived in Wuxi from 1975.",
        ),
        "wuxi",
        ("梁溪区", "Liangxi District"),
        31.58,
        120.30,
        ("yanan-spirit",),
        "wuxi-culture-tourism-group",
        tickets=FREE_BOOKING,
        paragraphs=[
            (
                "旧居陈列讲述了张闻天在延安和在无锡的岁月。",
                "The exhibition tells of Zhang Wentian's years in Yan'an and in Wuxi.",
            )
        ],
    ),
    _site(
        "wuxi-revolution-hall",
        ("无锡革命陈列馆", "Wuxi Revolutionary Exhibition Hall"),
        (
            "位于太湖广场无锡博物院内，展示无锡的革命历史。",
            "Inside Wuxi Museum on Taihu Square, showing the revolutionary history of Wuxi.",
        ),
        "wuxi",
        ("梁溪区太湖广场", "Taihu Square, Liangxi District"),
        31.556,
        120.303,
        ("yanan-spirit",),
        "wuxi-culture-tourism-group",
        opening=("9:00–17:00，周一闭馆", "9:00–17:00, closed on Mondays"),
        tickets=FREE_BOOKING,
        access=STEPS,
        paragraphs=[
            (
                "陈列馆是了解无锡红色历史的起点。",
                "The exhibition hall is the place to start with Wuxi's red history.",
            )
        ],
    ),
    _site(
        "donglin-academy",
        ("东林书院", "Donglin Academy"),
        (
            "创建于1111年、1604年重修的书院，“风声雨声读书声”楹联闻名天下。",
            "An academy founded in 1111 and restored in 1604, famous for its couplet on \u201cthe sound of wind, rain and reading\u201d.",
        ),
        "wuxi",
        ("梁溪区", "Liangxi District"),
        31.578,
        120.312,
        (),
        "wuxi-culture-tourism-group",
        paragraphs=[
            (
                "东林书院体现了江南读书人关心天下的传统。",
                "Donglin Academy embodies the Jiangnan scholars' tradition of concern for the whole country.",
            )
        ],
    ),
]


# (slug, title, summary, days, start, end, region, audiences, spirits, seasons, pace, price,
#  operators, flights, itinerary[(title, description, [(site slug, time, note)], meals, overnight)])
ROUTES = [
    {
        "slug": "yanan-city-one-day",
        "title": ("延安城区红色一日游", "Yan'an city red heritage in one day"),
        "summary": (
            "一天走遍宝塔山、凤凰山、杨家岭、枣园和延安革命纪念馆。",
            "Baota Hill, Fenghuangshan, Yangjialing, Zaoyuan and the Revolutionary Memorial Hall in one day.",
        ),
        "days": 1,
        "start": "yanan",
        "end": "yanan",
        "region": "yanan",
        "audiences": ["families", "students", "public"],
        "spirits": ["yanan-spirit"],
        "seasons": ["spring", "summer", "autumn"],
        "pace": "moderate",
        "price": 168,
        "operators": ["yanlv-group"],
        "itinerary": [
            (
                ("宝塔山下到枣园", "From Baota Hill to the Date Garden"),
                (
                    "上午登宝塔山，随后参观中共中央在延安的三处旧址，下午在纪念馆结束。",
                    "Climb Baota Hill in the morning, visit three seats of the Central Committee, and end at the memorial hall in the afternoon.",
                ),
                [
                    ("baota-hill", "08:30", ("登山约一小时", "About an hour on the hill")),
                    ("fenghuangshan", "10:00", None),
                    ("yangjialing", "11:00", ("参观中央大礼堂", "See the Central Auditorium")),
                    ("zaoyuan", "14:00", None),
                    ("memorial-hall", "15:30", ("周一闭馆", "Closed on Mondays")),
                ],
                ["lunch"],
                None,
            ),
        ],
    },
    {
        "slug": "classic-yanan-three-days",
        "title": ("延安经典红色三日游", "Classic Yan'an in three days"),
        "summary": (
            "从宝塔山到南泥湾：三天读懂延安十三年。",
            "From Baota Hill to Nanniwan: understand Yan'an's thirteen years in three days.",
        ),
        "days": 3,
        "start": "yanan",
        "end": "yanan",
        "region": "yanan",
        "audiences": ["cadres", "students", "public"],
        "spirits": ["yanan-spirit", "nanniwan-spirit"],
        "seasons": ["spring", "autumn"],
        "pace": "moderate",
        "price": 1280,
        "operators": ["yanlv-group", "shaanxi-tourism-group"],
        "included": [
            ("三晚延安市区酒店住宿", "Three nights in a hotel in central Yan'an"),
            ("行程中景点首道门票", "Admission to the sites on the itinerary"),
            ("持证讲解员全程讲解", "A licensed guide throughout"),
        ],
        "not_included": [
            ("往返延安的大交通", "Travel to and from Yan'an"),
            ("个人消费", "Personal expenses"),
        ],
        "itinerary": [
            (
                ("宝塔山与清凉山", "Baota Hill and Qingliang Hill"),
                (
                    "抵达延安后登宝塔山，下午参观新闻纪念馆和抗大纪念馆。",
                    "After arriving, climb Baota Hill; in the afternoon see the News Memorial Hall and Kangda.",
                ),
                [
                    ("baota-hill", "10:00", None),
                    ("qingliang-hill", "14:00", None),
                    ("kangda", "16:00", None),
                ],
                ["lunch", "dinner"],
                ("延安市区", "Central Yan'an"),
            ),
            (
                ("中央旧址", "The seats of the Central Committee"),
                (
                    "凤凰山、杨家岭、枣园、王家坪，了解中央在延安的工作与生活。",
                    "Fenghuangshan, Yangjialing, Zaoyuan and Wangjiaping: how the Central Committee lived and worked in Yan'an.",
                ),
                [
                    ("fenghuangshan", "08:30", None),
                    ("yangjialing", "10:00", None),
                    ("zaoyuan", "14:00", None),
                    ("wangjiaping", "16:00", None),
                    ("memorial-hall", "16:45", None),
                ],
                ["breakfast", "lunch", "dinner"],
                ("延安市区", "Central Yan'an"),
            ),
            (
                ("鲁艺与南泥湾", "The Lu Xun Academy and Nanniwan"),
                (
                    "上午参观鲁艺旧址，下午前往南泥湾，感受南泥湾精神。",
                    "The Lu Xun Academy in the morning, then Nanniwan and its spirit in the afternoon.",
                ),
                [
                    ("luyi", "09:00", None),
                    ("nanniwan", "13:30", ("车程约一小时", "About an hour by coach")),
                ],
                ["breakfast", "lunch"],
                None,
            ),
        ],
    },
    {
        "slug": "nanniwan-zhang-side",
        "title": ("南泥湾与张思德足迹两日游", "Nanniwan and the footsteps of Zhang Side"),
        "summary": (
            "从安塞的张思德纪念地到枣园“为人民服务”广场，再到南泥湾。",
            "From the Zhang Side memorial in Ansai to the \u201cServe the People\u201d square at Zaoyuan and on to Nanniwan.",
        ),
        "days": 2,
        "start": "yanan",
        "end": "yanan",
        "region": "yanan",
        "audiences": ["students", "cadres"],
        "spirits": ["nanniwan-spirit", "zhang-side-spirit"],
        "seasons": ["spring", "summer", "autumn"],
        "pace": "relaxed",
        "price": 680,
        "operators": ["yanlv-group"],
        "itinerary": [
            (
                ("为人民服务", "Serve the People"),
                (
                    "上午前往安塞张思德纪念地，下午回到枣园重温《为人民服务》。",
                    "Morning at the Zhang Side memorial in Ansai, afternoon at Zaoyuan to revisit \u201cServe the People\u201d.",
                ),
                [("zhang-side-memorial", "09:00", None), ("zaoyuan", "15:00", None)],
                ["lunch", "dinner"],
                ("延安市区", "Central Yan'an"),
            ),
            (
                ("自力更生的南泥湾", "Self-reliant Nanniwan"),
                (
                    "在南泥湾参观展馆，走进稻田和湿地。",
                    "See the exhibition halls at Nanniwan, then walk into the paddy fields and wetlands.",
                ),
                [("nanniwan", "09:30", ("可参加农耕体验", "A farming activity can be booked"))],
                ["breakfast", "lunch"],
                None,
            ),
        ],
    },
    {
        "slug": "yellow-river-three-counties",
        "title": ("黄河三县红色与自然之旅", "The Yellow River through three counties"),
        "summary": (
            "延长、延川、宜川三县：延一井、乾坤湾、梁家河和壶口瀑布。",
            "Yanchang, Yanchuan and Yichuan: Yanyi Well, Qiankun Bay, Liangjiahe and the Hukou Waterfall.",
        ),
        "days": 3,
        "start": "yanan",
        "end": "yanan",
        "region": "yanan",
        "audiences": ["families", "students", "public"],
        "spirits": ["yanan-spirit"],
        "seasons": ["summer", "autumn"],
        "pace": "intensive",
        "price": 1580,
        "operators": ["yanlv-group", "shaanxi-tourism-group"],
        "itinerary": [
            (
                ("延长石油与黄河大湾", "Yanchang oil and the great bend"),
                (
                    "参观中国陆上第一口油井，傍晚看乾坤湾。",
                    "See China's first onshore oil well, then Qiankun Bay at dusk.",
                ),
                [("yanyi-well", "10:00", None), ("qiankun-bay", "16:00", None)],
                ["lunch", "dinner"],
                ("延川县", "Yanchuan County"),
            ),
            (
                ("梁家河", "Liangjiahe"),
                (
                    "走进陕北村庄，了解知青岁月和乡村振兴。",
                    "A northern Shaanxi village: the sent-down youth years and rural revitalisation.",
                ),
                [("liangjiahe", "09:00", None)],
                ["breakfast", "lunch", "dinner"],
                ("宜川县", "Yichuan County"),
            ),
            (
                ("壶口瀑布", "The Hukou Waterfall"),
                (
                    "黄河最壮观的一段，午后返回延安。",
                    "The most spectacular stretch of the Yellow River, then back to Yan'an after lunch.",
                ),
                [("hukou-waterfall", "09:00", ("夏季水量最大", "The flow is strongest in summer"))],
                ["breakfast", "lunch"],
                None,
            ),
        ],
    },
    {
        "slug": "wuxi-red-heritage-lingshan",
        "title": ("无锡红色印记与灵山两日游", "Wuxi red heritage and Lingshan"),
        "summary": (
            "博古和张闻天的故居、无锡革命陈列馆、东林书院，再到灵山胜境和拈花湾。",
            "The homes of Bo Gu and Zhang Wentian, the Revolutionary Exhibition Hall and Donglin Academy, then Lingshan and Nianhua Bay.",
        ),
        "days": 2,
        "start": "wuxi",
        "end": "wuxi",
        "region": "wuxi",
        "audiences": ["families", "public", "students"],
        "spirits": ["yanan-spirit"],
        "seasons": ["spring", "autumn"],
        "pace": "relaxed",
        "price": 980,
        "operators": ["wuxi-culture-tourism-group", "lingshan-group"],
        "itinerary": [
            (
                ("无锡城里的延安情缘", "Yan'an ties in the heart of Wuxi"),
                (
                    "从无锡革命陈列馆出发，走访两位与延安紧密相连的无锡人的旧居。",
                    "Start at the Revolutionary Exhibition Hall, then visit the homes of two Wuxi natives closely tied to Yan'an.",
                ),
                [
                    ("wuxi-revolution-hall", "09:00", None),
                    ("bo-gu-residence", "11:00", None),
                    ("zhang-wentian-residence", "14:00", None),
                    ("donglin-academy", "16:00", None),
                ],
                ["lunch"],
                ("拈花湾", "Nianhua Bay"),
            ),
            (
                ("灵山与太湖", "Lingshan and Taihu Lake"),
                (
                    "上午游览灵山胜境，下午在拈花湾漫步。",
                    "Lingshan in the morning, a stroll through Nianhua Bay in the afternoon.",
                ),
                [("lingshan", "09:00", None), ("nianhua-bay", "14:30", None)],
                ["breakfast", "lunch"],
                None,
            ),
        ],
    },
    {
        "slug": "twin-city-direct-flight",
        "title": (
            "延锡双城红色五日游（直航）",
            "Twin cities by direct flight: Wuxi and Yan'an in five days",
        ),
        "summary": (
            "乘无锡—延安直航航班，从博古故居飞到清凉山，一次走完两座城市的红色足迹。",
            "Take the direct Wuxi–Yan'an flight from Bo Gu's birthplace to Qingliang Hill and follow the red trail of both cities.",
        ),
        "days": 5,
        "start": "wuxi",
        "end": "wuxi",
        "region": "both",
        "audiences": ["cadres", "public", "families"],
        "spirits": ["yanan-spirit", "nanniwan-spirit", "zhang-side-spirit"],
        "seasons": ["spring", "autumn", "winter"],
        "pace": "moderate",
        "price": 3680,
        "operators": ["wuxi-culture-tourism-group", "yanlv-group"],
        "flights": True,
        "transport": (
            "第二天乘瑞丽航空无锡—延安直航航班，第五天乘返程航班回到无锡；航班时刻以航空公司公布为准。",
            "On day two take the Ruili Airlines direct flight from Wuxi to Yan'an; fly back on day five. Times as published by the airline.",
        ),
        "included": [
            ("往返直航机票（经济舱）", "Return direct flights (economy)"),
            ("四晚酒店住宿", "Four hotel nights"),
            ("景点首道门票和讲解", "Admission and guiding at every site"),
        ],
        "not_included": [
            ("无锡本地往返机场交通", "Transfers to and from Wuxi airport"),
            ("个人消费", "Personal expenses"),
        ],
        "itinerary": [
            (
                ("无锡：博古的故乡", "Wuxi: Bo Gu's home town"),
                (
                    "参观无锡革命陈列馆和秦邦宪旧居，了解博古与延安的故事。",
                    "The Revolutionary Exhibition Hall and Qin Bangxian's home: Bo Gu's story with Yan'an.",
                ),
                [("wuxi-revolution-hall", "09:30", None), ("bo-gu-residence", "14:00", None)],
                ["lunch", "dinner"],
                ("无锡", "Wuxi"),
            ),
            (
                ("飞往延安", "Fly to Yan'an"),
                (
                    "11:20 从无锡起飞，14:00 抵达延安南泥湾机场，下午参观清凉山。",
                    "Take off from Wuxi at 11:20, land at Yan'an Nanniwan Airport at 14:00, and see Qingliang Hill in the afternoon.",
                ),
                [
                    (
                        "qingliang-hill",
                        "16:00",
                        ("博古曾在此主持《解放日报》", "Where Bo Gu ran Liberation Daily"),
                    )
                ],
                ["breakfast", "dinner"],
                ("延安市区", "Central Yan'an"),
            ),
            (
                ("宝塔山、杨家岭与枣园", "Baota Hill, Yangjialing and Zaoyuan"),
                ("延安最经典的一天。", "The classic day in Yan'an."),
                [
                    ("baota-hill", "08:30", None),
                    ("yangjialing", "10:30", None),
                    ("zaoyuan", "14:30", None),
                ],
                ["breakfast", "lunch", "dinner"],
                ("延安市区", "Central Yan'an"),
            ),
            (
                ("南泥湾", "Nanniwan"),
                (
                    "在南泥湾体验自力更生、艰苦奋斗的精神。",
                    "Experience the spirit of self-reliance and hard struggle at Nanniwan.",
                ),
                [("memorial-hall", "09:00", None), ("nanniwan", "14:00", None)],
                ["breakfast", "lunch", "dinner"],
                ("延安市区", "Central Yan'an"),
            ),
            (
                ("返回无锡", "Back to Wuxi"),
                (
                    "上午自由活动，14:50 从延安起飞，17:30 回到无锡。",
                    "Free morning; take off from Yan'an at 14:50 and land in Wuxi at 17:30.",
                ),
                [("kangda", "09:00", None)],
                ["breakfast"],
                None,
            ),
        ],
    },
]

TODAY_SEASON = (datetime.date(2026, 10, 25), datetime.date(2027, 3, 27))

OFFERINGS = [
    {
        "slug": "yanan-spirit-twin-city-package",
        "title": (
            "“延安精神永放光芒”双城联线产品",
            "\u201cThe Yan'an Spirit shines forever\u201d twin-city package",
        ),
        "summary": (
            "无锡文旅集团与延旅集团共同推出的直航双城红色旅游产品。",
            "A twin-city red tourism package by direct flight from the Wuxi Culture & Tourism Group and Yanlv.",
        ),
        "kind": "route_package",
        "partners": ["wuxi-culture-tourism-group", "yanlv-group"],
        "valid": (datetime.date(2026, 3, 1), datetime.date(2027, 6, 30)),
        "price": 3680,
        "includes": [
            ("往返直航机票", "Return direct flights"),
            ("两地景点门票与讲解", "Admission and guides in both cities"),
        ],
        "related": [("route", "twin-city-direct-flight"), ("site", "qingliang-hill")],
    },
    {
        "slug": "lingshan-yanan-ticket-bundle",
        "title": ("灵山—宝塔山双城联票", "Lingshan–Baota Hill twin-city ticket"),
        "summary": (
            "一张联票，畅游灵山胜境和延安宝塔山，一年内有效。",
            "One ticket for the Lingshan scenic area and Baota Hill, valid for a year.",
        ),
        "kind": "ticket_bundle",
        "partners": ["lingshan-group", "yanlv-group"],
        "valid": (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)),
        "price": 199,
        "includes": [
            ("灵山胜境门票一张", "One Lingshan admission"),
            ("宝塔山门票一张", "One Baota Hill admission"),
        ],
        "related": [("site", "lingshan"), ("site", "baota-hill")],
    },
    {
        "slug": "yanan-shows-for-wuxi-visitors",
        "title": (
            "《延安保育院》《延安十三年》无锡游客专场",
            "\u201cYan'an Nursery\u201d and \u201cYan'an's Thirteen Years\u201d for Wuxi visitors",
        ),
        "summary": (
            "陕旅集团在圣地河谷·金延安为无锡游客安排的演出专场，由无锡文旅集团组织客源。",
            "Special performances at Holy Land Valley \u00b7 Golden Yan'an by the Shaanxi Tourism Group, with audiences brought by the Wuxi Culture & Tourism Group.",
        ),
        "kind": "show",
        "partners": ["shaanxi-tourism-group", "wuxi-culture-tourism-group"],
        "valid": (datetime.date(2026, 4, 1), None),
        "price": 268,
        "includes": [
            ("《延安保育院》演出门票", "A ticket for \u201cYan'an Nursery\u201d"),
            (
                "《延安十三年》沉浸式演出门票",
                "A ticket for the walk-through show \u201cYan'an's Thirteen Years\u201d",
            ),
        ],
        "related": [("route", "classic-yanan-three-days")],
    },
    {
        "slug": "nanniwan-study-camp",
        "title": ("南泥湾精神研学营", "Nanniwan Spirit study camp"),
        "summary": (
            "延旅集团与江南大学合作的农耕研学产品，面向无锡和延安的中学生。",
            "A farming study product by Yanlv and Jiangnan University for secondary pupils from Wuxi and Yan'an.",
        ),
        "kind": "study_product",
        "partners": ["yanlv-group", "jiangnan-university", "wuxi-culture-tourism-group"],
        "valid": (datetime.date(2026, 6, 1), datetime.date(2027, 8, 31)),
        "price": 1980,
        "includes": [
            ("三天两晚营地食宿", "Three days and two nights at the camp"),
            ("农耕体验课程", "Farming lessons"),
            ("研学手册", "A study handbook"),
        ],
        "related": [("route", "nanniwan-zhang-side"), ("site", "nanniwan")],
    },
    {
        "slug": "yanan-red-wuxi-gift",
        "title": ("“延安红·无锡礼”文创礼盒", "\u201cYan'an Red, Wuxi Gift\u201d cultural gift box"),
        "summary": (
            "灵山集团与陕旅集团联合设计的文创礼盒，在两地景区销售。",
            "A cultural gift box designed by the Lingshan Group and the Shaanxi Tourism Group, on sale at sites in both cities.",
        ),
        "kind": "cultural_product",
        "partners": ["lingshan-group", "shaanxi-tourism-group"],
        "valid": (None, None),
        "price": 128,
        "includes": [
            ("宝塔山主题书签", "A Baota Hill bookmark"),
            ("灵山主题茶具", "A Lingshan tea set"),
        ],
        "related": [("site", "lingshan"), ("site", "baota-hill")],
    },
    {
        "slug": "yanan-wuxi-culture-week-2025",
        "title": ("2025延安—无锡文旅周", "Yan'an–Wuxi Culture and Tourism Week 2025"),
        "summary": (
            "两地文旅集团在无锡联合举办的推介活动。",
            "A promotion week held in Wuxi by the tourism groups of both cities.",
        ),
        "kind": "event",
        "partners": [
            "wuxi-culture-tourism-group",
            "yanlv-group",
            "lingshan-group",
            "shaanxi-tourism-group",
        ],
        "valid": (datetime.date(2025, 9, 20), datetime.date(2025, 9, 27)),
        "price": 0,
        "includes": [("延安红色旅游推介会", "A presentation of Yan'an red tourism")],
        "related": [("route", "twin-city-direct-flight")],
    },
]


def load(demo):
    t = Texts()
    home = HomePage.objects.filter(locale=demo.source_locale).first()

    spirits = {}
    for slug, name, description in SPIRITS:
        image = demo.image(f"spirit-{slug}", name[0], name[1])
        spirits[slug] = demo.snippet(
            Spirit,
            {"slug": slug},
            t,
            name=t(*name),
            short_description=t(*description),
            image=image,
        )

    partners = {}
    for data in PARTNERS:
        partners[data["slug"]] = demo.snippet(
            Partner,
            {"slug": data["slug"]},
            t,
            name=t(*data["name"]),
            short_name=t(*data["short_name"]),
            city=data["city"],
            kind=data["kind"],
            website="https://example.cn/",
            booking_url="https://example.cn/booking" if data["kind"] == "tourism_group" else "",
            hotline=data["hotline"],
            description=t(*data["description"]),
        )

    outbound, _created = Flight.objects.get_or_create(
        flight_number="DR6551",
        defaults={
            "airline": "瑞丽航空",
            "airline_en": "Ruili Airlines",
            "origin": "WUX",
            "destination": "ENY",
            "days_of_week": ["5"],
            "departure_time": datetime.time(11, 20),
            "arrival_time": datetime.time(14, 0),
            "valid_from": TODAY_SEASON[0],
            "valid_to": TODAY_SEASON[1],
        },
    )
    inbound, _created = Flight.objects.get_or_create(
        flight_number="DR6552",
        defaults={
            "airline": "瑞丽航空",
            "airline_en": "Ruili Airlines",
            "origin": "ENY",
            "destination": "WUX",
            "days_of_week": ["5"],
            "departure_time": datetime.time(14, 50),
            "arrival_time": datetime.time(17, 30),
            "valid_from": TODAY_SEASON[0],
            "valid_to": TODAY_SEASON[1],
        },
    )

    site_index = demo.page(
        home,
        RedSiteIndexPage,
        "red-sites",
        t,
        title=t("红色景点", "Red sites"),
        intro=t.p(
            (
                "从延安的革命旧址到无锡的名人故居：两座城市共同的红色记忆。",
                "From the revolutionary sites of Yan'an to the former residences in Wuxi: the red memory the two cities share.",
            )
        ),
        show_in_menus=True,
    )
    sites = {}
    for data in SITES:
        sites[data["slug"]] = _load_site(demo, t, site_index, data, spirits, partners)

    route_index = demo.page(
        home,
        RouteIndexPage,
        "routes",
        t,
        title=t("红色线路", "Red tourism routes"),
        intro=t.p(
            (
                "按城市、天数、主题和人群筛选，找到适合你的红色旅游线路。",
                "Filter by city, length, theme and audience to find the red tourism route for you.",
            )
        ),
        show_in_menus=True,
    )
    routes = {}
    for data in ROUTES:
        routes[data["slug"]] = _load_route(
            demo, t, route_index, data, sites, spirits, partners, [outbound, inbound]
        )

    offering_index = demo.page(
        home,
        JointOfferingIndexPage,
        "offerings",
        t,
        title=t("合作产品", "Joint offerings"),
        intro=t.p(
            (
                "延安和无锡的文旅集团联合推出的线路、联票、演出、研学和文创产品。",
                "Route packages, ticket bundles, shows, study products and gifts made together by the tourism groups of Yan'an and Wuxi.",
            )
        ),
        show_in_menus=True,
    )
    for data in OFFERINGS:
        _load_offering(demo, t, offering_index, data, sites, routes, partners)


def _load_site(demo, t, parent, data, spirits, partners):
    image = demo.image(f"site-{data['slug']}", data["title"][0], data["title"][1])
    body = [("paragraph", t.p(*data["paragraphs"]))]
    if "figure" in data:
        body.append(
            (
                "figure",
                {
                    "image": {
                        "image": image.pk,
                        "decorative": False,
                        "alt_text": t(*data["figure"]),
                    },
                    "caption": t(*data["figure"]),
                },
            )
        )
    if "quote" in data:
        text, attribution = data["quote"]
        body.append(("quote", {"text": t(*text), "attribution": t(*attribution)}))
    if "timeline" in data:
        body.append(
            (
                "timeline",
                {
                    "title": t("历史沿革", "History"),
                    "events": [
                        {"date": date, "precision": precision, "title": t(*title), "text": ""}
                        for date, precision, title in data["timeline"]
                    ],
                },
            )
        )
    hours = data.get("opening", YANAN_HOURS)
    tickets = data.get("tickets", FREE_BOOKING)
    access = data.get("access", STEPS)
    return demo.page(
        parent,
        RedSitePage,
        data["slug"],
        t,
        title=t(*data["title"]),
        summary=t(*data["summary"]),
        image=image,
        city=data["city"],
        county=t(*data["county"]),
        address=t(
            CITY_ADDRESS[data["city"]][0] + data["county"][0],
            f"{data['county'][1]}, {CITY_ADDRESS[data['city']][1]}",
        ),
        latitude=Decimal(str(data["lat"])),
        longitude=Decimal(str(data["lon"])),
        opening_hours=t(*hours),
        ticket_notes=t(*tickets),
        accessibility_notes=t(*access),
        spirits=[spirits[s] for s in data["spirits"]],
        operator=partners.get(data["operator"]),
        body=_stream(body),
    )


def _load_route(demo, t, parent, data, sites, spirits, partners, flights):
    image = demo.image(f"route-{data['slug']}", data["title"][0], data["title"][1])
    days = []
    for title, description, stops, meals, overnight in data["itinerary"]:
        days.append(
            (
                "day",
                {
                    "title": t(*title),
                    "description": t(*description),
                    "stops": [
                        {
                            "site": sites[slug].pk,
                            "time": f"{time}:00",
                            "note": t(*note) if note else "",
                        }
                        for slug, time, note in stops
                    ],
                    "meals": meals,
                    "overnight": t(*overnight) if overnight else "",
                },
            )
        )
    return demo.page(
        parent,
        RoutePage,
        data["slug"],
        t,
        title=t(*data["title"]),
        summary=t(*data["summary"]),
        hero_image=image,
        days=data["days"],
        start_city=data["start"],
        end_city=data["end"],
        region=data["region"],
        audiences=data["audiences"],
        best_seasons=data["seasons"],
        pace=data["pace"],
        price_from=data["price"],
        transport_notes=t(*data["transport"]) if "transport" in data else "",
        spirits=[spirits[s] for s in data["spirits"]],
        operators=[partners[p] for p in data["operators"]],
        flights=flights if data.get("flights") else [],
        included=_stream(("item", t(*item)) for item in data.get("included", [])),
        not_included=_stream(("item", t(*item)) for item in data.get("not_included", [])),
        itinerary=_stream(days),
    )


def _load_offering(demo, t, parent, data, sites, routes, partners):
    image = demo.image(f"offering-{data['slug']}", data["title"][0], data["title"][1])
    pages = {"route": routes, "site": sites}
    valid_from, valid_to = data["valid"]
    return demo.page(
        parent,
        JointOfferingPage,
        data["slug"],
        t,
        title=t(*data["title"]),
        summary=t(*data["summary"]),
        image=image,
        partners=[partners[p] for p in data["partners"]],
        kind=data["kind"],
        valid_from=valid_from,
        valid_to=valid_to,
        price_from=data["price"],
        description=t.p((data["summary"][0], data["summary"][1])),
        includes=_stream(("item", t(*item)) for item in data["includes"]),
        related=_stream((kind, pages[kind][slug].pk) for kind, slug in data["related"]),
    )
