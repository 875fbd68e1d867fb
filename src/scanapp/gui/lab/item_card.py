"""The scanned item's card (L4, L8): what the inventory says of it and its tag, with Move here (one step to
the location scanned last), Move…, Split…, Set…, Archive and History. Move and Split wait for a scan: the
place it goes, or the new part's own label; a label of the other kind is refused with why."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from scanapp.domain import lab as lab_rules
from scanapp.domain.catalog import InventoryItem, InventoryStatus
from scanapp.domain.errors import InvalidTransition
from scanapp.domain.lab import Location, Tag
from scanapp.gui.models.lab_colours import TAG_COLOURS, tag_name
from scanapp.gui.widgets.dialog_parts import error_label
from scanapp.gui.widgets.error_text import error_text
from scanapp.gui.widgets.formatting import amount, inventory_status_name

Expecting = Literal["location", "label"] | None


def quantity(text: str) -> float:
    """A typed quantity; a clear refusal for anything that is not a number."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        why = QCoreApplication.translate("ItemCard", "{text} is not a quantity: type a number, e.g. 2.5.")
        empty = QCoreApplication.translate("ItemCard", "Nothing")
        raise InvalidTransition(why.format(text=text.strip() or empty)) from None
    if value != value:  # NaN
        raise InvalidTransition(QCoreApplication.translate("ItemCard", "Type a number, e.g. 2.5."))
    return value


