"""Synthetic services for the navigator's tests: every name says "(synthetic)"; no real facts."""

from righthelp.directory.models import Language
from tests.accounts.factories import make_organisation
from tests.directory.listing_factories import link, make_service, make_term

TERM_NAMES = {
    ("need", "low-mood"): "Low mood",
    ("need", "sleep"): "Sleep",
    ("need", "crisis"): "Mental health crisis",
    ("need", "housing"): "Housing and homelessness",
    ("referral-route", "self-referral"): "Self-referral",
    ("referral-route", "walk-in"): "Walk in",
    ("referral-route", "gp-referral"): "Through your GP",
    ("eligibility", "adults"): "Adults",
    ("eligibility", "carers"): "Carers",
    ("eligibility", "tower-hamlets-residents"): "Tower Hamlets residents",
    ("language", "bn"): "Bengali",
    ("crisis", "crisis-service"): "Crisis service",
}


def term(taxonomy, slug):
    return make_term(taxonomy, slug, TERM_NAMES[(taxonomy, slug)])


def synthetic_service(name, *terms, **fields):
    """A service carrying the terms, each given as "taxonomy:slug"."""
    service = make_service(
        make_organisation(f"{name} Trust (synthetic)"), name=f"{name} (synthetic)", **fields
    )
    link(service, *(term(*spec.split(":")) for spec in terms))
    return service


def offer_language(service, code):
    return Language.objects.create(service=service, code=code, name=code)
