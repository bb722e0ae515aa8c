from django.apps import AppConfig
from django.db.backends.signals import connection_created

# SQLite reads the database through memory-mapped pages instead of copying each page it reads: ranking a
# search reads a page of the index for every match (ADR 0005). 1 GiB of address space, not of memory.
SQLITE_MMAP_BYTES = 1 << 30


def _map_sqlite_into_memory(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")


class DirectoryConfig(AppConfig):
    name = "righthelp.directory"
    label = "directory"

    def ready(self):
        connection_created.connect(_map_sqlite_into_memory, dispatch_uid="directory.sqlite_mmap")
