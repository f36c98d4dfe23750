from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from education.models.cohorts import TrainingCohort, TrainingEnquiry
from education.public_requests.forms import PublicRequestForm
from education.public_requests.models import CONTACT_FIELDS
from education.training.choices import MAX_PARTICIPANTS


class CohortChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label()


class TrainingEnquiryForm(PublicRequestForm):
    """An organisation's enquiry: about one programme (and maybe one of its cohorts),
    or, from the programme index, about any programme or a custom one."""

    # Declared rather than generated from the model: this form is built while
    # the page models are still loading (their enquiry routes use it), so the
    # programme's model is looked up when a form is made, not when it is defined.
    programme = forms.ModelChoiceField(
        queryset=TrainingEnquiry.objects.none(),
        required=False,
        label=TrainingEnquiry._meta.get_field("programme").verbose_name,
    )

    organisation_field = "organisation"
    consent_label = _("我同意平台和承办机构为办理本次培训咨询处理以上个人信息")

    class Meta:
        model = TrainingEnquiry
        fields = [
            "organisation",
            *CONTACT_FIELDS,
            "programme",
            "cohort",
            "participants",
            "preferred_months",
            "notes",
            "consent",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, programme=None, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme_page = programme
        if programme is not None:
            del self.fields["programme"]
            # The page already loaded its offered cohorts with their seats.
            cohorts = {cohort.pk: cohort for cohort in programme.offered_cohorts}
            self.fields["cohort"] = CohortChoiceField(
                queryset=TrainingCohort.objects.filter(pk__in=cohorts),
                required=False,
                label=_("班期"),
                empty_label=_("暂不确定，按希望的月份安排"),
                help_text=_("只列出仍在接受报名的班期。"),
                error_messages={"invalid_choice": _("该班期已截止报名或不存在，请重新选择。")},
            )
            self.fields["cohort"].choices = [("", self.fields["cohort"].empty_label)] + [
                (pk, cohort.label()) for pk, cohort in cohorts.items()
            ]
            self.offered = cohorts
        else:
            del self.fields["cohort"]
            field = self.fields["programme"]
            field.queryset = (
                TrainingEnquiry.programme.field.related_model.objects.live()
                .public()
                .filter(locale=locale)
                .order_by("path")
            )
            field.empty_label = _("定制培训项目（请在备注中说明需求）")
            field.help_text = _("选择一个项目，或选择定制培训项目。")
            field.error_messages["invalid_choice"] = _("请从列表中选择培训项目。")
        self.fields["participants"].widget.attrs.update(min=1, max=MAX_PARTICIPANTS)
        self.fields["contact_role"].help_text = _("例如“组织部干部科科长”“人力资源部经理”。")
        self.fields["contact_role"].label = _("职务")

    def chosen_programme(self):
        return self.programme_page or self.cleaned_data.get("programme")

    def clean_cohort(self):
        # The ModelChoiceField fetched a fresh row; use the one with its seats counted.
        cohort = self.cleaned_data.get("cohort")
        return self.offered.get(cohort.pk) if cohort else None

    def clean(self):
        cleaned = super().clean()
        programme = self.chosen_programme()
        participants = cleaned.get("participants")
        cohort = cleaned.get("cohort")
        if not cohort and "preferred_months" in cleaned and not cleaned["preferred_months"]:
            self.add_error(
                "preferred_months",
                _("请选择一个班期，或至少选择一个希望的培训月份。"),
            )
        if participants and programme and participants > programme.max_group_size:
            self.add_error(
                "participants",
                ngettext(
                    "本项目每期最多 %(max)s 名学员。人数更多时请分期参加，或选择定制培训项目。",
                    "本项目每期最多 %(max)s 名学员。人数更多时请分期参加，或选择定制培训项目。",
                    programme.max_group_size,
                )
                % {"max": programme.max_group_size},
            )
        elif participants and cohort and participants > cohort.seats_left:
            self.add_error(
                "participants",
                ngettext(
                    "该班期只剩 %(left)s 个名额，您填写了 %(asked)s 人。请减少人数或选择其他班期。",
                    "该班期只剩 %(left)s 个名额，您填写了 %(asked)s 人。请减少人数或选择其他班期。",
                    cohort.seats_left,
                )
                % {"left": cohort.seats_left, "asked": participants},
            )
        return cleaned

    def save(self, commit=True):
        programme = self.chosen_programme()
        # Staff work on the source pages, which own the cohorts.
        self.instance.programme = programme.source_page() if programme else None
        return super().save(commit=commit)
