/*
 * Taysir: skip liblouis's per-call debug hex dump.
 *
 * liblouis 3.24 (Debian bookworm) calls _lou_logWidecharBuf(LOU_LOG_ALL, "Inbuf=", ...)
 * at the start of every translation and again with "Outbuf=" at the end. That function
 * formats the whole buffer as hex text with one sprintf per character, and only then asks
 * the logger whether LOG_ALL messages are wanted (they are not unless someone lowers the
 * log level to ALL). For Arabic text that dead formatting is about 40 % of the
 * translation's instructions.
 *
 * This library defines the same symbol as an empty function. Loaded with RTLD_GLOBAL
 * before liblouis (transform/braille/_louis.py does it, before `import louis`), the
 * dynamic linker binds liblouis's internal call to this definition; translation itself
 * is untouched (tests/braille/test_louis_quiet.py compares the braille with and without).
 * Only the "Inbuf=" and "Outbuf=" hex dumps disappear from a LOG_ALL debug log: set
 * TAYSIR_LOUIS_QUIET=0 to get them back.
 *
 * It is built as an optional extension by pip (pyproject.toml); when no C compiler is
 * present the build skips it and liblouis runs as shipped. It is not a Python module and
 * is never imported, only loaded with ctypes.
 */

void _lou_logWidecharBuf(int level, const char *msg, const void *wbuf, int wlen);

void _lou_logWidecharBuf(int level, const char *msg, const void *wbuf, int wlen) {
	(void)level;
	(void)msg;
	(void)wbuf;
	(void)wlen;
}
