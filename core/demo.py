"""Building blocks for demo content: pages, snippets and images in both languages.

Each content app keeps its demo content as TOML data next to a small loader
that the app's AppConfig names (see `loaders`). Every translatable text in
the data is a `{ zh = "…", en = "…" }` pair: the Chinese goes into the source
page, the English into its translation, made through wagtail-localize exactly
as a translator's work would be, so that the translation records exist and
the admin shows them as translated. Dates are days from today, so the demo
never goes stale.

Everything here is idempotent: an object that exists is found and left alone,
so running the demo command again creates nothing twice.
"""

import datetime
import hashlib
import io
import random
import re
import tomllib
import uuid

from django.apps import apps
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.module_loading import import_string
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Colours of generated images, picked by a stable hash of the image key.
PALETTE = ["#a61b1b", "#7a1212", "#8c3b12", "#2f5d50", "#36454f", "#6b2d5c", "#1f4e79", "#5b4a14"]
GOLD = "#f2c14e"

# Stream blocks made by the demo get ids derived from their place in the
# content, so that they are the same on every run.
BLOCK_NAMESPACE = uuid.UUID("9b1c7d1e-6f0a-4c55-8d7e-3a4f2b1c0d9e")


def read(path):
    """The data of a demo TOML file."""
    with open(path, "rb") as file:
        return tomllib.load(file)


def loaders():
    """Every app's demo loaders, in the order they must run.

    An app names its loaders in its AppConfig: `demo_loaders` run in
    INSTALLED_APPS order (so an app comes after the apps whose content it
    uses), then `demo_final_loaders`, for steps that need every app's content.
    """
    configs = apps.get_app_configs()
    for attribute in ("demo_loaders", "demo_final_loaders"):
        for config in configs:
            for path in getattr(config, attribute, ()):
                yield import_string(path)


def is_pair(value):
    return isinstance(value, dict) and value.keys() == {"zh", "en"}


def take(data, *names):
    """The values of `names` in a data table, for the model fields named alike."""
    return {name: data[name] for name in names}


class Paragraphs(list):
    """Rich text given as {zh, en} pairs, one paragraph each.

    Each paragraph is its own translation segment, so its English is noted
    paragraph by paragraph.
    """


