"""Demo accounts, one per editorial role, so a newcomer can try the workflow end to end.

The passwords are for a local demo database only and are printed by
`manage.py load_demo`.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .roles import BOOKING_MANAGERS, MODERATORS, TRANSLATORS, WUXI_EDITORS, YANAN_EDITORS

DEMO_PASSWORD_SUFFIX = "-demo-2026"
#: username: (group, first name, last name, email)
USERS = {
    "yanan_editor": (YANAN_EDITORS, "延安", "编辑", "yanan.editor@example.cn"),
    "wuxi_editor": (WUXI_EDITORS, "无锡", "编辑", "wuxi.editor@example.cn"),
    "moderator": (MODERATORS, "审核", "员", "moderator@example.cn"),
    "translator": (TRANSLATORS, "译", "员", "translator@example.cn"),
    "booking_manager": (BOOKING_MANAGERS, "预订", "管理员", "booking.manager@example.cn"),
}


def demo_password(username):
    return f"{username}{DEMO_PASSWORD_SUFFIX}"


def load(demo):
    User = get_user_model()
    demo.log("Demo accounts (username / password):")
    for username, (group_name, first_name, last_name, email) in USERS.items():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "last_name": last_name, "email": email},
        )
        if created:
            user.set_password(demo_password(username))
            user.save(update_fields=["password"])
            demo.created += 1
        user.groups.add(Group.objects.get(name=group_name))
        demo.log(f"  {username} / {demo_password(username)}  ({group_name})")
