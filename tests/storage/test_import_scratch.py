"""The scratch store: most recent people in memory, the rest encrypted on disk, read back
in order from any thread, and gone when the check is."""

from __future__ import annotations

import gc
import threading
from datetime import date

import pytest

from peerdesk.domain.errors import VaultDamaged, VaultError
from peerdesk.domain.import_plans import PeerPlan
from peerdesk.storage.import_scratch import ScratchPlans


def fill(store: ScratchPlans, count: int) -> None:
    for n in range(count):
        plan = store.new(f"key {n}", n + 2)
        plan.values["preferred_name"] = (f"Secretname{n}", n + 2)
        plan.add_session(date(2024, 1, 1 + n % 28))


def test_small_sets_stay_in_memory(tmp_path):
    store = ScratchPlans(tmp_path, hot_limit=10)
    fill(store, 10)
    assert not store.spilled and not list(tmp_path.iterdir())
    assert [p.seq for p in store.in_order()] == list(range(10))


def test_big_sets_spill_encrypted_and_come_back_whole(tmp_path):
    store = ScratchPlans(tmp_path, hot_limit=8)
    fill(store, 50)
    # Change a person who went to disk a while ago: the change is kept.
    early = store.get("key 3")
    assert early is not None and early.values["preferred_name"] == ("Secretname3", 5)
    early.values["code_word"] = ("owl", 70)
    early.add_session(date(2025, 2, 2))
    assert store.get("key 99") is None
    assert store.spilled and store.file is not None
    assert b"Secretname" not in store.file.read_bytes()

    store.seal()  # by the thread that filled it; then another may read it back
    got: list[PeerPlan] = []
    reader = threading.Thread(target=lambda: got.extend(store.in_order()))
    reader.start()
    reader.join()
    assert [p.seq for p in got] == list(range(50))
    assert got[3].values["code_word"] == ("owl", 70) and got[3].sessions == 2
    assert got[3].last_session == date(2025, 2, 2)
    assert all(p.values["preferred_name"][0] == f"Secretname{p.seq}" for p in got)
    # Readable again (an import retried after the check), then let go of.
    assert len(list(store.in_order())) == 50 == len(store)
    path = store.file
    store.discard()
    assert store.discarded and not path.exists()


def test_a_dropped_store_deletes_its_file(tmp_path):
    store = ScratchPlans(tmp_path, hot_limit=2)
    fill(store, 5)
    path = store.file
    assert path is not None and path.exists()
    del store
    gc.collect()
    assert not path.exists()


def test_no_more_people_once_sealed(tmp_path):
    store = ScratchPlans(tmp_path, hot_limit=2)
    fill(store, 3)
    list(store.in_order())
    with pytest.raises(RuntimeError):
        fill(store, 3)


def test_a_folder_that_cant_hold_the_file_is_named_not_the_vault(tmp_path):
    store = ScratchPlans(tmp_path / "gone", hot_limit=2)
    with pytest.raises(VaultError, match="temporary file for checking this sheet") as caught:
        fill(store, 5)
    assert not isinstance(caught.value, VaultDamaged)


def test_a_damaged_scratch_file_is_named_not_the_vault(tmp_path):
    store = ScratchPlans(tmp_path, hot_limit=4)
    fill(store, 40)
    store.seal()
    assert store.file is not None
    data = bytearray(store.file.read_bytes())
    for offset in range(4096, len(data), 512):
        data[offset] ^= 0xFF
    store.file.write_bytes(bytes(data))
    with pytest.raises(VaultError, match="temporary file") as caught:
        list(store.in_order())
    assert "vault file is damaged" not in str(caught.value)
