from django.db import models
from django.utils.translation import gettext_lazy as _


class AgeBand(models.TextChoices):
    LOWER_PRIMARY = "lower_primary", _("小学低年级（1–3年级）")
    UPPER_PRIMARY = "upper_primary", _("小学高年级（4–6年级）")
    JUNIOR_MIDDLE = "junior_middle", _("初中")
    SENIOR_MIDDLE = "senior_middle", _("高中")


class BaseKind(models.TextChoices):
    BASE = "base", _("研学基地")
    CAMP = "camp", _("营地（含食宿）")
    RED_SITE = "red_site", _("红色体验地")


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("待确认")
    CONFIRMED = "confirmed", _("已确认")
    WAITLISTED = "waitlisted", _("候补")
    DECLINED = "declined", _("未能接待")
    CANCELLED = "cancelled", _("已取消")
    COMPLETED = "completed", _("已完成")


#: Bookings in these states hold seats of their session.
SEAT_HOLDING_STATUSES = (BookingStatus.REQUESTED, BookingStatus.CONFIRMED)


#: A school may cancel a booking in these states through its signed link.
CANCELLABLE_STATUSES = (
    BookingStatus.REQUESTED,
    BookingStatus.CONFIRMED,
    BookingStatus.WAITLISTED,
)


class Meals(models.TextChoices):
    NONE = "none", _("不需要")
    LUNCH = "lunch", _("午餐")
    FULL_BOARD = "full_board", _("三餐")


class ArrivalMode(models.TextChoices):
    COACH = "coach", _("学校包车")
    PUBLIC = "public", _("公共交通")
    TRAIN = "train", _("火车")
    FLIGHT = "flight", _("飞机")
    OTHER = "other", _("其他")


#: Which field of a base holds the pupils-per-adult ratio of each age band.
RATIO_FIELDS = {band: f"pupils_per_adult_{band}" for band in AgeBand.values}


#: A class of pupils, not a whole school: beyond this staff arrange by phone.
MAX_PUPILS_PER_BOOKING = 300
