"""Several nodes in OPENSEARCH_URL, and the shards/replicas of new versions: pure, no OpenSearch needed."""

from __future__ import annotations

import pytest

from common.settings import Settings, index_shape, split_urls
from indexing.client import make_client, where
from indexing.template import create_body, template_hash
from tests.conftest import SEEDS

NODES = "http://127.0.0.1:9240, http://127.0.0.1:9241,http://127.0.0.1:9242"


def test_several_urls_become_several_hosts():
    settings = Settings.from_env(url=NODES)
    assert settings.urls == ["http://127.0.0.1:9240", "http://127.0.0.1:9241", "http://127.0.0.1:9242"]
    client = make_client(settings)
    assert where(client) == "http://127.0.0.1:9240,http://127.0.0.1:9241,http://127.0.0.1:9242"
    assert client.transport.max_retries >= 3  # at least one retry per other node


def test_one_url_stays_one_host_and_no_retries_means_none():
    assert split_urls("http://127.0.0.1:9200") == ["http://127.0.0.1:9200"]
    assert make_client(Settings.from_env(url=NODES), max_retries=0).transport.max_retries == 0


def test_safe_url_strips_credentials_from_every_node():
    settings = Settings(url="https://u:s3cret@a:9200,https://u:s3cret@b:9200", password="s3cret")
    assert settings.safe_url == "https://a:9200,https://b:9200"
    assert "s3cret" not in repr(settings)


def test_replicas_default_follows_the_number_of_nodes(monkeypatch):
    monkeypatch.delenv("NEWSINDEX_SHARDS", raising=False)
    monkeypatch.delenv("NEWSINDEX_REPLICAS", raising=False)
    assert index_shape("http://127.0.0.1:9200") == (1, 0)
    assert index_shape(NODES) == (1, 1)
    monkeypatch.setenv("NEWSINDEX_REPLICAS", "0")
    monkeypatch.setenv("NEWSINDEX_SHARDS", "3")
    assert index_shape(NODES) == (3, 0)


@pytest.mark.parametrize(("name", "value"), [("NEWSINDEX_SHARDS", "0"), ("NEWSINDEX_REPLICAS", "-1"),
                                             ("NEWSINDEX_REPLICAS", "one")])
def test_a_wrong_shape_is_refused_by_name(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError, match=name):
        index_shape("http://127.0.0.1:9200")


def test_shape_reaches_the_create_body_but_not_the_template_hash(monkeypatch):
    before = template_hash()
    monkeypatch.setenv("OPENSEARCH_URL", NODES)
    monkeypatch.setenv("NEWSINDEX_SHARDS", "2")
    monkeypatch.delenv("NEWSINDEX_REPLICAS", raising=False)
    index = create_body()["settings"]["index"]
    assert (index["number_of_shards"], index["number_of_replicas"]) == (2, 1)
    assert index["refresh_interval"]  # the rest of the template's settings are kept
    assert template_hash() == before


def test_a_wrong_shape_is_one_line_from_the_cli(monkeypatch, capsys):
    from newsindex.cli import main

    monkeypatch.setenv("NEWSINDEX_SHARDS", "x")
    assert main(["process", str(SEEDS / "000_514dec7b5130cfe8.txt"), "--json"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "error: NEWSINDEX_SHARDS must be a whole number >= 1, not 'x'"
