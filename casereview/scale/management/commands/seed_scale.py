import time

from django.core.management.base import BaseCommand, CommandError

from casereview.accounts.models import Partnership
from casereview.scale import seed as dataset


class Command(BaseCommand):
    help = (
        "Fills an empty database with a national-scale dataset for load tests: at --scale 1, 150 "
        "partnerships, 5,000 incidents, 2,000 reviews, 200,000 chronology entries, 30,000 actions, 60,000 "
        "updates and 500,000 audit events, skewed as the country is. Never on a live database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = national scale; 0.1 = a tenth")
        parser.add_argument("--seed", type=int, default=14)

    def handle(self, *args, scale, seed, **options):
        if scale <= 0 or scale > 10:
            raise CommandError("--scale must be above 0 and at most 10")
        if Partnership.objects.unscoped().filter(slug="scale-1").exists():
            raise CommandError("This database already holds a scale dataset: use an empty database")
        started = time.perf_counter()
        dataset.seed(scale, seed_value=seed, out=self.stdout.write)
        self.stdout.write(f"Done in {time.perf_counter() - started:.0f} s.")
