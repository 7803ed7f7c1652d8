<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Dutch for the strings of Qt 6 that PySide6's own qtbase_nl.qm lacks (it still has the Qt 5
     texts without the keyboard mnemonic). Build the .qm with:
     pyside6-lrelease resources/translations/qt_extra_nl.ts -qm resources/translations/qt_extra_nl.qm
     (tests/ui/test_dutch.py checks that the committed .qm is built from this file). -->
<TS version="2.1" language="nl_NL">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Bestands&amp;type:</translation>
    </message>
</context>
</TS>
