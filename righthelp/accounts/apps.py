from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "righthelp.accounts"
    label = "accounts"
