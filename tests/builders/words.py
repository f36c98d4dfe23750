"""The English of every Chinese string the builders write: one word list for the suite.

`Demo.page` and `Demo.snippet` refuse a Chinese string without English, so a
builder passes `ENGLISH` (or `ENGLISH | {...}` for strings made up per test).
"""

ENGLISH = {
    # Home and the listing pages
    "红色景点": "Red sites",
    "红色线路": "Red tourism routes",
    "合作产品": "Joint offerings",
    "研学基地": "Study bases",
    "找到适合学生的研学课程。": "Find a course for your class.",
    "干部培训": "Cadre training",
    "两段式培训。": "Two-stage programmes.",
    # Spirits and partners
    "延安精神": "The Yan'an Spirit",
    "自力更生，艰苦奋斗。": "Self-reliance and hard struggle.",
    "南泥湾精神": "The Nanniwan Spirit",
    "开荒屯垦。": "Reclaiming the wasteland.",
    "延旅集团": "Yanlv",
    "延安旅游集团": "Yan'an Tourism Group",
    "灵山集团": "Lingshan Group",
    "灵山": "Lingshan",
    "延安文旅集团": "Yan'an Culture and Tourism Group",
    "延安文旅": "Yan'an CT",
    "中国延安干部学院": "China Executive Leadership Academy Yan'an",
    "延安干部学院": "CELAY",
    "江南大学": "Jiangnan University",
    # Red sites
    "宝塔山": "Baota Hill",
    "杨家岭": "Yangjialing",
    "枣园": "Zaoyuan",
    "灵山胜境": "Lingshan scenic area",
    "秦邦宪旧居": "Bo Gu's former residence",
    "景点简介。": "About the site.",
    "延安的标志。": "The landmark of Yan'an.",
    "宝塔区": "Baota District",
    "滨湖区": "Binhu District",
    # Routes
    "延安一日游": "A day in Yan'an",
    "双城五日游": "Twin cities in five days",
    "无锡一日游": "A day in Wuxi",
    "双城红色之旅": "Twin-city red trail",
    "线路简介。": "About the route.",
    "一天走完延安的主要旧址。": "The main sites of Yan'an in a day.",
    "一天走完无锡的主要旧址。": "The main sites of Wuxi in a day.",
    "从延安到无锡。": "From Yan'an to Wuxi.",
    "第一天": "Day one",
    "第二天": "Day two",
    "当天安排。": "The day's plan.",
    "参观约一小时": "About an hour",
    "延安市区": "Central Yan'an",
    # Joint offerings
    "联票": "Twin ticket",
    "已结束的活动": "A past event",
    "产品简介。": "About the offering.",
    "景区门票": "Site admission",
    # Study bases
    "在延安学习延安精神。": "Learning the Yan'an Spirit in Yan'an.",
    "延安精神课": "The Yan'an Spirit course",
    "讲述一个故事": "Tell one story",
    "参观与讨论。": "A visit and a discussion.",
    # Training programmes
    "延安党性锻炼": "Party-spirit tempering in Yan'an",
    "无锡能力提升": "Capability improvement in Wuxi",
    "学员做什么。": "What participants do.",
    "讲清楚延安精神": "Explain the Yan'an Spirit",
    "七天两段式培训。": "Seven days in two stages.",
}
