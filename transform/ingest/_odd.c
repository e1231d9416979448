/*
 * Taysir: the odd-token screen of transform/ocr/odd_tokens.py in one walk over a text (optional).
 *
 * screen(text) -> bool answers, for one sentence's text, whether any of odd_tokens' patterns can find an odd
 * token in it, with the same answer as the module's Python screen (odd_tokens._screen_py):
 *
 *   - two scripts in one token: an Arabic letter (U+0621-U+064A) and a Latin one (A-Z, a-z, U+00C0-U+00FF)
 *     in one run of non-space characters (_TWO_SCRIPTS);
 *   - Latin letters no French word holds: 26 Latin letters in a row, or a Latin letter beside one of
 *     U+00E4 U+00E3 U+00E5 U+00F5 (_NOT_FRENCH);
 *   - two Arabic words glued at an article: eight Arabic letters in a row whose fourth and fifth are
 *     U+0627 U+0644 or U+0644 U+0644 and whose third is not U+0644 (_GLUE);
 *   - a stray mark: a run of marks that join nothing ([^\w\s] outside the joining marks) with a letter
 *     ([^\W\d_]) on each side (_stray_in).
 *
 * The character classes are re's own for str patterns: \w is Py_UNICODE_ISALNUM or '_', \d is
 * Py_UNICODE_ISDECIMAL, \s is Py_UNICODE_ISSPACE. The Python patterns run only on the texts it lets
 * through; tests/ocr/test_odd_screen.py compares the two answers.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define ALIF 0x0627
#define LAM 0x0644

static inline int is_arabic(Py_UCS4 c) { return c >= 0x0621 && c <= 0x064A; }

static inline int is_latin(Py_UCS4 c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xFF); }

static inline int is_rare(Py_UCS4 c) { return c == 0xE4 || c == 0xE3 || c == 0xE5 || c == 0xF5; }

/* odd_tokens._JOINING: marks that join the letters beside them */
static int is_joining(Py_UCS4 c) {
	if (c < 0x80) {
		switch (c) {
		case '-': case '\'': case '.': case '/': case ',': case ':': case ';': case '(': case ')':
		case '[': case ']': case '+': case '=': case '&': case '@': case '"':
			return 1;
		default:
			return 0;
		}
	}
	return (c >= 0x2010 && c <= 0x2015) || c == 0x2019 || c == 0xAB || c == 0xBB || c == 0x201C || c == 0x201D
	       || c == 0x201E || c == 0x2039 || c == 0x203A || c == 0xAD || c == 0xB7 || (c >= 0x200B && c <= 0x200F)
	       || c == 0x060C || c == 0x061B || (c >= 0x0610 && c <= 0x061A) || c == 0x0640 || (c >= 0x064B && c <= 0x065F)
	       || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED);
}

static inline int is_word(Py_UCS4 c) { return c == '_' || Py_UNICODE_ISALNUM(c); }

/* [^\W\d_] */
static inline int is_letter(Py_UCS4 c) { return c != '_' && Py_UNICODE_ISALNUM(c) && !Py_UNICODE_ISDECIMAL(c); }

/* [^\w\s<joining>] */
static inline int is_mark(Py_UCS4 c) { return !is_word(c) && !Py_UNICODE_ISSPACE(c) && !is_joining(c); }

enum { F_LATIN = 1, F_SPACE = 2, F_MARK = 4, F_LETTER = 8 };

static unsigned char ascii_flags[128];  /* the classes of the ASCII characters, filled once from the tests below */

static void fill_ascii_flags(void) {
	for (Py_UCS4 c = 0; c < 128; c++)
		ascii_flags[c] = (unsigned char)((is_latin(c) ? F_LATIN : 0) | (Py_UNICODE_ISSPACE(c) ? F_SPACE : 0)
		                                 | (is_mark(c) ? F_MARK : 0) | (is_letter(c) ? F_LETTER : 0));
}

static inline int flags_of(Py_UCS4 c) {
	if (c < 128)
		return ascii_flags[c];
	if (is_arabic(c))
		return F_LETTER;  /* U+0621-U+064A: letters (tatweel too) */
	return (is_latin(c) ? F_LATIN : 0) | (Py_UNICODE_ISSPACE(c) ? F_SPACE : 0) | (is_mark(c) ? F_MARK : 0)
	       | (is_letter(c) ? F_LETTER : 0);
}

static int screen_text(int kind, const void *data, Py_ssize_t n) {
	int tok_ar = 0, tok_lat = 0;  /* the current token holds an Arabic / a Latin letter */
	int prev_latin = 0, prev_rare = 0;
	Py_ssize_t latin_run = 0, arabic_run = 0;
	int in_marks = 0, letter_before = 0;  /* inside a run of marks; the character before it a letter */
	int prev_letter = 0;
	for (Py_ssize_t i = 0; i < n; i++) {
		Py_UCS4 c = PyUnicode_READ(kind, data, i);
		int ar = is_arabic(c);
		int f = flags_of(c);
		int lat = f & F_LATIN;
		if (lat) {
			int rare = is_rare(c);
			if (++latin_run >= 26)
				return 1;
			if (rare ? prev_latin : prev_rare)
				return 1;
			prev_rare = rare;
		} else {
			latin_run = 0;
			prev_rare = 0;
		}
		prev_latin = lat != 0;
		if (ar) {
			if (++arabic_run >= 8) {
				Py_UCS4 c3 = PyUnicode_READ(kind, data, i - 4), c4 = PyUnicode_READ(kind, data, i - 3);
				if ((c3 == ALIF || c3 == LAM) && c4 == LAM && PyUnicode_READ(kind, data, i - 5) != LAM)
					return 1;
			}
			tok_ar = 1;
			if (tok_lat)
				return 1;
		} else {
			arabic_run = 0;
			if (lat) {
				tok_lat = 1;
				if (tok_ar)
					return 1;
			} else if (f & F_SPACE) {
				tok_ar = tok_lat = 0;
			}
		}
		if (f & F_MARK) {
			if (!in_marks) {
				in_marks = 1;
				letter_before = prev_letter;
			}
		} else {
			if (in_marks && letter_before && (f & F_LETTER))
				return 1;
			in_marks = 0;
		}
		prev_letter = (f & F_LETTER) != 0;
	}
	return 0;
}

static PyObject *odd_screen(PyObject *self, PyObject *text) {
	(void)self;
	if (!PyUnicode_Check(text)) {
		PyErr_SetString(PyExc_TypeError, "screen() takes a str");
		return NULL;
	}
	if (PyUnicode_READY(text) < 0)
		return NULL;
	if (screen_text(PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)))
		Py_RETURN_TRUE;
	Py_RETURN_FALSE;
}

static PyMethodDef odd_methods[] = {
    {"screen", odd_screen, METH_O, "screen(text) -> can odd_tokens' patterns find an odd token in text (odd_tokens._screen_py)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef odd_module = {
    PyModuleDef_HEAD_INIT, "_odd", "The odd-token screen of transform.ocr.odd_tokens in one walk (optional).", -1,
    odd_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__odd(void) {
	fill_ascii_flags();
	return PyModule_Create(&odd_module);
}
