from tests.fixtures.vaults import template, vault

__all__ = ["template", "vault"]
