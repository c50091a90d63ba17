"""Reading the map aloud, for people who read little: the system's own speech engine, in the
person's language where the system has a voice for it.

PySide6-Essentials has no QtTextToSpeech, so this talks to the engines desktops already have:
``espeak-ng`` (Linux; Debian package espeak-ng), ``spd-say`` (speech-dispatcher) and macOS's
``say``. Where none has a voice for the language (espeak-ng has none for Tigrinya or Somali), the
app says so calmly instead of speaking another language's sounds. Windows: untested here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache

# App language → espeak-ng voice. Dari reads with the Persian voice (the same script and most
# words); Tigrinya and Somali have no espeak-ng voice.
ESPEAK_VOICES = {
    "nl": "nl",
    "en": "en-gb",
    "ar": "ar",
    "fa": "fa",
    "fa_AF": "fa",
    "tr": "tr",
    "uk": "uk",
}
MAX_CHARS = 4000  # a page of the map; longer text is cut (it is read, not archived)


@dataclass(frozen=True)
class Voice:
    engine: str  # the program
    args: tuple[str, ...]  # before the text

    def command(self, text: str) -> list[str]:
        return [self.engine, *self.args, text[:MAX_CHARS]]


@cache
def _espeak_languages(program: str) -> frozenset[str]:
    try:
        out = subprocess.run(
            [program, "--voices"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.split()[1] for line in out.splitlines()[1:] if len(line.split()) > 1)


def voice_for(code: str) -> Voice | None:
    """A voice that speaks language ``code`` on this computer, or None."""
    espeak = ESPEAK_VOICES.get(code)
    for program in ("espeak-ng", "espeak"):
        path = shutil.which(program)
        if path and espeak and espeak in _espeak_languages(path):
            return Voice(path, ("-v", espeak))
    if sys.platform == "darwin" and shutil.which("say") and code in ("nl", "en", "ar", "tr", "uk"):
        return Voice("say", ())  # the system voice; macOS picks one for the text's language
    spd = shutil.which("spd-say")
    if spd and espeak:
        return Voice(spd, ("-l", code.split("_")[0]))
    return None


def speak(text: str, code: str) -> subprocess.Popen[bytes] | None:
    """Start reading ``text`` aloud (it plays while the app goes on); None when no voice."""
    voice = voice_for(code)
    if voice is None or not text.strip():
        return None
    try:
        return subprocess.Popen(
            voice.command(text), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    except OSError:
        return None


def render_wav(text: str, code: str) -> bytes | None:
    """The spoken text as WAV bytes (espeak-ng only): what ``speak`` would play."""
    voice = voice_for(code)
    if voice is None or "espeak" not in voice.engine:
        return None
    done = subprocess.run(
        [voice.engine, *voice.args, "--stdout", text[:MAX_CHARS]], capture_output=True, timeout=60
    )
    return done.stdout if done.returncode == 0 else None
