"""New accounts get the Chinese admin: the editors are teams in Yan'an and Wuxi.

Connected in CoreConfig.ready().
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.users.models import UserProfile


@receiver(post_save, sender=get_user_model(), dispatch_uid="editorial_chinese_admin")
def prefer_chinese_admin(sender, instance, created, raw=False, **kwargs):
    # `raw`: loading fixtures must not write profiles behind their back.
    if not created or raw:
        return
    profile = UserProfile.get_for_user(instance)
    if not profile.preferred_language:
        profile.preferred_language = settings.LANGUAGE_CODE
        profile.save(update_fields=["preferred_language"])
