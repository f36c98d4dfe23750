from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.choices import City
from core.filters import ListingFilterForm, any_choice, snippet_choices
from education.models.sessions import Booking
from education.public_requests.forms import PublicRequestForm
from education.public_requests.models import CONTACT_FIELDS
from education.study_tours.choices import MAX_PUPILS_PER_BOOKING, RATIO_FIELDS, AgeBand, BaseKind


class BaseFilterForm(ListingFilterForm):
    """The filters of the study base listing: city, age band, kind and spirit."""

    city = forms.ChoiceField(
        label=_("城市"), required=False, choices=any_choice(_("全部城市")) + City.choices
    )
    age_band = forms.ChoiceField(
        label=_("年龄段"), required=False, choices=any_choice(_("全部年龄段")) + AgeBand.choices
    )
    kind = forms.ChoiceField(
        label=_("类型"), required=False, choices=any_choice(_("全部类型")) + BaseKind.choices
    )
    spirit = forms.ChoiceField(label=_("精神"), required=False)

    def __init__(self, data, *, spirits, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["spirit"].choices = snippet_choices(_("全部精神"), spirits)

    def filter(self, queryset):
        values = self.active()
        if city := values.get("city"):
            queryset = queryset.filter(city=city)
        if kind := values.get("kind"):
            queryset = queryset.filter(kind=kind)
        if band := values.get("age_band"):
            # A base takes an age band when it sets a pupils-per-adult ratio for it.
            queryset = queryset.filter(**{f"{RATIO_FIELDS[band]}__isnull": False})
        # Slugs are shared by a spirit's translations, so one lookup serves both languages.
        if spirit := values.get("spirit"):
            queryset = queryset.filter(spirits__slug=spirit).distinct()
        return queryset


class BookingForm(PublicRequestForm):
    """A school's booking of one session of one base."""

    join_waitlist = forms.BooleanField(
        required=False,
        label=_("名额不足时加入候补名单"),
        help_text=_("有学校取消时，工作人员按提交顺序联系候补学校。"),
    )

    organisation_field = "school_name"
    consent_label = _("我同意平台和基地为办理本次预约处理以上个人信息")

    class Meta:
        model = Booking
        fields = [
            "school_name",
            *CONTACT_FIELDS,
            "age_band",
            "pupils",
            "adults",
            "meals",
            "arrival_mode",
            "access_needs",
            "notes",
            "consent",
        ]
        widgets = {
            "access_needs": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, base, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.base = base
        self.session = session
        self.fields["age_band"].choices = [("", "---------")] + base.age_band_choices()
        self.fields["pupils"].widget.attrs.update(min=1, max=MAX_PUPILS_PER_BOOKING)
        self.fields["adults"].widget.attrs.update(min=0, max=MAX_PUPILS_PER_BOOKING)
        if not base.has_meals:
            del self.fields["meals"]

    def clean(self):
        cleaned = super().clean()
        band, pupils, adults = (cleaned.get(k) for k in ("age_band", "pupils", "adults"))
        if band and pupils and adults is not None:
            needed = self.base.adults_needed(band, pupils)
            if adults < needed:
                self.add_error(
                    "adults",
                    ngettext(
                        "按本基地 1:%(ratio)s 的师生比，%(pupils)s 名学生至少需要 %(needed)s 名带队成人。",
                        "按本基地 1:%(ratio)s 的师生比，%(pupils)s 名学生至少需要 %(needed)s 名带队成人。",
                        needed,
                    )
                    % {
                        "ratio": self.base.pupils_per_adult(band),
                        "pupils": pupils,
                        "needed": needed,
                    },
                )
        return cleaned
