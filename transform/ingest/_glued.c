/*
 * Taysir: the two walks of transform/ingest/pdf_glued.py that cost most on an Arabic text layer (optional).
 *
 * candidate(text) -> bool: may a rule of pdf_glued cut a token of text? The same answer as
 * pdf_glued._CANDIDATE.search(text) is not None (pdf_glued._candidate_py), in one walk:
 *   - a particle (U+0639 U+0644 U+0649, U+0625 U+0644 U+0649, U+0627 U+0644 U+0649, U+0641 U+064A,
 *     U+0645 U+0646, U+0639 U+0646) not after a letter, then U+0627 U+0644 or U+0644 U+0644;
 *   - U+0623 or U+0627, then U+0648, then a letter, not after a letter;
 *   - U+0629 or U+0649, then U+0622-U+064A;
 *   - three letters, then a preposition (U+0641 U+064A, U+0645 U+0646, U+0639 U+0644 U+0649, U+0639 U+0646,
 *     U+0625 U+0644 U+0649) not followed by a letter;
 *   - a letter beside an ASCII digit.
 * A letter is U+0621-U+064A (pdf_glued._L).
 *
 * calls(text) -> list[str]: pdf_glued._CALL.findall(text) (a number of one to four digits glued after a letter).
 *
 * suspect(text) -> bool: pdf_glued._SUSPECT_END.search(text) is not None (U+0629 or U+0649, then U+0622-U+064A).
 *
 * vocabulary(texts) -> (words, before, after): Vocabulary's walk of the texts' tokens (pdf_glued._vocabulary_py):
 * the count of each token's core (the token without pdf_glued._MARKS at its ends) made of letters only, the
 * cores printed before a number token (no mark after the core) and those printed after one. Tokens are cut
 * as str.split() cuts them (Py_UNICODE_ISSPACE); a number token is pdf_glued._NUMBER's: an optional "(",
 * an ASCII digit, then digits and . , / %.
 * tests/ingest/test_text_path_speed4_glued.py compares both with the Python references.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

static inline int is_letter(Py_UCS4 c) { return c >= 0x0621 && c <= 0x064A; }

static inline int is_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }

/* Py_UNICODE_ISSPACE, the Arabic block (no white space there) answered at once */
static inline int is_space(Py_UCS4 c) { return c >= 0x0600 && c <= 0x06FF ? 0 : Py_UNICODE_ISSPACE(c); }

#define AT(i) PyUnicode_READ(kind, data, (i))

/* does text[i:] start with the n code points of w? */
static int starts(int kind, const void *data, Py_ssize_t n_text, Py_ssize_t i, const Py_UCS4 *w, Py_ssize_t n) {
	if (i < 0 || i + n > n_text)
		return 0;
	for (Py_ssize_t k = 0; k < n; k++)
		if (AT(i + k) != w[k])
			return 0;
	return 1;
}

static const Py_UCS4 W_ALA[] = {0x0639, 0x0644, 0x0649}, W_ILA[] = {0x0625, 0x0644, 0x0649}, W_ALA2[] = {0x0627, 0x0644, 0x0649},
		     W_FI[] = {0x0641, 0x064A}, W_MIN[] = {0x0645, 0x0646}, W_AN[] = {0x0639, 0x0646}, W_AL[] = {0x0627, 0x0644},
		     W_LL[] = {0x0644, 0x0644};

/* the article (ال or لل) at i */
static int article_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i) {
	return starts(kind, data, n, i, W_AL, 2) || starts(kind, data, n, i, W_LL, 2);
}

/* a rule may cut at i: the branches of pdf_glued._CANDIDATE whose match starts at i */
static int candidate_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t i) {
	Py_UCS4 c = AT(i);
	Py_UCS4 next = i + 1 < n ? AT(i + 1) : 0;
	if (!is_letter(c))
		return is_digit(c) && is_letter(next);
	if (is_digit(next))
		return 1;
	if ((c == 0x0629 || c == 0x0649) && next >= 0x0622 && next <= 0x064A)
		return 1;
	if (i == 0 || !is_letter(AT(i - 1))) {
		/* a particle, then the article */
		if ((starts(kind, data, n, i, W_ALA, 3) || starts(kind, data, n, i, W_ILA, 3) || starts(kind, data, n, i, W_ALA2, 3))
		    && article_at(kind, data, n, i + 3))
			return 1;
		if ((starts(kind, data, n, i, W_FI, 2) || starts(kind, data, n, i, W_MIN, 2) || starts(kind, data, n, i, W_AN, 2))
		    && article_at(kind, data, n, i + 2))
			return 1;
		/* أو or او, then a letter */
		if ((c == 0x0623 || c == 0x0627) && next == 0x0648 && i + 2 < n && is_letter(AT(i + 2)))
			return 1;
	}
	/* three letters, then a preposition not followed by a letter */
	if (i + 3 < n && is_letter(next) && is_letter(AT(i + 2))) {
		Py_ssize_t j = i + 3;
		const Py_UCS4 *two[] = {W_FI, W_MIN, W_AN}, *three[] = {W_ALA, W_ILA};
		for (int k = 0; k < 3; k++)
			if (starts(kind, data, n, j, two[k], 2) && (j + 2 >= n || !is_letter(AT(j + 2))))
				return 1;
		for (int k = 0; k < 2; k++)
			if (starts(kind, data, n, j, three[k], 3) && (j + 3 >= n || !is_letter(AT(j + 3))))
				return 1;
	}
	return 0;
}