class ItemCard(QWidget):
    move_here_requested = Signal()
    move_requested = Signal(str)
    split_requested = Signal(float, str)
    set_requested = Signal(float)
    archive_requested = Signal()
    history_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: InventoryItem | None = None
        self.here: Location | None = None
        self.title = QLabel(self.tr("Scan an item to see it here."))
        self.title.setProperty("role", "subtitle")
        self.title.setWordWrap(True)
        self.tag_chip = QLabel()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.move_here_button = QPushButton(self.tr("Move &here"))
        self.move_here_button.setProperty("variant", "primary")
        self.move_button = QPushButton(self.tr("&Move…"))
        self.split_button = QPushButton(self.tr("Spli&t…"))
        self.set_button = QPushButton(self.tr("S&et…"))
        self.archive_button = QPushButton(self.tr("Archi&ve"))
        self.history_button = QPushButton(self.tr("Histor&y"))
        self.move_here_button.clicked.connect(self.move_here_requested)
        self.move_button.clicked.connect(self.open_move)
        self.split_button.clicked.connect(self.open_split)
        self.set_button.clicked.connect(self.open_set)
        self.archive_button.clicked.connect(self.archive_requested)
        self.history_button.clicked.connect(self.history_requested)
        buttons = QGridLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.move_here_button, 0, 0, 1, 3)
        for n, button in enumerate((self.move_button, self.split_button, self.set_button)):
            buttons.addWidget(button, 1, n)
        buttons.addWidget(self.archive_button, 2, 0)
        buttons.addWidget(self.history_button, 2, 1)
        self.error = error_label()
        self.forms = QStackedWidget()
        self.forms.addWidget(QWidget())
        self.move_form, self.move_place = self._move_form()
        self.split_form, self.split_qty, self.split_label = self._split_form()
        self.set_form, self.set_qty = self._set_form()
        for form in (self.move_form, self.split_form, self.set_form):
            self.forms.addWidget(form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.tag_chip)
        layout.addLayout(head)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addWidget(self.forms)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.show_item(None, None)

    # -- forms -------------------------------------------------------------------------------------------------

    def _form(self, *widgets: QWidget, confirm: QPushButton) -> QWidget:
        form = QWidget()
        row = QHBoxLayout(form)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget, 1 if isinstance(widget, (QLineEdit, QComboBox)) else 0)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.close_form)
        confirm.setProperty("variant", "primary")
        row.addWidget(confirm)
        row.addWidget(cancel)
        return form

    def _move_form(self) -> tuple[QWidget, QComboBox]:
        place = QComboBox()
        place.setEditable(True)
        place.setAccessibleName(self.tr("Where the item goes"))
        go = QPushButton(self.tr("Move"))
        go.clicked.connect(lambda: self.move_requested.emit(place.currentText().strip()))
        return self._form(QLabel(self.tr("To (scan or pick):")), place, confirm=go), place

    def _split_form(self) -> tuple[QWidget, QLineEdit, QLineEdit]:
        qty = QLineEdit()
        qty.setPlaceholderText(self.tr("Quantity"))
        label = QLineEdit()
        label.setPlaceholderText(self.tr("New label: scan it"))
        go = QPushButton(self.tr("Split"))
        go.clicked.connect(self._split)
        return self._form(qty, label, confirm=go), qty, label

    def _set_form(self) -> tuple[QWidget, QLineEdit]:
        qty = QLineEdit()
        qty.setPlaceholderText(self.tr("New quantity"))
        go = QPushButton(self.tr("Set"))
        go.clicked.connect(self._set)
        qty.returnPressed.connect(self._set)
        return self._form(QLabel(self.tr("Quantity:")), qty, confirm=go), qty

    @Slot()
    def open_move(self) -> None:
        self._open_form(self.move_form, self.move_place)

    @Slot()
    def open_split(self) -> None:
        self._open_form(self.split_form, self.split_qty)

    @Slot()
    def open_set(self) -> None:
        self._open_form(self.set_form, self.set_qty)

    def _open_form(self, form: QWidget, focus: QWidget) -> None:
        self.error.hide()
        for field in (self.split_qty, self.split_label, self.set_qty):
            field.clear()
        self.forms.setCurrentWidget(form)
        self.forms.show()
        focus.setFocus()

    @Slot()
    def close_form(self) -> None:
        self.forms.setCurrentIndex(0)
        self.forms.hide()
        self.error.hide()

    @Slot()
    def _split(self) -> None:
        try:
            self.split_requested.emit(quantity(self.split_qty.text()), self.split_label.text().strip())
        except InvalidTransition as err:
            self.say(error_text(err))

    @Slot()
    def _set(self) -> None:
        try:
            self.set_requested.emit(quantity(self.set_qty.text()))
        except InvalidTransition as err:
            self.say(error_text(err))

    def say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    @property
    def expecting(self) -> Expecting:
        """What a scan fills in now: the place the item goes (Move…), the new part's label (Split…), or nothing."""
        if self.forms.currentWidget() is self.move_form:
            return "location"
        if self.forms.currentWidget() is self.split_form:
            return "label"
        return None

    def take_code(self, code: str) -> str | None:
        """A scan while a form waits for one: filled in, or why it does not fit (None: taken)."""
        assert self.item is not None
        if self.expecting == "location":
            try:
                place = lab_rules.parse_location(code)
            except InvalidTransition as err:
                return error_text(err)
            if place is None:
                return self.tr(
                    "{code} is an item label, not a location: scan the label of the place {item} goes, pick it, "
                    "or Cancel."
                ).format(code=code, item=self.item.barcode)
            self.move_place.setEditText(place.name)
            self.move_requested.emit(place.name)
            return None
        try:
            lab_rules.ensure_item_code(code)
        except InvalidTransition as err:
            return error_text(err)
        self.split_label.setText(code)
        return None

    # -- showing -----------------------------------------------------------------------------------------------

    def show_item(self, item: InventoryItem | None, tag: Tag | None, places: list[str] | None = None) -> None:
        same = item is not None and self.item is not None and item.barcode == self.item.barcode
        self.item = item
        if not same:
            self.close_form()
        for button in (self.move_button, self.split_button, self.set_button, self.archive_button, self.history_button):
            button.setEnabled(item is not None)
        if item is None:
            self.title.setText(self.tr("Scan an item to see it here."))
            self.details.clear()
            self.tag_chip.clear()
            self.move_here_button.hide()
            return
        self.title.setText(self.tr("{barcode} · {ingredient}").format(barcode=item.barcode, ingredient=item.ingredient))
        self.details.setText(
            self.tr("{lab} · {location} · {quantity} {unit} · {status}").format(
                lab=item.lab,
                location=item.location,
                quantity=amount(item.quantity),
                unit=item.unit,
                status=inventory_status_name(item.status),
            )
        )
        if tag is None:
            self.tag_chip.clear()
        else:
            colour = TAG_COLOURS[tag].name()
            self.tag_chip.setText(tag_name(tag))
            sheet = f"background: {colour}; color: white; padding: 2px 8px; border-radius: 8px;"
            if self.tag_chip.styleSheet() != sheet:  # a new style sheet polishes the chip again: only on a change
                self.tag_chip.setStyleSheet(sheet)
        live = item.status != InventoryStatus.ARCHIVED
        for button in (self.move_button, self.split_button, self.set_button, self.archive_button):
            button.setEnabled(live)
        if places is not None:
            current = self.move_place.currentText()
            choices = [p for p in places if p != item.location]
            if choices != [self.move_place.itemText(i) for i in range(self.move_place.count())]:
                self.move_place.clear()
                self.move_place.addItems(choices)
            self.move_place.setEditText(current if same else "")
        self.show_here(self.here)

    def show_here(self, here: Location | None) -> None:
        self.here = here
        item = self.item
        can = (
            item is not None
            and here is not None
            and item.lab == here.lab
            and item.location != here.name
            and item.status != InventoryStatus.ARCHIVED
        )
        self.move_here_button.setVisible(can)
        if can and here is not None:
            self.move_here_button.setText(self.tr("Move &here ({place})").format(place=here.name))
