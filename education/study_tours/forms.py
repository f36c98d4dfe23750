from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.choices import City
from education.models.sessions import Booking
from education.public_requests.forms import PublicRequestForm
from education.study_tours.choices import MAX_PUPILS_PER_BOOKING, RATIO_FIELDS, AgeBand, BaseKind
from tourism.models import Spirit


class BaseFilterForm(forms.Form):
    """GET filters of the base listing. Unknown or malformed values are ignored."""

    city = forms.ChoiceField(
        label=_("城市"), required=False, choices=[("", _("全部城市"))] + City.choices
    )
    age_band = forms.ChoiceField(
        label=_("年龄段"), required=False, choices=[("", _("全部年龄段"))] + AgeBand.choices
    )
    kind = forms.ChoiceField(
        label=_("类型"), required=False, choices=[("", _("全部类型"))] + BaseKind.choices
    )
    spirit = forms.ModelChoiceField(
        label=_("精神"),
        required=False,
        queryset=Spirit.objects.none(),
        to_field_name="slug",
        empty_label=_("全部"),
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["spirit"].queryset = Spirit.objects.filter(locale=locale)

    def filters(self):
        """The valid, non-empty filters; invalid fields are simply left out."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value and name not in self.errors
        }

    def filter(self, queryset):
        filters = self.filters()
        if city := filters.get("city"):
            queryset = queryset.filter(city=city)
        if kind := filters.get("kind"):
            queryset = queryset.filter(kind=kind)
        if band := filters.get("age_band"):
            queryset = queryset.filter(**{f"{RATIO_FIELDS[band]}__isnull": False})
        if spirit := filters.get("spirit"):
            # Pages link to the source-language spirits; translations share the key.
            queryset = queryset.filter(spirits__translation_key=spirit.translation_key)
        return queryset

    def query_string(self):
        """The active filters as a query string, for pagination links."""
        return urlencode(
            {name: getattr(value, "slug", value) for name, value in self.filters().items()}
        )


class BookingForm(PublicRequestForm):
    """A school's booking of one session of one base."""

    join_waitlist = forms.BooleanField(
        required=False,
        label=_("名额不足时加入候补名单"),
        help_text=_("有学校取消时，工作人员按提交顺序联系候补学校。"),
    )

    class Meta:
        model = Booking
        fields = [
            "school_name",
            "contact_name",
            "contact_role",
            "phone",
            "email",
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
        autocomplete = {
            "school_name": "organization",
            "contact_name": "name",
            "contact_role": "organization-title",
            "email": "email",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields["consent"].label = _("我同意平台和基地为办理本次预约处理以上个人信息")

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
