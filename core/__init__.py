"""Blauwe Map core: the inburgering dossier domain. Pure Python; never imports Qt or the GUI."""

__version__ = "0.1.0"
APP_NAME = "Blauwe Map"
APP_ID = "blauwemap"
# Reverse-DNS id of the desktop entry, AppStream metainfo and icons (resources/desktop/).
APP_DESKTOP_ID = "nl.blauwemap.BlauweMap"
