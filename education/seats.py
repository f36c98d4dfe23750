"""Taking and releasing seats. Every change of a seat-holding request happens here, under a lock.

The occasion's row (a study session, a training cohort) is the lock: whoever
holds it is the only one counting and taking its seats, so two requests can
never both get the last ones.
"""

from django.db import connection, transaction
from django.db.models import F
from django.utils.translation import gettext as _


class SeatsRefused(Exception):
    """The request's status or its occasion's seats forbid the change; the message says which."""


def lock(occasion_model, pk):
    """Lock the occasion's row until the transaction ends and return it.

    Its `seats_left` counts afresh, from inside the lock.
    """
    occasions = occasion_model.objects.filter(pk=pk)
    if connection.vendor == "sqlite":
        # SQLite has no row locks. A write takes the database write lock at
        # once, so concurrent requests queue here (busy timeout) instead of
        # failing when a read transaction later tries to write.
        occasions.update(status=F("status"))
    else:
        occasions = occasions.select_for_update()
    return occasions.get()


def change_status(occasion_model, request_pk, allowed, target):
    """Move a request for seats of `occasion_model` to `target`; return the updated request.

    Raises SeatsRefused with a message for staff when the request's status
    is not in `allowed`, or when `target` would take seats its occasion no
    longer has. A request without an occasion takes no seats.
    """
    relation = occasion_model.request_relation()
    requests = relation.model.objects
    occasion_id = requests.values_list(relation.attname, flat=True).get(pk=request_pk)
    with transaction.atomic():
        occasion = lock(occasion_model, occasion_id) if occasion_id else None
        request = requests.get(pk=request_pk)
        if request.status not in allowed:
            raise SeatsRefused(
                _("%(request)s %(reference)s 当前状态为“%(status)s”，不能执行此操作。")
                % {
                    "request": request._meta.verbose_name,
                    "reference": request.reference,
                    "status": request.get_status_display(),
                }
            )
        holding = occasion_model.seat_holding_statuses
        if occasion and target in holding and request.status not in holding:
            asked = getattr(request, occasion_model.seats_per_request)
            if asked > (left := occasion.seats_left):
                raise SeatsRefused(
                    _("%(occasion)s只剩 %(left)s 个名额，不够 %(reference)s 的 %(asked)s 人。")
                    % {
                        "occasion": occasion._meta.verbose_name,
                        "left": left,
                        "reference": request.reference,
                        "asked": asked,
                    }
                )
        request.status = target
        request.save(update_fields=["status", "updated_at"])
    return request
