"""The parse cache's shards: saved atomically, found again by key, and no litter left behind."""

from __future__ import annotations

from tertulia.cache import Cache


def test_a_save_clears_what_a_killed_save_left_and_keeps_every_entry(tmp_path):
    folder = tmp_path / "parsed"
    cache = Cache(folder, "v1")
    keys = [f"{i:064x}" for i in range(600)]
    for key in keys:
        cache.put(key, key.encode())
    cache.save()
    (folder / "ab.pickle.4242.tmp").write_bytes(b"half a shard, from a run killed while writing it")
    (folder / "00.pickle.7.tmp").write_bytes(b"another")
    cache.put("f" * 64, b"new")
    cache.save(prune=False)  # as the preview saves: it adds, keeping what it did not look up
    assert sorted(path.name for path in folder.iterdir() if not path.name.endswith(".pickle")) == []
    again = Cache(folder, "v1")
    assert all(again.get(key) == key.encode() for key in keys) and again.get("f" * 64) == b"new"
    assert Cache(folder, "v2").get(keys[0]) is None  # another version of the code starts afresh
