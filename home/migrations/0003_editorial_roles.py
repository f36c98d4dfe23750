"""The editorial groups and the moderation workflow, so that every install has them.

Page permissions are granted on the root page, because no content page exists
when migrations run; the hooks in home/wagtail_hooks.py narrow them to a
team's city (core.editorial.permissions). The booking managers' group belongs
to the education app (education 0002).

Names are written out here rather than imported: a migration records what
was created at the time.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW_NAME = "审核发布"
TASK_NAME = "审核员审核"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

IMAGES = ["add_image", "change_image", "choose_image"]
DOCUMENTS = ["add_document", "change_document", "choose_document"]
TOURISM_SNIPPETS = ["spirit", "partner", "flight"]

GROUPS = {
    "Yan'an editors": {
        "pages": ["add_page", "change_page"],
        "collections": IMAGES + DOCUMENTS,
        "models": [("wagtailadmin", "access_admin")]
        + [
            ("tourism", f"{action}_{model}")
            for model in TOURISM_SNIPPETS
            for action in ("add", "change", "view")
        ],
    },
    "Wuxi editors": {
        "pages": ["add_page", "change_page"],
        "collections": IMAGES + DOCUMENTS,
        "models": [("wagtailadmin", "access_admin")]
        + [
            ("tourism", f"{action}_{model}")
            for model in TOURISM_SNIPPETS
            for action in ("add", "change", "view")
        ],
    },
    "Moderators": {
        "pages": [
            "add_page",
            "change_page",
            "publish_page",
            "bulk_delete_page",
            "lock_page",
            "unlock_page",
        ],
        "collections": IMAGES + ["delete_image"] + DOCUMENTS + ["delete_document"],
        "models": [
            ("wagtailadmin", "access_admin"),
            ("wagtail_localize", "submit_translation"),
            ("education", "view_studysession"),
        ]
        + [
            ("tourism", f"{action}_{model}")
            for model in TOURISM_SNIPPETS
            for action in ("add", "change", "delete", "view")
        ],
    },
    "Translators": {
        "pages": ["change_page"],
        "collections": ["choose_image", "choose_document"],
        "models": [("wagtailadmin", "access_admin")]
        + [
            ("tourism", f"{action}_{model}")
            for model in ("spirit", "partner")
            for action in ("change", "view")
        ],
    },
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the groups
    # need them now, on a fresh database too.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    for name, grants in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for codename in grants["pages"]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission("wagtailcore", codename)
            )
        for codename in grants["collections"]:
            app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(app_label, codename)
            )
        group.permissions.add(*(permission(*key) for key in grants["models"]))

    # Wagtail's own "Editors" group may edit every page, which the city
    # scoping would refuse anyway: drop it unless someone uses it.
    Group.objects.filter(name="Editors", user__isnull=True).delete()

    create_workflow(apps, root_page, Group.objects.get(name="Moderators"))


def create_workflow(apps, root_page, moderators):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME,
            active=True,
            content_type=ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0],
        )
    task.groups.add(moderators)
    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # The root page's workflow covers both locales' trees.
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    # Wagtail's default workflow is replaced, not kept beside ours.
    Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, workflow_pages__isnull=True).update(
        active=False
    )


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    default = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
    if default is not None:
        default.active = True
        default.save(update_fields=["active"])
        WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME).update(workflow=default)
    else:
        WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME).delete()
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Group.objects.filter(name__in=["Yan'an editors", "Wuxi editors", "Translators"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_locales"),
        ("tourism", "0001_initial"),
        ("education", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