def chinese(value, english):
    """The Chinese version of `value`, noting the English of each pair in `english`.

    `value` is data as the TOML gives it: pairs anywhere in dicts and lists
    (stream data, for instance) become their Chinese text.
    """
    if isinstance(value, Paragraphs):
        return "".join(f"<p>{chinese(pair, english)}</p>" for pair in value)
    if is_pair(value):
        english[value["zh"]] = value["en"]
        return value["zh"]
    if isinstance(value, dict):
        return {key: chinese(item, english) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [chinese(item, english) for item in value]
    return value


def stream(blocks, *owner):
    """Raw stream data from (block type, value) pairs, with stable block ids.

    The one way demo content makes stream blocks and list items (a ListBlock
    item is a block of type "item"). Translations find their segments by block
    id, so a block gets the same id on every run, made from its place in the
    content; `owner` (e.g. the page slug and field name) keeps streams apart.
    """
    prefix = ":".join(str(part) for part in owner)
    return [
        {"type": kind, "value": value, "id": str(uuid.uuid5(BLOCK_NAMESPACE, f"{prefix}:{number}"))}
        for number, (kind, value) in enumerate(blocks)
    ]


class Demo:
    """What each app's demo loader gets: locales, a user, and helpers."""

    def __init__(self, user, stdout=None):
        self.user = user
        self.stdout = stdout
        self.source_locale = Locale.get_default()
        self.target_locales = list(Locale.objects.exclude(pk=self.source_locale.pk))
        self.today = timezone.localdate()
        self.created = 0
        # The {zh, en} name of each image made here, for the alt text of the
        # pages that show it (see `page`).
        self.image_names = {}

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    def date(self, days):
        """The date `days` from today; None stays None (an open end)."""
        return None if days is None else self.today + datetime.timedelta(days=days)

    # Images ---------------------------------------------------------------

    def image(self, key, title, size=(1600, 900)):
        """A generated placeholder image: abstract colour fields, no text.

        A drawn name would be in one language only (and a missing glyph shows
        as "□"), so the picture carries none. Its description, the alt text
        where no page gives one, is in the source language; a page that shows
        it gets the name in both as its translated `image_alt` (see `page`).
        `title` is a {zh, en} pair.
        """
        Image = get_image_model()
        image = Image.objects.filter(title=title["zh"]).first()
        if image is None:
            image = Image(title=title["zh"], description=title["zh"])
            image.file = ImageFile(placeholder(key, size), name=f"demo-{key}.jpg")
            image.save()
        self.image_names[image.pk] = title
        return image

    # Pages ----------------------------------------------------------------

    def page(self, parent, model, slug, english=None, **fields):
        """Find or create a published page in the source language, then translate it.

        Texts are {zh, en} pairs anywhere in the field values (see `chinese`).
        `english` maps Chinese strings given without a pair to their English:
        only for content built in code whose fields are made ready-to-save
        (stream JSON, rich text), as the tests' builders do.
        """
        english = dict(english or {})
        image = fields.get(getattr(model, "card_image_field", None) or "")
        if image is not None and "image_alt" not in fields:
            fields["image_alt"] = self.image_names.get(image.pk, "")
        fields = chinese(fields, english)
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            page = existing.specific
        else:
            page = model(slug=slug, locale=self.source_locale, **fields)
            parent.add_child(instance=page)
            page.save_revision(user=self.user).publish(user=self.user)
            self.created += 1
            self.log(f"  + {model._meta.verbose_name}: {page.title}")
        self.translate(page, english)
        return page

    def listing(self, home, model, index, with_image=False):
        """A content app's listing page under `home`, shown in menus.

        `index` is the [index] table of the app's data file: its slug, title
        and intro paragraphs.
        """
        fields = {"image": self.image(index["slug"], index["title"])} if with_image else {}
        return self.page(
            home,
            model,
            index["slug"],
            title=index["title"],
            intro=Paragraphs(index["intro"]),
            show_in_menus=True,
            **fields,
        )

    def snippet(self, model, lookup, english=None, **fields):
        """Find (by `lookup`) or create a translatable snippet, then translate it (see `page`)."""
        english = dict(english or {})
        fields = chinese(fields, english)
        instance = model.objects.filter(locale=self.source_locale, **lookup).first()
        if instance is None:
            instance = model(locale=self.source_locale, **lookup, **fields)
            instance.save()
            self.created += 1
        self.translate(instance, english)
        return instance

    def translate(self, instance, english, update=False):
        """Make the English version through wagtail-localize.

        `english` maps each Chinese string of `instance` to its English text.
        An existing translation is left alone unless `update` is true: then it
        is brought in line with the source, as a translator's sync would.
        """
        for locale in self.target_locales:
            if instance.get_translation_or_none(locale) is not None and not update:
                continue
            source, _created = TranslationSource.update_or_create_from_instance(instance)
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            missing = []
            segments = StringSegment.objects.filter(source=source).select_related(
                "string", "context"
            )
            for segment in segments:
                text = segment.string.data
                if text in english:
                    data = english[text]
                elif CJK.search(text):
                    missing.append(text)
                    continue
                else:
                    data = text  # slugs, numbers, codes: the same in both languages
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={
                        "data": data,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                        "last_translated_by": self.user,
                    },
                )
            if missing:
                raise CommandError(f"No English given for these strings of {instance!r}: {missing}")
            if isinstance(instance, DraftStateMixin):
                # wagtail-localize publishes page translations in on_commit; do it
                # now, so that content made inside a transaction (the demo
                # command, tests) is live when the transaction ends.
                translation.save_target(user=self.user, publish=False)
                target = instance.get_translation(locale)
                target.get_latest_revision().publish(user=self.user)
            else:
                translation.save_target(user=self.user, publish=True)


def placeholder(key, size):
    """JPEG bytes of an abstract picture, the same for the same key on every run.

    A sky, a sun and layered hills in one palette colour and gold: enough to
    tell cards apart and to show how crops and renditions fall.
    """
    digest = hashlib.sha256(key.encode()).digest()
    rng = random.Random(digest)
    colour = PALETTE[digest[0] % len(PALETTE)]
    w, h = size
    canvas = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(canvas, "RGBA")
    sun_x, sun_y, sun_r = w * rng.uniform(0.15, 0.85), h * rng.uniform(0.2, 0.4), h * 0.12
    for ring in range(3, 0, -1):
        r = sun_r * (1 + ring * 0.45)
        draw.ellipse([sun_x - r, sun_y - r, sun_x + r, sun_y + r], fill=(242, 193, 78, 28))
    draw.ellipse([sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r], fill=GOLD)
    for layer in range(3):
        base = h * (0.55 + layer * 0.14)
        points = [(0, h)]
        for step in range(9):
            points.append((w * step / 8, base - h * rng.uniform(0.0, 0.12)))
        points.append((w, h))
        draw.polygon(points, fill=(0, 0, 0, 60 + layer * 40))
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=82)
    return buffer
