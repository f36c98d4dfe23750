"""Building blocks for demo content: pages, snippets and images in both languages.

Demo content is written in Chinese, the source language, with an English
text for every Chinese string; English versions are made through
wagtail-localize, exactly as a translator's work would be, so that the
translation records exist and the admin shows them as translated.

Everything here is idempotent: an object that exists is found and left alone,
so running the demo command again creates nothing twice.
"""

import hashlib
import io
import math
import re

from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Colours of generated cards, picked by a stable hash of the image key.
PALETTE = ["#a61b1b", "#7a1212", "#8c3b12", "#2f5d50", "#36454f", "#6b2d5c", "#1f4e79", "#5b4a14"]


class Texts(dict):
    """Collects Chinese → English pairs while the Chinese content is written."""

    def __call__(self, zh, en):
        self[zh] = en
        return zh

    def p(self, *pairs):
        """Rich text: one <p> per (zh, en) pair, each its own translation segment."""
        return "".join(f"<p>{self(zh, en)}</p>" for zh, en in pairs)


class Demo:
    """What each app's `demo.load(demo)` gets: locales, a user, and helpers."""

    def __init__(self, user, stdout=None):
        self.user = user
        self.stdout = stdout
        self.source_locale = Locale.get_default()
        self.target_locales = list(Locale.objects.exclude(pk=self.source_locale.pk))
        self.created = 0

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    # Images ---------------------------------------------------------------

    def image(self, key, title, title_en, size=(1600, 900), caption=True):
        """A generated card image: a coloured field, an emblem and the English name.

        Its description (the alt text) carries both names, since one image
        serves both languages. A hero image, under a page's own heading, goes
        without the caption.
        """
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        digest = int(hashlib.sha256(key.encode()).hexdigest(), 16)
        colour = PALETTE[digest % len(PALETTE)]
        canvas = PILImage.new("RGB", size, colour)
        draw = ImageDraw.Draw(canvas)
        w, h = size
        # A five-pointed star and concentric rings: a deliberate emblem, not noise.
        cx, cy, r = w * 0.78, h * 0.42, h * 0.22
        for ring in range(4):
            rr = r * (1.3 + ring * 0.35)
            draw.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], outline="#f2c14e", width=3)
        points = []
        for i in range(10):
            radius = r if i % 2 == 0 else r * 0.4
            angle = math.pi / 2 + i * math.pi / 5
            points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
        draw.polygon(points, fill="#f2c14e")
        if caption:
            # The largest size at which the name fits the width.
            size_px = h // 12
            font = ImageFont.load_default(size=size_px)
            while font.getlength(title_en) > w * 0.88 and size_px > 12:
                size_px -= 2
                font = ImageFont.load_default(size=size_px)
            small = ImageFont.load_default(size=h // 28)
            draw.text((w * 0.06, h * 0.62), title_en, fill="#ffffff", font=font)
            draw.text((w * 0.06, h * 0.78), "Yan'an - Wuxi Red Trails", fill="#f2c14e", font=small)
        buffer = io.BytesIO()
        canvas.save(buffer, format="JPEG", quality=82)
        image = Image(title=title, description=f"{title} / {title_en}")
        image.file = ImageFile(buffer, name=f"demo-{key}.jpg")
        image.save()
        return image

    # Pages ----------------------------------------------------------------

    def page(self, parent, model, slug, english, **fields):
        """Find or create a published page in the source language, then translate it.

        `english` maps each Chinese string of the page to its English text.
        """
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

    def snippet(self, model, lookup, english, **fields):
        """Find (by `lookup`) or create a translatable snippet, then translate it."""
        instance = model.objects.filter(locale=self.source_locale, **lookup).first()
        if instance is None:
            instance = model(locale=self.source_locale, **lookup, **fields)
            instance.save()
            self.created += 1
        self.translate(instance, english)
        return instance

    def translate(self, instance, english, update=False):
        """Make the English version through wagtail-localize.

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
