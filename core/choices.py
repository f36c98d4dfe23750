"""Vocabularies every content app shares."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class City(models.TextChoices):
    YANAN = "yanan", _("延安")
    WUXI = "wuxi", _("无锡")
