"""Demo content of the home app: the site, its settings and both home pages."""

from wagtail.models import Page, Site

from .models import HomePage, SiteSettings

HOME_EN = {
    "延安—无锡红色足迹": "Yan'an–Wuxi Red Trails",
    "延安精神永放光芒": "The Yan'an Spirit Shines Forever",
    "从宝塔山到太湖之滨：延安与无锡携手打造的红色旅游、研学与干部培训平台。": (
        "From Baota Hill to the shores of Taihu Lake: red tourism, study tours and "
        "cadre training offered together by Yan'an and Wuxi."
    ),
    "延安与无锡自1997年结对以来，在产业、文化和教育方面持续合作。根据《延安市无锡市对口合作实施方案（2022—2026年）》，两市共同推广红色文化，弘扬延安精神、南泥湾精神和张思德精神。": (
        "Yan'an and Wuxi have been paired since 1997 and work together on industry, "
        "culture and education. Under the Yan'an–Wuxi paired cooperation plan "
        "(2022–2026) the two cities promote red culture and carry forward the Yan'an "
        "Spirit, the Nanniwan Spirit and the Zhang Side Spirit."
    ),
    "延安—无锡直航航班把两座城市连在一起：上午还在太湖边，下午就能登上宝塔山。": (
        "The direct flight between Wuxi and Yan'an links the two cities: by the shores "
        "of Taihu Lake in the morning, on Baota Hill in the afternoon."
    ),
    "带上学生，走进延安": "Bring your class to Yan'an",
    "为中小学提供安全、规范、有教育意义的研学旅行。": (
        "Safe, well-run and meaningful study tours for primary and secondary schools."
    ),
    "了解研学": "Explore study tours",
}

# The home page's featured sections: (heading, intro, page model, slugs of the
# featured pages, the listing that "see all" leads to), with their English.
SECTIONS = [
    (
        "精品线路",
        "从一日游到双城之旅，跟着行程走进革命旧址。",
        "tourism.RoutePage",
        ["classic-yanan-three-days", "nanniwan-zhang-side", "twin-city-direct-flight"],
        "tourism.RouteIndexPage",
    ),
    (
        "研学基地",
        "为中小学生准备的课程、场次和安全保障。",
        "education.StudyBasePage",
        None,
        "education.StudyBaseIndexPage",
    ),
    (
        "干部培训",
        "延安党性锻炼与无锡能力提升两段式培训。",
        "education.TrainingProgrammePage",
        None,
        "education.TrainingProgrammeIndexPage",
    ),
    (
        "合作产品",
        "无锡文旅、灵山、延旅、陕旅四家集团联合推出。",
        "tourism.JointOfferingPage",
        None,
        "tourism.JointOfferingIndexPage",
    ),
]
SECTIONS_EN = {
    "精品线路": "Featured routes",
    "从一日游到双城之旅，跟着行程走进革命旧址。": (
        "From a day in Yan'an to a journey across both cities: follow the itinerary "
        "to the revolutionary sites."
    ),
    "研学基地": "Study bases",
    "为中小学生准备的课程、场次和安全保障。": (
        "Courses, dated sessions and safety arrangements for primary and secondary pupils."
    ),
    "干部培训": "Cadre training",
    "延安党性锻炼与无锡能力提升两段式培训。": (
        "Two-stage programmes: Party-spirit tempering in Yan'an, capability building in Wuxi."
    ),
    "合作产品": "Joint offerings",
    "无锡文旅、灵山、延旅、陕旅四家集团联合推出。": (
        "Made together by Wuxi Culture & Tourism, Lingshan, Yanlv and Shaanxi Tourism."
    ),
}


def load(demo):
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=demo.source_locale).first()
    if home is None:
        hero = demo.image("home-hero", "宝塔山远眺", "Baota Hill at dusk", caption=False)
        home = HomePage(
            title="延安—无锡红色足迹",
            slug="home",
            locale=demo.source_locale,
            hero_image=hero,
            hero_heading="延安精神永放光芒",
            hero_intro="从宝塔山到太湖之滨：延安与无锡携手打造的红色旅游、研学与干部培训平台。",
            body=(
                "<p>延安与无锡自1997年结对以来，在产业、文化和教育方面持续合作。"
                "根据《延安市无锡市对口合作实施方案（2022—2026年）》，两市共同推广红色文化，"
                "弘扬延安精神、南泥湾精神和张思德精神。</p>"
                "<p>延安—无锡直航航班把两座城市连在一起：上午还在太湖边，下午就能登上宝塔山。</p>"
            ),
            cta_heading="带上学生，走进延安",
            cta_text="为中小学提供安全、规范、有教育意义的研学旅行。",
            cta_label="了解研学",
        )
        # Wagtail's install leaves a placeholder "Welcome" page as the site root.
        for placeholder in root.get_children().not_type(HomePage):
            placeholder.delete()
        root.add_child(instance=home)
        home.save_revision(user=demo.user).publish(user=demo.user)
        demo.created += 1
        demo.log(f"  + 首页: {home.title}")
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.site_name = "localhost", 80, "延安—无锡红色足迹"
    site.root_page = home
    site.save()
    SiteSettings.objects.update_or_create(
        site=site,
        defaults={
            "organisation_name": "延安—无锡对口合作红色文旅平台",
            "organisation_name_en": "Yan'an–Wuxi Paired Cooperation Red Tourism Platform",
            "address": "陕西省延安市宝塔区（示例地址）",
            "address_en": "Baota District, Yan'an, Shaanxi (sample address)",
            "hotline": "0911-0000000",
            "email": "info@example.cn",
            "icp_number": "陕ICP备00000000号-1（示例）",
            "public_security_number": "陕公网安备 61060000000000号（示例）",
            "default_share_image": home.hero_image,
            "wechat_qr_code": demo.image(
                "wechat-qr", "微信公众号二维码（示例）", "WeChat QR code (sample)", size=(480, 480)
            ),
        },
    )
    demo.translate(home, HOME_EN)
    return home


def feature(demo):
    """Fill the home page's sections with the other apps' demo pages.

    Runs after every other loader, since the pages it features must exist; an
    editor's own sections are never replaced.
    """
    from django.apps import apps

    home = HomePage.objects.filter(locale=demo.source_locale).first()
    if home.sections.raw_data:
        return
    sections = []
    for heading, intro, model_name, slugs, index_name in SECTIONS:
        pages = apps.get_model(model_name).objects.live().filter(locale=demo.source_locale)
        pages = [pages.get(slug=slug) for slug in slugs] if slugs else list(pages[:3])
        index = apps.get_model(index_name).objects.filter(locale=demo.source_locale).first()
        sections.append(
            ("featured", {"heading": heading, "intro": intro, "pages": pages, "link_page": index})
        )
    home.sections = sections
    home.cta_page = (
        apps.get_model("education.StudyBaseIndexPage")
        .objects.filter(locale=demo.source_locale)
        .first()
    )
    home.save_revision(user=demo.user).publish(user=demo.user)
    demo.translate(home, {**HOME_EN, **SECTIONS_EN}, update=True)
