"""Page 5: the client's circumstances and what they prefer in a service.

Every answer may be skipped (unknown). The distance starts at the clinic's default (the
clinic settings, else 40 km), as a counselor would fill it in.
"""

from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QVBoxLayout,
    QWidget,
)

from intake.gui.i18n import fill
from intake.gui.wizard import labels
from intake.gui.wizard.page_base import IntakePage
from intake.gui.wizard.widgets import ChoiceBox, TriState


class CircumstancesPage(IntakePage):
    OWNS = ("circumstances", "preferences")

    def step(self) -> str:
        return self.tr("Circumstances")

    def build(self) -> None:
        self.setTitle(self.tr("Circumstances and preferences"))
        self.setSubTitle(
            self.tr("These help find services that fit the client's life. Skip any of them.")
        )
        self.flags: dict[str, TriState] = {}
        life = QGroupBox(self.tr("The client's life now"))
        form = self.form()
        life.setLayout(form)
        self._flag(form, "circumstances.pregnant", self.tr("&Pregnant"), self.tr("Pregnant"))
        self._flag(
            form,
            "circumstances.postpartum",
            self.tr("Had a baby in the last &year"),
            self.tr("Postpartum"),
        )
        self._flag(
            form, "circumstances.parenting", self.tr("Cares for chil&dren"), self.tr("Parenting")
        )
        self.housing = ChoiceBox(labels.housing(), self.tr("Not asked"))
        self.add_field(form, self.tr("&Housing"), self.housing, "circumstances.housing")
        self.housing.chosen.connect(lambda code: self.write("circumstances.housing", code))

        self.insurance: dict[str, QCheckBox] = {}
        boxes = QWidget()
        grid = QGridLayout(boxes)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, (code, label) in enumerate(labels.insurance()):
            box = QCheckBox(label)
            box.setAccessibleName(fill(self.tr("Coverage: %1"), label))
            box.toggled.connect(self._insurance_changed)
            grid.addWidget(box, number // 3, number % 3)
            self.insurance[code] = box
        boxes.setFocusProxy(next(iter(self.insurance.values())))
        self.add_field(
            form,
            self.tr("&Coverage"),
            boxes,
            "circumstances.insurance",
            accessible_name=self.tr("Coverage"),
        )
        self._flag(
            form,
            "circumstances.veteran",
            self.tr("&Veteran"),
            self.tr("Veteran"),
        )
        self._flag(
            form,
            "circumstances.justice_involved",
            self.tr("&Justice involvement"),
            self.tr("Justice involvement"),
        )
        self._flag(
            form,
            "circumstances.mental_health_concerns",
            self.tr("Has &mental health concerns"),
            self.tr("Mental health concerns"),
        )
        self._flag(
            form,
            "circumstances.needs_transportation",
            self.tr("Needs &transport"),
            self.tr("Needs transportation"),
        )

        wishes = QGroupBox(self.tr("What the client prefers"))
        prefs = self.form()
        wishes.setLayout(prefs)
        self.medication = ChoiceBox(labels.medication(), self.tr("Not asked"))
        self.add_field(
            prefs,
            self.tr("M&edication"),
            self.medication,
            "preferences.medication",
        )
        self.medication.chosen.connect(lambda code: self.write("preferences.medication", code))
        self.faith = ChoiceBox(labels.faith(), self.tr("Not asked"))
        self.add_field(
            prefs, self.tr("Fa&ith-based programs"), self.faith, "preferences.faith_based"
        )
        self.faith.chosen.connect(lambda code: self.write("preferences.faith_based", code))
        self.format = ChoiceBox(labels.formats(), self.tr("Not asked"))
        self.add_field(prefs, self.tr("In person or &online"), self.format, "preferences.format")
        self.format.chosen.connect(lambda code: self.write("preferences.format", code))
        self._flag(
            prefs,
            "preferences.gender_specific",
            self.tr("Program for own &gender"),
            self.tr("Gender-specific program"),
        )
        self.distance = QDoubleSpinBox()
        self.distance.setDecimals(0)
        self.distance.setRange(0, 1000)
        self.distance.setSpecialValueText(self.tr("No limit given"))
        self.distance.setSuffix(self.tr(" km"))
        self.add_field(
            prefs,
            self.tr("How &far (at most)"),
            self.distance,
            "preferences.max_distance_km",
            accessible_name=self.tr("Maximum distance in kilometres"),
        )
        self.distance.valueChanged.connect(self._distance_changed)

        layout = QVBoxLayout(self.body)
        layout.addWidget(life)
        layout.addWidget(wishes)
        layout.addStretch(1)

    def _flag(self, form: QFormLayout, path: str, text: str, short: str) -> None:
        widget = TriState(short)
        self.add_field(form, text, widget, path, accessible_name=short)
        widget.changed.connect(lambda value, declined: self._flag_changed(path, value, declined))
        self.flags[path] = widget

    def load(self) -> None:
        draft = self.draft
        for path, widget in self.flags.items():
            widget.set_state(draft.get(path), draft.declined(path))
        self.housing.set_value(draft.get("circumstances.housing"))
        covered = draft.get("circumstances.insurance") or []
        for code, box in self.insurance.items():
            box.setChecked(code in covered)
        self.medication.set_value(draft.get("preferences.medication"))
        self.faith.set_value(draft.get("preferences.faith_based"))
        self.format.set_value(draft.get("preferences.format"))
        distance = draft.get("preferences.max_distance_km")
        if distance is None and not draft.extra("distance_cleared"):
            distance = self.context.default_distance_km
            # The default goes into the answers as if typed: the plan is matched with it.
            self.draft.set("preferences.max_distance_km", float(distance))
        self.distance.setValue(float(distance or 0))

    def _flag_changed(self, path: str, value: bool | None, declined: bool) -> None:
        self.write_declined(path, declined)
        self.write(path, value)

    def _insurance_changed(self) -> None:
        chosen = [code for code, box in self.insurance.items() if box.isChecked()]
        self.write("circumstances.insurance", chosen)

    def _distance_changed(self, value: float) -> None:
        self.write_extra("distance_cleared", True if value <= 0 else None)
        self.write("preferences.max_distance_km", float(value) if value > 0 else None)
