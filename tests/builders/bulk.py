"""Hundreds of live pages at once, for tests of how a page scales with what it shows."""

import io

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelsearch.backends import get_search_backends
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Revision


def tiny_image(n):
    """A small image, its colour and title told apart by `n`, for pages shown by the dozen."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 40), (160, 20 + n, 20)).save(buffer, "JPEG")
    image = get_image_model()(title=f"图{n}", description=f"图{n}")
    image.file = ImageFile(buffer, name=f"tiny{n}.jpg")
    image.save()
    return image


def add_live_pages(parent, pages, *, searchable=True):
    """Save unsaved `pages` as live, published children of `parent`, in bulk; return them.

    Each page ends up as `add_child` and `publish` leave it for visitors and
    editors: a treebeard path under the parent, its URL path, its chosen
    snippets (ParentalManyToManyFields), a live revision and, if `searchable`,
    its search index entry. What costs a page `add_child` about 0.1 s
    (validation, a slug check, a task per page for the search and reference
    indexes) is done once for all, or not at all: pages are not validated, so
    they must be valid as given, and the reference index (the admin's "usage"
    counts) is not kept. Indexing still costs about 15 ms a page (the words'
    analysis), hence `searchable=False` for pages no search is meant to find.
    Page types whose own table sits directly under Page's only, with no
    inline children (ParentalKey), which is every page type here.
    """
    parent.refresh_from_db()
    now = timezone.now()
    page_type = ContentType.objects.get_for_model(Page)
    for step, page in enumerate(pages, start=parent.numchild + 1):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step)
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = now
        page.content_type = ContentType.objects.get_for_model(page)
        page.set_url_path(parent)
    base_fields = Page._meta.concrete_fields
    rows = Page.objects.bulk_create(
        Page(**{f.attname: getattr(page, f.attname) for f in base_fields if not f.primary_key})
        for page in pages
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.id
        # Its own type's row only: the Page row is there, and no signal handler
        # (search, references, page cache) acts on a raw save.
        page.save_base(raw=True, force_insert=True)
    _save_chosen_snippets(pages)
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=page.content_type,
            base_content_type=page_type,
            object_id=str(page.pk),
            created_at=now,
            object_str=page.title,
            content=page.serializable_data(),
        )
        for page in pages
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
        page.latest_revision_created_at = now
    Page.objects.bulk_update(
        pages, ["latest_revision", "live_revision", "latest_revision_created_at"]
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    parent.numchild += len(pages)
    for model in {type(page) for page in pages} if searchable else ():
        for backend in get_search_backends():
            backend.add_bulk(model, [page for page in pages if type(page) is model])
    return pages


def _save_chosen_snippets(pages):
    """Write the snippets chosen in memory (`spirits=[...]`) as through rows, per field."""
    model_fields = {
        model: [f for f in model._meta.get_fields() if isinstance(f, ParentalManyToManyField)]
        for model in {type(page) for page in pages}
    }
    rows = {}
    for page in pages:
        for field in model_fields[type(page)]:
            through = field.remote_field.through
            rows.setdefault(through, []).extend(
                through(
                    **{
                        f"{field.m2m_field_name()}_id": page.pk,
                        f"{field.m2m_reverse_field_name()}_id": chosen.pk,
                    }
                )
                for chosen in getattr(page, field.name).all()
            )
    for through, objs in rows.items():
        through.objects.bulk_create(objs)
