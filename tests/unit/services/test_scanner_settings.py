"""Scanner settings on a real SQLite store: saved per device, the active one, and whatever junk is in the
settings table loads as defaults instead of stopping the app."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from scanapp.bootstrap import App
from scanapp.errors import KnownError
from scanapp.scanners.settings import ScannerSettings
from scanapp.services.scanner_settings import ScannerSettingsService
from scanapp.store import schema as t
from scanapp.store.settings import StoredSettings
from scanapp.store.uow import SqlUnitOfWork

SERIAL = ScannerSettings(kind="serial", device="/dev/ttyUSB0", baud=115200, terminator="CRLF", strip_prefix="#")
EVDEV = ScannerSettings(kind="evdev", device="/dev/input/by-id/usb-scanner-event-kbd", key_gap_ms=25)


@pytest.fixture
def service(store) -> ScannerSettingsService:
    return ScannerSettingsService(StoredSettings(store), lambda: SqlUnitOfWork(store))


def put_raw(store, key: str, value: str) -> None:
    """A value as something else left it in the table: not necessarily JSON, not necessarily ours."""
    with store.write() as conn:
        conn.execute(t.settings.delete().where(t.settings.c.key == key))
        conn.execute(t.settings.insert().values(key=key, value=value))


def test_nothing_saved_is_the_keyboard_wedge_with_defaults(service):
    assert service.active_device() == "wedge"
    assert service.load() == ScannerSettings()
    assert service.load("serial:/dev/ttyS9") == ScannerSettings()


def test_saved_settings_come_back_whole_and_their_device_becomes_active(service, store):
    service.save(SERIAL)
    assert service.active_device() == "serial:/dev/ttyUSB0"
    assert service.load() == SERIAL
    assert service.load("serial:/dev/ttyUSB0") == SERIAL
    # Another service on the same store (the next start of the app) reads the same.
    again = ScannerSettingsService(StoredSettings(store), lambda: SqlUnitOfWork(store))
    assert again.load() == SERIAL


def test_each_device_keeps_its_own_settings_and_make_active_false_leaves_the_active_one(service):
    service.save(SERIAL)
    service.save(EVDEV, make_active=False)
    assert service.load() == SERIAL
    assert service.load(EVDEV.device_key) == EVDEV
    service.save(EVDEV)
    assert service.load() == EVDEV
    assert service.load(SERIAL.device_key) == SERIAL
    service.save(ScannerSettings(key_gap_ms=70))
    assert service.active_device() == "wedge" and service.load().key_gap_ms == 70
    assert service.load(EVDEV.device_key) == EVDEV


@pytest.mark.parametrize(
    "raw",
    ['{"baud": 9600', "not json at all", "[1, 2, 3]", '"wedge"', "null", "42"],
    ids=["cut-off", "text", "list", "string", "null", "number"],
)
def test_a_record_that_is_not_settings_loads_as_the_defaults(service, store, raw):
    service.save(SERIAL)
    put_raw(store, "scanner.serial:/dev/ttyUSB0", raw)
    assert service.load() == ScannerSettings()


def test_wrong_types_and_unknown_choices_fall_back_field_by_field(service, store):
    put_raw(
        store,
        "scanner.wedge",
        '{"key_gap_ms": "fast", "aim": "laser", "min_length": -3, "end_on_tab": 1, '
        '"strip_suffix": "!", "double_read_ms": 250, "from_a_newer_version": true}',
    )
    loaded = service.load()
    defaults = ScannerSettings()
    assert (loaded.key_gap_ms, loaded.aim, loaded.min_length, loaded.end_on_tab) == (
        defaults.key_gap_ms,
        defaults.aim,
        defaults.min_length,
        defaults.end_on_tab,
    )
    assert (loaded.strip_suffix, loaded.double_read_ms) == ("!", 250)


@pytest.mark.parametrize("raw", ["{oops", "17", '""', '{"kind": "serial"}'])
def test_an_unreadable_active_device_means_the_wedge(service, store, raw):
    service.save(ScannerSettings(key_gap_ms=55), make_active=False)
    service.save(SERIAL, make_active=False)
    put_raw(store, "scanner.active", raw)
    assert service.active_device() == "wedge"
    assert service.load().key_gap_ms == 55


def test_the_app_builds_the_service_on_its_store_and_takes_a_device_source_factory(tmp_path):
    made: list[tuple[ScannerSettings, QObject | None]] = []

    def fake(settings: ScannerSettings, parent: QObject | None) -> QObject:
        made.append((settings, parent))
        return QObject(parent)

    app = App(data_dir=tmp_path / "data", device_sources=fake)
    try:
        assert app.scanner_settings is app.scanner_settings
        app.scanner_settings.save(SERIAL)
        assert ScannerSettingsService(StoredSettings(app.store), app.uow).load() == SERIAL
        app.device_sources(SERIAL, None)
        assert made == [(SERIAL, None)]
    finally:
        app.close()


def test_the_default_factory_is_the_real_one(tmp_path):
    app = App(data_dir=tmp_path / "data")
    with pytest.raises(KnownError, match="Choose the scanner's device first"):
        app.device_sources(ScannerSettings(kind="serial"), None)
    with pytest.raises(KnownError, match="keyboard wedge"):
        app.device_sources(ScannerSettings(kind="wedge", device="x"), None)
