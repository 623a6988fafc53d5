import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse

from casereview.accounts.models import Partnership
from casereview.audit.selectors import record_history
from casereview.core.access import object_view
from casereview.core.forms import apply_service_errors, withdraw_page
from casereview.core.highlight import highlighted_window, text_parts
from casereview.core.pagination import paginate
from casereview.reviews.models import Review

from . import services
from .forms import UploadForm
from .models import Document, DocumentStatus, ImportBatch, ItemDecision, ItemKind


@object_view(Partnership, "import_documents", url_kwarg="slug", field="slug")
def document_list(request, partnership):
    form = UploadForm(
        request.POST if request.method == "POST" else None, request.FILES if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        files = [(upload.name, upload) for upload in form.cleaned_data["files"]]
        try:
            batch = services.documents_upload(actor=request.user, partnership=partnership, files=files)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            return redirect("documents:batch", pk=batch.pk)
    documents = (
        Document.objects.visible_to(request.user)
        .filter(partnership=partnership)
        .select_related("review")
        .annotate(item_count=Count("items"))
        .order_by("-created")
    )
    return render(
        request,
        "documents/document_list.html",
        {
            "partnership": partnership,
            "form": form,
            "page": paginate(request, documents.current()),
            "withdrawn": documents.withdrawn().order_by("-withdrawn_at")[:20],
        },
    )


@object_view(ImportBatch)
def batch_progress(request, batch):
    return render(
        request, "documents/batch_progress.html", {"batch": batch, "documents": batch.documents.order_by("created")}
    )


SOURCE_PART_CHARACTERS = 100_000


@object_view(Document)
def document_check(request, document):
    items = list(document.items.all())
    errors = []
    if request.method == "POST":
        decisions = {
            str(item.pk): (
                request.POST.get(f"decision-{item.pk}", ItemDecision.PENDING),
                request.POST.get(f"text-{item.pk}", item.final_text),
            )
            for item in items
        }
        review_id = request.POST.get("review", "")
        review = None
        if review_id and review_id != "new":
            try:
                review = (
                    Review.objects.visible_to(request.user, "change")
                    .filter(partnership=document.partnership, pk=uuid.UUID(review_id))
                    .first()
                )
            except ValueError:
                review = None
        if review_id and review_id != "new" and review is None:
            errors.append("Choose a review of this partnership")
        else:
            try:
                applied_to = services.document_apply(
                    actor=request.user,
                    document=document,
                    decisions=decisions,
                    review=review,
                    new_review_title=request.POST.get("new_review_title", ""),
                )
            except ValidationError as exc:
                errors += exc.messages
            else:
                messages.success(
                    request, f"The accepted items from {document.file_name} have been added to {applied_to.title}."
                )
                return redirect("reviews:findings", pk=applied_to.pk)
        for item in items:  # keep what the person chose and typed
            item.decision, item.final_text = decisions[str(item.pk)]
    # A long document's source is shown a part at a time (the items are all listed beside it).
    part = Paginator(text_parts(document.text, SOURCE_PART_CHARACTERS), 1).get_page(request.GET.get("page"))
    start, end = part.object_list[0]
    return render(
        request,
        "documents/document_check.html",
        {
            "document": document,
            "errors": errors,
            "learning_points": [i for i in items if i.kind == ItemKind.LEARNING_POINT],
            "recommendations": [i for i in items if i.kind == ItemKind.RECOMMENDATION],
            "pieces": highlighted_window(document.text, [(i.start, i.end, {"item": i}) for i in items], start, end),
            "page": part,
            "reviews": Review.objects.visible_to(request.user, "change").filter(partnership=document.partnership),
            "chosen_review": request.POST.get("review", str(document.review_id or "")),
            "new_review_title": request.POST.get(
                "new_review_title", document.child_pseudonyms.split(",")[0] if document.child_pseudonyms else ""
            ),
            "ready": document.status == DocumentStatus.READY and not document.is_withdrawn,
            "history": record_history(document),
        },
    )


@object_view(Document, "change")
def document_withdraw(request, document):
    back_url = reverse("documents:check", args=[document.pk])
    if document.is_withdrawn:
        return redirect(back_url)
    consequence = (
        "It will no longer be listed under Documents. Nothing is erased: it stays in its history, with your reason."
    )
    if document.review_id:
        consequence += (
            f" The items already added to {document.review.title} stay there; "
            "withdraw them from the review if they were wrong too."
        )
    return withdraw_page(
        request,
        withdraw=lambda **data: services.document_withdraw(actor=request.user, document=document, **data),
        title=f"Withdraw {document.file_name}?",
        caption=document.partnership.name,
        record_lines=[("File", document.file_name), ("Status", document.get_status_display())],
        back_url=back_url,
        done_url=reverse("documents:list", args=[document.partnership.slug]),
        consequence=consequence,
        submit="Withdraw this document",
        success=f"{document.file_name} has been withdrawn.",
    )
