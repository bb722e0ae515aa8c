import pytest
from django.core.management import CommandError, call_command

from righthelp.directory import postcodes
from righthelp.directory.models import Postcode

pytestmark = pytest.mark.django_db

ONSPD_HEADER = "pcd,pcd2,pcds,dointr,doterm,oslaua,lat,long"


def write_onspd(tmp_path, *rows, header=ONSPD_HEADER, name="ONSPD_SAMPLE_UK.csv"):
    """A small file shaped like the ONS Postcode Directory (made-up postcodes and points)."""
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def onspd_row(pcds, lat, long, doterm=""):
    return f'"{pcds.replace(" ", "")}","{pcds}","{pcds}","199901","{doterm}","E09000030",{lat},{long}'


@pytest.mark.parametrize("text", ["E1W", "e1w", " e1w  "])
def test_lookup_finds_a_shipped_district_whatever_its_case_or_spacing(text):
    place = postcodes.lookup(text)
    assert (place.postcode, place.precision) == ("E1W", "district")
    assert place.latitude == pytest.approx(51.506, abs=0.01)
    assert place.longitude == pytest.approx(-0.059, abs=0.01)
    assert "approximate" in place.source.lower()


@pytest.mark.parametrize("text", ["", "   ", None, "hello", "E1 6ANX", "1E 6AN", "E1-6AN", "ZZ99 9ZZ"])
def test_lookup_answers_none_for_what_is_not_a_known_postcode(text):
    assert postcodes.lookup(text) is None


@pytest.mark.parametrize("text", ["E1 6AN", "e1 6an", "E16AN", "e16an", " E1   6AN "])
def test_a_full_postcode_falls_back_to_its_district_when_the_unit_is_not_loaded(text):
    place = postcodes.lookup(text)
    assert (place.postcode, place.precision) == ("E1", "district")


def test_a_loaded_unit_beats_its_sector_which_beats_its_district():
    Postcode.objects.create(
        postcode="E16AN",
        kind="unit",
        latitude=51.52,
        longitude=-0.07,
        precision="unit centroid",
        source="test",
    )
    Postcode.objects.create(
        postcode="E1 6", kind="sector", latitude=51.521, longitude=-0.071, precision="mean", source="test"
    )
    assert postcodes.lookup("e16an") == postcodes.Place("E1 6AN", 51.52, -0.07, "postcode", "test")
    assert postcodes.lookup("E1 6AP") == postcodes.Place("E1 6", 51.521, -0.071, "sector", "test")
    assert postcodes.lookup("E1 7AA").precision == "district"


def test_a_sector_is_told_apart_from_the_district_with_the_same_characters():
    Postcode.objects.create(
        postcode="E1 6", kind="sector", latitude=51.5, longitude=-0.07, precision="m", source="t"
    )
    Postcode.objects.create(
        postcode="E16", kind="district", latitude=51.51, longitude=0.02, precision="m", source="t"
    )
    assert postcodes.lookup("E1 6").longitude == -0.07
    assert postcodes.lookup("E16").longitude == 0.02


def test_load_onspd_loads_live_located_units_and_their_sector_and_district_means(tmp_path):
    path = write_onspd(
        tmp_path,
        onspd_row("E1 6AN", 51.5200, -0.0700),
        onspd_row("E1 6AP", 51.5220, -0.0720),
        onspd_row("E1 7AA", 51.5150, -0.0650),
        onspd_row("E1 6ZZ", 51.5300, -0.0800, doterm="200512"),
        onspd_row("E1 6ZY", 99.999999, 0.000000),
    )
    call_command("load_onspd", str(path))
    assert postcodes.lookup("E1 6AN") == postcodes.Place(
        "E1 6AN", 51.52, -0.07, "postcode", "ONS Postcode Directory, ONSPD_SAMPLE_UK.csv"
    )
    assert postcodes.lookup("E1 6ZZ").precision == "sector"  # terminated: not loaded
    assert postcodes.lookup("E1 6ZY").precision == "sector"  # no location: not loaded
    sector = postcodes.lookup("E1 6")
    assert (sector.latitude, sector.longitude) == pytest.approx((51.521, -0.071))
    district = postcodes.lookup("E1")
    assert (district.latitude, district.longitude) == pytest.approx((51.519, -0.0690))


def test_load_onspd_is_idempotent_and_drops_units_terminated_since(tmp_path):
    live = write_onspd(tmp_path, onspd_row("E3 2AA", 51.53, -0.02), onspd_row("E3 2AB", 51.531, -0.021))
    call_command("load_onspd", str(live))
    call_command("load_onspd", str(live))
    assert Postcode.objects.filter(kind="unit").count() == 2
    later = write_onspd(
        tmp_path, onspd_row("E3 2AA", 51.53, -0.02), onspd_row("E3 2AB", 51.531, -0.021, doterm="202501")
    )
    call_command("load_onspd", str(later))
    assert list(Postcode.objects.filter(kind="unit").values_list("postcode", flat=True)) == ["E32AA"]


def test_load_onspd_keeps_only_the_areas_asked_for(tmp_path):
    path = write_onspd(
        tmp_path,
        onspd_row("E1W 1AA", 51.506, -0.06),
        onspd_row("EC3N 4AB", 51.508, -0.076),
        onspd_row("N1 9AA", 51.53, -0.12),
        onspd_row("E14 5AB", 51.505, -0.02),
    )
    call_command("load_onspd", str(path), "--area-prefix", "E", "--area-prefix", "n1")
    units = set(Postcode.objects.filter(kind="unit").values_list("postcode", flat=True))
    assert units == {"E1W1AA", "N19AA", "E145AB"}


def test_load_onspd_reads_upper_case_headers_and_a_byte_order_mark(tmp_path):
    path = write_onspd(tmp_path, onspd_row("E2 9AA", 51.53, -0.06), header="\ufeff" + ONSPD_HEADER.upper())
    call_command("load_onspd", str(path))
    assert postcodes.lookup("E2 9AA").precision == "postcode"


def test_load_onspd_rejects_a_file_without_the_columns_it_needs_and_changes_nothing(tmp_path):
    path = write_onspd(tmp_path, "E1 6AN,51.52,-0.07", header="postcode,latitude,longitude")
    with pytest.raises(CommandError, match=r"missing column\(s\) pcds, doterm, lat, long"):
        call_command("load_onspd", str(path))
    assert not Postcode.objects.exists()


def test_load_onspd_names_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match=r"nowhere\.csv"):
        call_command("load_onspd", str(tmp_path / "nowhere.csv"))


@pytest.mark.parametrize(
    ("start", "end", "metres"),
    [
        # One degree of latitude near London is 111.26 km; one of longitude on the equator 111.32 km (WGS84).
        ((51.0, -0.1), (52.0, -0.1), 111_257),
        ((0.0, 10.0), (0.0, 11.0), 111_320),
    ],
)
def test_distance_m_is_within_half_a_percent_of_the_true_distance(start, end, metres):
    assert postcodes.distance_m(*start, *end) == pytest.approx(metres, rel=0.005)


def test_distance_m_is_zero_for_the_same_point_and_symmetric():
    whitechapel, bow = (51.5194, -0.0612), (51.5269, -0.0247)
    assert postcodes.distance_m(*whitechapel, *whitechapel) == 0
    assert postcodes.distance_m(*whitechapel, *bow) == postcodes.distance_m(*bow, *whitechapel)


def test_every_shipped_centroid_lies_in_east_london():
    for place in postcodes.shipped_places().values():
        assert 51.48 < place.latitude < 51.55 and -0.09 < place.longitude < 0.0, place.postcode
        assert place.precision == "approximate"
