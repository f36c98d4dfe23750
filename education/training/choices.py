"""Vocabularies and limits of cadre training."""

from django.db import models
from django.utils.translation import gettext_lazy as _

#: An organisation's group, not a whole province: beyond this staff talk by phone.
MAX_PARTICIPANTS = 300


class TrainingAudience(models.TextChoices):
    COUNTY_CADRES = "county_cadres", _("县处级干部")
    GRASSROOTS_CADRES = "grassroots_cadres", _("乡镇和村干部")
    YOUNG_CADRES = "young_cadres", _("年轻干部")
    STATE_ENTERPRISE = "state_enterprise", _("国有企业管理人员")
    TEACHERS = "teachers", _("教师和校长")


class Month(models.TextChoices):
    JAN = "1", _("1月")
    FEB = "2", _("2月")
    MAR = "3", _("3月")
    APR = "4", _("4月")
    MAY = "5", _("5月")
    JUN = "6", _("6月")
    JUL = "7", _("7月")
    AUG = "8", _("8月")
    SEP = "9", _("9月")
    OCT = "10", _("10月")
    NOV = "11", _("11月")
    DEC = "12", _("12月")


class EnquiryStatus(models.TextChoices):
    NEW = "new", _("新咨询")
    DISCUSSING = "discussing", _("沟通中")
    AGREED = "agreed", _("已商定")
    CLOSED = "closed", _("已关闭")
