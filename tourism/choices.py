"""Fixed vocabularies shared by tourism models, filters and other apps (study bases, programmes)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerCity(models.TextChoices):
    YANAN = "yanan", _("延安")
    WUXI = "wuxi", _("无锡")
    OTHER = "other", _("其他")


class PartnerKind(models.TextChoices):
    TOURISM_GROUP = "tourism_group", _("文旅集团")
    ACADEMY = "academy", _("干部学院")
    UNIVERSITY = "university", _("高校")
    SCHOOL = "school", _("中小学")
    GOVERNMENT = "government", _("政府部门")


class RouteRegion(models.TextChoices):
    YANAN = "yanan", _("延安")
    WUXI = "wuxi", _("无锡")
    BOTH = "both", _("延安＋无锡双城")


class Audience(models.TextChoices):
    FAMILIES = "families", _("亲子家庭")
    STUDENTS = "students", _("学生")
    CADRES = "cadres", _("党员干部")
    PUBLIC = "public", _("普通游客")


class Season(models.TextChoices):
    SPRING = "spring", _("春季")
    SUMMER = "summer", _("夏季")
    AUTUMN = "autumn", _("秋季")
    WINTER = "winter", _("冬季")


class Pace(models.TextChoices):
    RELAXED = "relaxed", _("轻松")
    MODERATE = "moderate", _("适中")
    INTENSIVE = "intensive", _("紧凑")


class Meal(models.TextChoices):
    BREAKFAST = "breakfast", _("早餐")
    LUNCH = "lunch", _("午餐")
    DINNER = "dinner", _("晚餐")


class Weekday(models.TextChoices):
    MONDAY = "1", _("周一")
    TUESDAY = "2", _("周二")
    WEDNESDAY = "3", _("周三")
    THURSDAY = "4", _("周四")
    FRIDAY = "5", _("周五")
    SATURDAY = "6", _("周六")
    SUNDAY = "7", _("周日")


class OfferingKind(models.TextChoices):
    ROUTE_PACKAGE = "route_package", _("线路产品")
    TICKET_BUNDLE = "ticket_bundle", _("联票")
    SHOW = "show", _("演出")
    STUDY_PRODUCT = "study_product", _("研学产品")
    EVENT = "event", _("节庆活动")
    CULTURAL_PRODUCT = "cultural_product", _("文创产品")
