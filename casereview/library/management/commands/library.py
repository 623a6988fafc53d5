"""`casereview library search QUERY [--partnership SLUG] [--theme NAME] [--format json|text]` and
`casereview library import DIR --national [--user ADMIN]`."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from casereview.accounts.models import Partnership, User
from casereview.core.models import Theme

from ... import search, selectors, services


class Command(BaseCommand):
    help = "Search the learning library, or import documents into the national collection."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        find = commands.add_parser("search", help="Search the published learning and the national collection")
        find.add_argument("query")
        find.add_argument("--partnership", help="Include this partnership's published learning (its short name)")
        find.add_argument("--theme", help="Only learning with this theme, e.g. 'Neglect'")
        find.add_argument("--format", choices=["json", "text"], default="text")
        find.add_argument("--limit", type=int, default=20)
        load = commands.add_parser("import", help="Import a folder of documents or extracts")
        load.add_argument("folder")
        load.add_argument("--national", action="store_true", help="Into the national collection (the only choice)")
        load.add_argument("--user", help="The system administrator recorded as importing (default: the first one)")

    def handle(self, subcommand, **options):
        if subcommand == "search":
            return self._search(**options)
        return self._import(**options)

    def _search(self, query, partnership=None, theme=None, format="text", limit=20, **options):
        owner = None
        if partnership:
            owner = Partnership.objects.filter(slug=partnership).first()
            if owner is None:
                known = ", ".join(Partnership.objects.values_list("slug", flat=True)) or "none yet"
                raise CommandError(f"No partnership called {partnership!r}. Known: {known}")
        if theme:
            match = Theme.objects.filter(name__iexact=theme).first()
            if match is None:
                raise CommandError(
                    f"No theme called {theme!r}. Themes: {', '.join(Theme.objects.values_list('name', flat=True))}"
                )
            theme = match.name
        try:
            parsed = search.parse_query(query)
        except search.QueryError as exc:
            raise CommandError(str(exc)) from exc
        result = selectors.entry_search(
            user=None,
            partnership=owner,
            query=parsed,
            filters={"theme": theme},
            per_page=max(1, min(limit, 200)),
            entries=selectors.published_entries(partnership=owner),
        )
        rows = [
            {
                "text": entry.text,
                "kind": entry.kind,
                "number": entry.label,
                "review": entry.review_title,
                "year": entry.year,
                "themes": [t.name for t in entry.themes.all()],
                "source": entry.source_name if entry.is_national else "ours",
                "score": round(float(score), 4),
            }
            for entry, score, _snippet in result.results
        ]
        if format == "json":
            self.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        self.stdout.write(f"{result.total} match{'es' if result.total != 1 else ''}")
        for row in rows:
            where = f"{row['review']}, {row['year'] or 'year unknown'}, {row['source']}"
            kind = row["kind"].replace("_", " ") + (f" {row['number']}" if row["number"] else "")
            self.stdout.write(f"\n[{row['score']:.2f}] {kind} ({where})\n  {row['text']}")
            if row["themes"]:
                self.stdout.write(f"  themes: {', '.join(row['themes'])}")

    def _import(self, folder, national=False, user=None, **options):
        if not national:
            raise CommandError(
                "Only the national collection is imported from a folder: add --national. A partnership's own "
                "learning comes from its reviews."
            )
        admins = User.objects.filter(is_superuser=True, is_active=True)
        actor = admins.filter(username=user).first() if user else admins.order_by("date_joined").first()
        if actor is None:
            raise CommandError(
                f"No active system administrator called {user!r}"
                if user
                else "No system administrator exists: create one with `casereview createsuperuser`"
            )
        try:
            imported, problems = services.national_import(actor=actor, folder=folder)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        for name, problem in problems:
            self.stderr.write(f"{name}: not imported: {problem}")
        self.stdout.write(
            f"{imported} entries imported into the national collection"
            + (f"; {len(problems)} file{'s' if len(problems) != 1 else ''} could not be read" if problems else "")
        )
