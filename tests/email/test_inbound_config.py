"""``platforms.email.inbound``: the listener's keys read from the file, with
their defaults, and bad values named with their path and line."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest

from config.load import ConfigError, load_config
from tests.facebook.test_facebook_config import write


def test_the_inbound_keys_are_read(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            """\
              email:
                host: smtp.example.police.uk
                from_address: alerts@forum.example.police.uk
                inbound:
                  address: Ask@Forum.Example.Police.UK
                  listen_host: 10.0.0.5
                  listen_port: 2526
                  max_bytes: 5000000
                  relays: [10.0.0.25, "10.1.0.0/16"]
            """,
        )
    )
    inbound = config.platforms.email.inbound
    assert inbound.address == "ask@forum.example.police.uk"
    assert (inbound.listen_host, inbound.listen_port, inbound.max_bytes) == (
        "10.0.0.5",
        2526,
        5_000_000,
    )
    assert inbound.relays == (
        ipaddress.ip_network("10.0.0.25/32"),
        ipaddress.ip_network("10.1.0.0/16"),
    )


def test_the_defaults(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path, "  email:\n    host: smtp.example.police.uk\n    from_address: a@b.example\n"
        )
    )
    inbound = config.platforms.email.inbound
    assert (inbound.max_bytes, inbound.relays) == (10 * 1024 * 1024, ())


def test_bad_inbound_values_are_problems_with_path_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
          email:
            host: smtp.example.police.uk
            from_address: alerts@forum.example.police.uk
            inbound:
              max_bytes: 0
              relays: [the relay]
        """,
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    found = "\n".join(caught.value.problems)
    assert "platforms.email.inbound.max_bytes:" in found
    assert (
        "platforms.email.inbound.relays[0]: 'the relay' is not an IP address or network; "
        "e.g. 10.0.0.25 or 10.0.0.0/24 (line 8)"
    ) in found
