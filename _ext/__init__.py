"""The book's own Sphinx extensions, loaded by ``_config.yml`` (``sphinx: local_extensions``)."""
