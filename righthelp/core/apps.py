from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "righthelp.core"
    label = "core"
