"""Documents an agency sends with its information for a rapid review (walkthrough 8, finding 17's "Left"):
attached on the request's page, read by whoever reads the request, withdrawn with a reason, never deleted."""

import datetime
import io
import zipfile

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.audit.models import AuditAction, AuditEvent
from casereview.core import file_checks
from casereview.decisions import services
from casereview.decisions.models import InformationAttachment
from casereview.testing import AgencyFactory, IncidentFactory, InformationRequestFactory, RapidReviewFactory, member

pytestmark = pytest.mark.django_db


def docx_bytes(extra=b""):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document/>" + extra)
    return buffer.getvalue()


def pdf(name="chronology.pdf", body=b"police chronology extract"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n% " + body + b"\n")


def stored_files(folder="information"):
    """Every file kept under `folder` in the upload storage."""
    found = []
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return found
    found += [f"{folder}/{name}" for name in files]
    for sub in folders:
        found += stored_files(f"{folder}/{sub}")
    return found


@pytest.fixture(autouse=True)
def fresh_storage(settings):
    """An empty upload storage for each test (the test settings' in-memory storage outlives a test)."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def case(partnership_a):
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    health = AgencyFactory(partnership=partnership_a, name="Guy's and St Thomas'", sector="health")
    rapid_review = RapidReviewFactory(incident=IncidentFactory(partnership=partnership_a, child_pseudonym="Child S"))
    police_request = InformationRequestFactory(rapid_review=rapid_review, agency=police)
    health_request = InformationRequestFactory(rapid_review=rapid_review, agency=health)
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=police, username="pl", first_name="Police", last_name="Lead")
    return {
        "rapid_review": rapid_review,
        "request": police_request,
        "health_request": health_request,
        "lead": lead,
        "health_lead": member(partnership_a, Role.AGENCY_LEAD, agency=health, username="hl"),
        "url": reverse("decisions:request_attach", args=[police_request.pk]),
        "page": reverse("decisions:request_answer", args=[police_request.pk]),
    }


def attach(client, case, *files):
    return client.post(case["url"], {"files": list(files)}, follow=True)


def body_of(response):
    return response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')


def test_an_agency_lead_attaches_documents_and_sees_who_sent_them_and_when(client, case, alice):
    client.force_login(case["lead"])
    page = body_of(client.get(case["page"]))
    assert "No documents have been sent with this information yet." in page
    assert 'type="file"' in page and "multiple" in page and 'class="govuk-file-upload"' in page
    response = attach(client, case, pdf(), SimpleUploadedFile("referral.docx", docx_bytes()))
    page = body_of(response)
    assert response.redirect_chain[-1][0] == case["page"]
    said = "Sent to the rapid review with Metropolitan Police Service's information: chronology.pdf, referral.docx."
    assert said in page
    documents = list(InformationAttachment.objects.unscoped().filter(info_request=case["request"]))
    assert [(d.file_name, d.content_type, d.sent_by) for d in documents] == [
        ("chronology.pdf", "application/pdf", case["lead"]),
        ("referral.docx", file_checks.DOCX, case["lead"]),
    ]
    assert "PDF" in page and "Word document" in page and "by Police Lead" in page
    assert "No documents have been sent" not in page
    # stored under the record's key, not the sender's name; each an audited creation
    assert sorted(stored_files()) == sorted(f"information/{case['request'].pk}/{d.pk}" for d in documents)
    created = AuditEvent.objects.filter(action=AuditAction.CREATE, object_id__in=[str(d.pk) for d in documents])
    assert created.count() == 2
    # the rapid review's page shows them to the business manager beside the agency's information
    client.force_login(alice)
    summary = body_of(client.get(reverse("decisions:rapid_review", args=[case["rapid_review"].pk])))
    assert reverse("decisions:information_attachment", args=[documents[0].pk]) in summary
    assert "referral.docx</a> (Word document" in summary


def test_attaching_tells_nobody_by_email_as_sending_the_information_does_not(client, case, alice):
    """The project e-mails the agency when it is asked, not the business manager when it answers."""
    client.force_login(case["lead"])
    client.post(reverse("decisions:request_answer", args=[case["request"].pk]), {"response": "Two call-outs."})
    attach(client, case, pdf())
    assert mail.outbox == []


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("chronology.xlsx", None, "The selected file must be a PDF, Word (.docx) or plain text file"),
        ("tool.exe", b"MZ\x90\x00 a program", "The selected file must be a PDF, Word (.docx) or plain text file"),
        ("photo.png", b"\x89PNG\r\n\x1a\n....", "The selected file must be a PDF, Word (.docx) or plain text file"),
        ("notes.pdf", b"plain words, not a PDF", "The selected file is called .pdf but it is not a PDF file"),
        ("empty.pdf", b"", "The selected file is empty"),
        # plain-text bytes under a name that makes the reader's computer run or render them (probe 16: each
        # was stored as plain text and downloaded by the chair under its own name)
        ("open-me.bat", b"@echo off\r\ndel /q %USERPROFILE%\\Documents\r\n", "is a .bat file: attach a PDF"),
        ("tidy.ps1", b"Remove-Item -Recurse ~\\Documents\n", "is a .ps1 file: attach a PDF"),
        ("letter.html", b"<html><script>alert(1)</script></html>", "is a .html file: attach a PDF"),
        ("form.hta", b"<html><script language=VBScript>MsgBox 1</script></html>", "is a .hta file: attach a PDF"),
        ("map.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "is a .svg file"),
        ("letter.rtf", b"{\\rtf1\\ansi{\\object\\objemb{\\*\\objdata 0105}}}", "is a .rtf file: attach a PDF"),
        ("report\u202etxt.exe", b"looks like report.txt on the page", "is a .exe file: attach a PDF"),
        # Windows drops a name's trailing full stops and spaces when it saves the download: "open-me.bat."
        # runs as open-me.bat (second reader, review10)
        ("open-me.bat.", b"@echo off\r\ndel /q %USERPROFILE%\\Documents\r\n", "is a .bat file: attach a PDF"),
        ("tidy.ps1 . ", b"Remove-Item -Recurse ~\\Documents\n", "is a .ps1 file: attach a PDF"),
        # other names a reader's computer runs, renders or mounts (fixsmall11: the check lists them now)
        ("notes.cmd", b"del /q *\r\n", "is a .cmd file"),
        ("photo.scr", b"plain words", "is a .scr file"),
        ("run.JS", b"WScript.Echo(1)", "is a .js file"),
        ("run.vbs", b"MsgBox 1", "is a .vbs file"),
        ("page.xhtml", b"<html><script>alert(1)</script></html>", "is a .xhtml file"),
        ("web.url", b"[InternetShortcut]\r\nURL=file:///c:/", "is a .url file"),
        ("query.iqy", b"WEB\r\n1\r\nhttp://example.org/\r\n", "is a .iqy file"),
        # an article that fits the kind: "not an Excel file", "not a plain text file"
        ("macro.xlsx", b"MZ\x90\x00 a program", "is a program, not an Excel file, although its name ends .xlsx"),
        ("notes.txt", b"MZ\x90\x00 a program", "is a program, not a plain text file, although its name ends .txt"),
        (
            "scripted.pdf",
            b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n",
            "The selected PDF contains a script, which could run when it is opened",
        ),
    ],
)
def test_a_file_of_the_wrong_kind_an_empty_one_or_a_scripted_pdf_is_refused_and_nothing_is_kept(
    client, case, name, data, message
):
    if data is None:  # a genuine spreadsheet: a kind evidence takes, but not this request
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/workbook.xml", "<workbook/>")
        data = buffer.getvalue()
    client.force_login(case["lead"])
    events = AuditEvent.objects.count()
    response = attach(client, case, SimpleUploadedFile(name, data))
    page = body_of(response)
    assert response.status_code == 200 and "There is a problem" in page and message in page
    assert "(error) – casereview</title>" in page
    assert not InformationAttachment.objects.unscoped().exists()
    assert stored_files() == [] and AuditEvent.objects.count() == events


@pytest.mark.parametrize("name", ["Notes from Dr.Khan", "Letter to Mrs.Jones", "Meeting 12.Jan", "notes.md"])
def test_a_name_with_a_dot_that_is_no_active_extension_is_judged_by_its_bytes(client, case, name):
    """A person's title ("Dr.Khan") or a date after a dot is not an extension the reader's computer acts on:
    the text is kept, and downloads with its stored kind's ending after the name (fixsmall11; review10 found
    "Notes from Dr.Khan" refused as ".khan")."""
    client.force_login(case["lead"])
    page = body_of(attach(client, case, SimpleUploadedFile(name, b"Seen by Dr Khan on 3 March.")))
    assert "There is a problem" not in page, page.split("govuk-error-summary__list", 1)[-1][:300]
    document = InformationAttachment.objects.unscoped().get(info_request=case["request"])
    assert (document.file_name, document.content_type) == (name, "text/plain")
    response = client.get(reverse("decisions:information_attachment", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{name}.txt"'


def test_a_file_over_the_limit_is_refused_by_its_size_and_named_when_several_are_chosen(client, case, settings):
    settings.CASEREVIEW_UPLOAD_MAX_MB = {**settings.CASEREVIEW_UPLOAD_MAX_MB, "evidence": 1}
    client.force_login(case["lead"])
    big = SimpleUploadedFile("full-chronology.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024))
    page = body_of(attach(client, case, pdf(), big, SimpleUploadedFile("blank.txt", b"")))
    assert "full-chronology.pdf: The selected file must be smaller than 1 MB (it is 1.0 MB)" in page
    assert "blank.txt: The selected file is empty" in page
    assert "each smaller than 1 MB" in page  # the hint follows the setting
    # one bad file refuses the lot: the agency sends again what it meant to send together
    assert not InformationAttachment.objects.unscoped().exists() and stored_files() == []


def test_choosing_no_file_is_told_plainly(client, case):
    client.force_login(case["lead"])
    page = body_of(client.post(case["url"], {}))
    assert "Select the documents to attach" in page


def test_a_word_file_that_would_unpack_past_the_bound_is_refused(client, case, monkeypatch):
    monkeypatch.setattr(file_checks, "MAX_UNZIPPED_BYTES", 64 * 1024)
    client.force_login(case["lead"])
    page = body_of(attach(client, case, SimpleUploadedFile("report.docx", docx_bytes(b"0" * (256 * 1024)))))
    assert "The selected file cannot be stored safely: it would unpack to more than" in page
    assert "Save a new copy from Word (or as PDF)" in page
    assert not InformationAttachment.objects.unscoped().exists()


def test_a_file_stored_before_a_failure_is_removed(case, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "audit_create", fail)
    with pytest.raises(RuntimeError):
        services.information_request_attach(actor=case["lead"], info_request=case["request"], files=[pdf()])
    assert stored_files() == [] and not InformationAttachment.objects.unscoped().exists()


def test_the_same_document_sent_twice_is_kept_once(client, case):
    """A double click, or the form sent again: the second adds nothing and says so."""
    client.force_login(case["lead"])
    attach(client, case, pdf())
    page = body_of(attach(client, case, pdf(), pdf("chronology-again.pdf")))
    assert InformationAttachment.objects.unscoped().count() == 1
    assert "chronology.pdf was already sent, on" in page and "by Police Lead: it was not attached again." in page
    assert "chronology-again.pdf was already sent" in page  # same bytes under another name
    assert len(stored_files()) == 1
    # once withdrawn, the same document may be sent again (withdrawn in error, say)
    services.information_attachment_withdraw(
        actor=case["lead"], attachment=InformationAttachment.objects.unscoped().get(), reason="Wrong version"
    )
    attach(client, case, pdf())
    assert InformationAttachment.objects.unscoped().current().count() == 1


def test_nothing_can_be_attached_once_the_rapid_review_is_complete(client, case):
    client.force_login(case["lead"])
    attach(client, case, pdf())
    case["rapid_review"].completed_on = datetime.date(2025, 5, 1)
    case["rapid_review"].save()
    page = body_of(client.get(case["page"]))
    assert 'type="file"' not in page and "nothing more can be sent or attached here" in page
    assert "chronology.pdf" in page  # what was sent stays readable
    page = body_of(attach(client, case, pdf("late.pdf", b"late")))
    assert "The rapid review was completed on 1 May 2025, so nothing more can be attached" in page
    assert InformationAttachment.objects.unscoped().count() == 1


# --- downloads: by each role, and by nobody outside ------------------------------------------------


def _people(partnership_a, case, alice, charlie):
    return {
        "business manager": (alice, 200),
        "chair": (member(partnership_a, Role.CHAIR, username="chair"), 200),
        "panel member": (member(partnership_a, Role.PANEL_MEMBER, username="panel"), 200),
        "executive member": (member(partnership_a, Role.EXECUTIVE, username="exec"), 200),
        "the sending agency's lead": (case["lead"], 200),
        "another agency's lead": (case["health_lead"], 404),
        "an independent reviewer": (member(partnership_a, Role.REVIEWER, username="reviewer"), 404),
        "a viewer": (member(partnership_a, Role.VIEWER, username="viewer"), 404),
        "another partnership's business manager": (charlie, 404),
    }


def test_a_download_by_each_role(client, case, partnership_a, alice, charlie):
    attachment = services.information_request_attach(
        actor=case["lead"], info_request=case["request"], files=[pdf()]
    ).added[0]
    url = reverse("decisions:information_attachment", args=[attachment.pk])
    for who, (person, expected) in _people(partnership_a, case, alice, charlie).items():
        client.force_login(person)
        before = AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(attachment.pk)).count()
        response = client.get(url)
        assert response.status_code == expected, who
        after = AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(attachment.pk)).count()
        if expected == 200:
            assert b"".join(response.streaming_content).startswith(b"%PDF-1.4"), who
            assert response["Content-Disposition"].startswith('attachment; filename="chronology.pdf"'), who
            assert "no-store" in response["Cache-Control"], who
            assert response["Content-Type"] == "application/pdf", who
            assert after == before + 1, f"{who}'s download is in the access log"
        else:
            assert after == before, who


def test_the_rapid_review_page_offers_each_reader_only_what_they_may_download(client, case, partnership_a, alice):
    police_doc = services.information_request_attach(
        actor=case["lead"], info_request=case["request"], files=[pdf()]
    ).added[0]
    health_doc = services.information_request_attach(
        actor=case["health_lead"], info_request=case["health_request"], files=[pdf("discharge.pdf", b"discharge")]
    ).added[0]
    page = reverse("decisions:rapid_review", args=[case["rapid_review"].pk])
    police, health = (reverse("decisions:information_attachment", args=[d.pk]) for d in (police_doc, health_doc))
    client.force_login(member(partnership_a, Role.CHAIR, username="chair"))
    body = body_of(client.get(page))
    assert police in body and health in body
    client.force_login(case["lead"])
    body = body_of(client.get(page))
    assert police in body and health not in body and "discharge.pdf" not in body


# --- withdrawal --------------------------------------------------------------------------------------


def test_withdrawing_asks_for_confirmation_and_a_reason_and_erases_nothing(client, case, alice):
    attachment = services.information_request_attach(
        actor=case["lead"], info_request=case["request"], files=[pdf()]
    ).added[0]
    client.force_login(case["lead"])
    withdraw = reverse("decisions:information_attachment_withdraw", args=[attachment.pk])
    assert withdraw in body_of(client.get(case["page"]))
    confirm = body_of(client.get(withdraw))
    assert "Withdraw chronology.pdf?" in confirm and "Withdraw this document" in confirm
    assert "Nothing is erased" in confirm
    # without a reason: refused, nothing changes
    page = body_of(client.post(withdraw, {"reason": "  "}))
    assert "Say why you are withdrawing it" in page
    attachment.refresh_from_db()
    assert not attachment.is_withdrawn
    # with one: withdrawn, kept, listed with the reason, no longer downloadable
    response = client.post(withdraw, {"reason": "Sent for the wrong child"}, follow=True)
    assert response.redirect_chain[-1][0] == case["page"]
    page = body_of(response)
    assert "chronology.pdf has been withdrawn." in page and "Sent for the wrong child" in page
    attachment.refresh_from_db()
    assert attachment.is_withdrawn and attachment.withdrawn_by == case["lead"]
    assert attachment.withdrawal_reason == "Sent for the wrong child"
    assert default_storage.exists(attachment.file.name), "the file is kept"
    event = AuditEvent.objects.get(action=AuditAction.WITHDRAW, object_id=str(attachment.pk))
    assert event.reason == "Sent for the wrong child"
    client.force_login(alice)
    assert client.get(reverse("decisions:information_attachment", args=[attachment.pk])).status_code == 404
    summary = body_of(client.get(reverse("decisions:rapid_review", args=[case["rapid_review"].pk])))
    assert "chronology.pdf: withdrawn" in summary and "Sent for the wrong child" in summary
    assert reverse("decisions:information_attachment", args=[attachment.pk]) not in summary
    # a second withdrawal (the form sent twice) changes nothing more
    client.force_login(case["lead"])
    client.post(withdraw, {"reason": "Again"})
    assert AuditEvent.objects.filter(action=AuditAction.WITHDRAW, object_id=str(attachment.pk)).count() == 1


def test_a_document_can_be_withdrawn_after_the_rapid_review_is_complete(client, case):
    """A wrong document must stop being read whenever it is found."""
    attachment = services.information_request_attach(
        actor=case["lead"], info_request=case["request"], files=[pdf()]
    ).added[0]
    case["rapid_review"].completed_on = datetime.date(2025, 5, 1)
    case["rapid_review"].save()
    client.force_login(case["lead"])
    withdraw = reverse("decisions:information_attachment_withdraw", args=[attachment.pk])
    assert withdraw in body_of(client.get(case["page"]))
    client.post(withdraw, {"reason": "Another child's chronology"})
    attachment.refresh_from_db()
    assert attachment.is_withdrawn


def test_only_those_who_may_answer_the_request_may_withdraw_its_documents(client, case, partnership_a):
    attachment = services.information_request_attach(
        actor=case["lead"], info_request=case["request"], files=[pdf()]
    ).added[0]
    withdraw = reverse("decisions:information_attachment_withdraw", args=[attachment.pk])
    client.force_login(member(partnership_a, Role.CHAIR, username="chair"))
    assert client.post(withdraw, {"reason": "Not needed"}).status_code == 403
    client.force_login(case["health_lead"])
    assert client.post(withdraw, {"reason": "Not needed"}).status_code == 404
    attachment.refresh_from_db()
    assert not attachment.is_withdrawn