static PyObject *glued_candidate(PyObject *self, PyObject *text) {
	(void)self;
	if (!PyUnicode_Check(text)) {
		PyErr_SetString(PyExc_TypeError, "candidate() takes a str");
		return NULL;
	}
	if (PyUnicode_READY(text) < 0)
		return NULL;
	int kind = PyUnicode_KIND(text);
	const void *data = PyUnicode_DATA(text);
	Py_ssize_t n = PyUnicode_GET_LENGTH(text);
	if (kind == PyUnicode_1BYTE_KIND) { /* no Arabic letter: only a digit beside a letter could match, and none is */
		Py_RETURN_FALSE;
	}
	for (Py_ssize_t i = 0; i < n; i++)
		if (candidate_at(kind, data, n, i))
			Py_RETURN_TRUE;
	Py_RETURN_FALSE;
}

/* suspect(text) -> bool: pdf_glued._SUSPECT_END.search(text) is not None: U+0629 or U+0649, then U+0622-U+064A */
static PyObject *glued_suspect(PyObject *self, PyObject *text) {
	(void)self;
	if (!PyUnicode_Check(text)) {
		PyErr_SetString(PyExc_TypeError, "suspect() takes a str");
		return NULL;
	}
	if (PyUnicode_READY(text) < 0)
		return NULL;
	int kind = PyUnicode_KIND(text);
	const void *data = PyUnicode_DATA(text);
	Py_ssize_t n = PyUnicode_GET_LENGTH(text);
	if (kind != PyUnicode_1BYTE_KIND)
		for (Py_ssize_t i = 0; i + 1 < n; i++) {
			Py_UCS4 c = AT(i);
			if (c == 0x0629 || c == 0x0649) {
				Py_UCS4 next = AT(i + 1);
				if (next >= 0x0622 && next <= 0x064A)
					Py_RETURN_TRUE;
			}
		}
	Py_RETURN_FALSE;
}

/* calls(text) -> list[str]: pdf_glued._CALL.findall(text): each whole number of one to four ASCII digits glued
 * after a letter, not followed by a digit, "%", nor one of . , / before a digit */
static PyObject *glued_calls(PyObject *self, PyObject *text) {
	(void)self;
	if (!PyUnicode_Check(text)) {
		PyErr_SetString(PyExc_TypeError, "calls() takes a str");
		return NULL;
	}
	if (PyUnicode_READY(text) < 0)
		return NULL;
	int kind = PyUnicode_KIND(text);
	const void *data = PyUnicode_DATA(text);
	Py_ssize_t n = PyUnicode_GET_LENGTH(text);
	PyObject *out = PyList_New(0);
	if (out == NULL || kind == PyUnicode_1BYTE_KIND)
		return out;
	for (Py_ssize_t i = 0; i + 1 < n; i++) {
		if (!is_letter(AT(i)) || !is_digit(AT(i + 1)))
			continue;
		Py_ssize_t a = i + 1, b = a;
		while (b < n && is_digit(AT(b)))
			b++;
		i = b - 1; /* the next letter is after the digits */
		if (b - a > 4)
			continue;
		if (b < n) {
			Py_UCS4 c = AT(b);
			if (c == '%' || ((c == '.' || c == ',' || c == '/') && b + 1 < n && is_digit(AT(b + 1))))
				continue;
		}
		PyObject *number = PyUnicode_Substring(text, a, b);
		if (number == NULL || PyList_Append(out, number) < 0) {
			Py_XDECREF(number);
			Py_DECREF(out);
			return NULL;
		}
		Py_DECREF(number);
	}
	return out;
}

/* pdf_glued._MARKS: ( [ « " ' - ) ] » . , ، ؛ : ! ؟ */
static inline int is_mark(Py_UCS4 c) {
	switch (c) {
	case '(': case '[': case 0xAB: case '"': case '\'': case '-': case ')': case ']': case 0xBB: case '.': case ',':
	case 0x060C: case 0x061B: case ':': case '!': case 0x061F:
		return 1;
	default:
		return 0;
	}
}

