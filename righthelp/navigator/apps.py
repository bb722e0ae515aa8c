from django.apps import AppConfig


class NavigatorConfig(AppConfig):
    name = "righthelp.navigator"
    label = "navigator"
    verbose_name = "Find help navigator"
