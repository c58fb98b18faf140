"""Platform adapters: translate platform objects to and from the core's."""
