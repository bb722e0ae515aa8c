"""The Jinja2 environment: our templates first, then the NHS.UK frontend macros."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from jinja2 import ChainableUndefined, ChoiceLoader, Environment, PackageLoader


def url(name, *args, **kwargs):
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options):
    options["loader"] = ChoiceLoader([options["loader"], PackageLoader("nhsuk_frontend_jinja")])
    # The NHS.UK macros read nested params that may be absent.
    options["undefined"] = ChainableUndefined
    options.setdefault("extensions", []).append("jinja2.ext.i18n")
    env = Environment(**options)
    env.install_gettext_translations(translation, newstyle=True)
    env.globals.update({"static": static, "url": url, "settings": settings})
    from righthelp.core import template_helpers

    env.globals.update(template_helpers.GLOBALS)
    env.filters.update(template_helpers.FILTERS)
    return env