/* pdf_glued._NUMBER on text[a:b]: ^\(?[0-9][0-9.,/%]*$ */
static int is_number(int kind, const void *data, Py_ssize_t a, Py_ssize_t b) {
	if (a < b && AT(a) == '(')
		a++;
	if (a >= b || !is_digit(AT(a)))
		return 0;
	for (Py_ssize_t k = a + 1; k < b; k++) {
		Py_UCS4 c = AT(k);
		if (!(is_digit(c) || c == '.' || c == ',' || c == '/' || c == '%'))
			return 0;
	}
	return 1;
}

/* add the tokens of one text to words (core -> count), before and after; 0, or -1 on an error */
static int walk_text(PyObject *text, PyObject *words, PyObject *before, PyObject *after) {
	if (PyUnicode_READY(text) < 0)
		return -1;
	int kind = PyUnicode_KIND(text);
	const void *data = PyUnicode_DATA(text);
	Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0;
	PyObject *prev = NULL; /* the core before (no mark after it), a new reference */
	int number = 0;        /* the token before was a number */
	while (i < n) {
		while (i < n && is_space(AT(i)))
			i++;
		if (i >= n)
			break;
		Py_ssize_t a = i;
		while (i < n && !is_space(AT(i)))
			i++;
		Py_ssize_t b = i, ca = a, cb = b;
		while (ca < cb && is_mark(AT(ca)))
			ca++;
		while (cb > ca && is_mark(AT(cb - 1)))
			cb--;
		int letters = ca < cb;
		for (Py_ssize_t k = ca; letters && k < cb; k++)
			letters = is_letter(AT(k));
		if (letters) {
			PyObject *core = PyUnicode_Substring(text, ca, cb);
			if (core == NULL)
				goto fail;
			PyObject *count = PyDict_GetItemWithError(words, core); /* borrowed */
			long was = 0;
			if (count == NULL && PyErr_Occurred())
				goto fail_core;
			if (count != NULL)
				was = PyLong_AsLong(count);
			PyObject *now = PyLong_FromLong(was + 1);
			if (now == NULL || PyDict_SetItem(words, core, now) < 0) {
				Py_XDECREF(now);
				goto fail_core;
			}
			Py_DECREF(now);
			if (number && PySet_Add(after, core) < 0)
				goto fail_core;
			Py_XDECREF(prev);
			prev = NULL;
			if (cb == b)
				prev = core; /* the reference passes to prev */
			else
				Py_DECREF(core);
			number = 0;
			continue;
		fail_core:
			Py_DECREF(core);
			goto fail;
		}
		int num = (AT(a) == '(' || is_digit(AT(a))) && is_number(kind, data, a, b);
		if (prev != NULL && num && PySet_Add(before, prev) < 0)
			goto fail;
		Py_XDECREF(prev);
		prev = NULL;
		number = num;
	}
	Py_XDECREF(prev);
	return 0;
fail:
	Py_XDECREF(prev);
	return -1;
}

static PyObject *glued_vocabulary(PyObject *self, PyObject *texts) {
	(void)self;
	PyObject *seq = PySequence_Fast(texts, "vocabulary() takes a sequence of str");
	if (seq == NULL)
		return NULL;
	PyObject *words = PyDict_New(), *before = PySet_New(NULL), *after = PySet_New(NULL);
	if (words == NULL || before == NULL || after == NULL)
		goto fail;
	Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
	for (Py_ssize_t k = 0; k < n; k++) {
		PyObject *text = PySequence_Fast_GET_ITEM(seq, k);
		if (!PyUnicode_Check(text)) {
			PyErr_SetString(PyExc_TypeError, "vocabulary() takes a sequence of str");
			goto fail;
		}
		if (walk_text(text, words, before, after) < 0)
			goto fail;
	}
	Py_DECREF(seq);
	return Py_BuildValue("(NNN)", words, before, after);
fail:
	Py_DECREF(seq);
	Py_XDECREF(words);
	Py_XDECREF(before);
	Py_XDECREF(after);
	return NULL;
}

static PyMethodDef glued_methods[] = {
    {"candidate", glued_candidate, METH_O, "candidate(text) -> may a rule of pdf_glued cut a token of text (pdf_glued._candidate_py)"},
    {"calls", glued_calls, METH_O, "calls(text) -> the numbers pdf_glued._CALL finds in text (its findall)"},
    {"suspect", glued_suspect, METH_O, "suspect(text) -> a letter after U+0629 or U+0649 in text (pdf_glued._SUSPECT_END)"},
    {"vocabulary", glued_vocabulary, METH_O, "vocabulary(texts) -> (words, before, after) (pdf_glued._vocabulary_py)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef glued_module = {
    PyModuleDef_HEAD_INIT, "_glued", "The candidate screen and the vocabulary walk of transform.ingest.pdf_glued (optional).", -1,
    glued_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__glued(void) { return PyModule_Create(&glued_module); }
