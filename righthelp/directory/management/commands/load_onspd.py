"""manage.py load_onspd PATH [--area-prefix E ...]: postcodes from the ONS Postcode Directory, offline."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from righthelp.directory import postcodes


class Command(BaseCommand):
    help = (
        "Load the live postcodes of an ONS Postcode Directory CSV (ONSPD_*_UK.csv or one of its multi_csv "
        "files) into the postcode table, with each sector's and district's mean centroid. Safe to re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the ONSPD CSV file")
        parser.add_argument(
            "--area-prefix",
            action="append",
            default=[],
            metavar="AREA",
            help="keep only this postcode area (E) or district (E1W); repeat for more. Default: all",
        )

    def handle(self, *args, path, area_prefix, **options):
        source = f"ONS Postcode Directory, {path.name}"
        try:
            with path.open(encoding="utf-8-sig", newline="") as lines:
                loaded, removed = postcodes.load_onspd(lines, source=source, areas=area_prefix)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise CommandError(f"{path}: {error}") from error
        self.stdout.write(f"Loaded {loaded} postcodes from {path.name}; removed {removed} no longer live.")
