"""The dashboard panel of a public request type: the requests waiting for an answer."""

from wagtail.admin.ui.tables import TitleColumn

from core.editorial.panels import EditorialPanel


def reference_column(label, viewset_name):
    """The request's reference, linked to its page in the request type's admin viewset."""
    return TitleColumn("reference", label=label, url_name=f"{viewset_name}:inspect")


class AwaitingAnswerPanel(EditorialPanel):
    """Requests still in the status they arrived in, oldest first: each has someone waiting.

    Subclasses set `model`, `awaiting_status` and `related` (the relations
    their columns read), besides the panel's own attributes.
    """

    model = None
    awaiting_status = None
    related = ()

    def get_queryset(self):
        return (
            self.model.objects.filter(status=self.awaiting_status)
            .select_related(*self.related)
            .order_by("created_at")
        )
