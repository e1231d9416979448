"""A long-lived espeak-ng worker process (standard library only; run as a script, not imported).

The parent (``EspeakEngine``) starts ``python -S -E espeak_worker.py`` and sends
one JSON request per line: ``{"v": voice, "r": rate wpm, "t": text}``. For each
request the worker answers ``b"OK"`` + 4-byte little-endian length + a WAV file
(16-bit mono at espeak's rate), or ``b"ER"`` + length + a UTF-8 message.

It calls libespeak-ng directly (ctypes, synchronous mode), so the voice and its
dictionary are loaded once per worker instead of once per sentence; the
parent enforces the timeout and kills a worker that does not answer in time.
The worker stops when its stdin closes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import struct
import sys

AUDIO_OUTPUT_SYNCHRONOUS = 2
ESPEAK_RATE = 1
POS_CHARACTER = 1
CHARS_UTF8 = 1


class VoiceSpec(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("languages", ctypes.c_char_p),
        ("identifier", ctypes.c_char_p),
        ("gender", ctypes.c_ubyte),
        ("age", ctypes.c_ubyte),
        ("variant", ctypes.c_ubyte),
        ("xx1", ctypes.c_ubyte),
        ("score", ctypes.c_int),
        ("spare", ctypes.c_void_p),
    ]


CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


def _reply(out: object, tag: bytes, payload: bytes) -> None:
    out.write(tag + struct.pack("<I", len(payload)) + payload)  # type: ignore[attr-defined]
    out.flush()  # type: ignore[attr-defined]


def _wav(pcm: bytes, rate: int) -> bytes:
    head = b"RIFF" + struct.pack("<I", 36 + len(pcm)) + b"WAVE"
    head += b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
    return head + b"data" + struct.pack("<I", len(pcm)) + pcm


def main() -> int:
    out = sys.stdout.buffer
    name = ctypes.util.find_library("espeak-ng") or "libespeak-ng.so.1"
    try:
        lib = ctypes.CDLL(name)
    except OSError as exc:
        _reply(out, b"ER", f"cannot load libespeak-ng: {exc}".encode())
        return 1
    lib.espeak_Synth.argtypes = [
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.c_uint,
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_uint,
        ctypes.c_void_p,
        ctypes.c_void_p,
    ]
    lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, None, 0)
    if rate <= 0:
        _reply(out, b"ER", b"espeak_Initialize failed (is espeak-ng-data installed?)")
        return 1
    chunks: list[bytes] = []

    def collect(wav: ctypes._Pointer[ctypes.c_short], n: int, _events: int | None) -> int:
        if n > 0 and wav:
            chunks.append(ctypes.string_at(wav, n * 2))
        return 0

    callback = CALLBACK(collect)
    lib.espeak_SetSynthCallback(callback)
    voice = None
    for line in sys.stdin.buffer:
        try:
            req = json.loads(line)
            if req["v"] != voice:
                name = req["v"].encode()
                # a voice file name ("fr", "ar") first, then a language tag ("fr-fr"), as the espeak-ng command does
                if (
                    lib.espeak_SetVoiceByName(name) != 0
                    and lib.espeak_SetVoiceByProperties(ctypes.byref(VoiceSpec(languages=name))) != 0
                ):
                    _reply(out, b"ER", f"espeak-ng has no voice {req['v']!r}".encode())
                    continue
                voice = req["v"]
            lib.espeak_SetParameter(ESPEAK_RATE, int(req["r"]), 0)
            text = req["t"].encode("utf-8") + b"\0"
            chunks.clear()
            err = lib.espeak_Synth(text, len(text), 0, POS_CHARACTER, 0, CHARS_UTF8, None, None)
            if err != 0:
                _reply(out, b"ER", f"espeak_Synth error {err}".encode())
                continue
            _reply(out, b"OK", _wav(b"".join(chunks), rate))
        except (ValueError, KeyError, TypeError) as exc:
            _reply(out, b"ER", f"bad request: {exc}".encode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
