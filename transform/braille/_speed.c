/*
 * Taysir: the per-paragraph steps of the braille pipeline that cost most in Python.
 *
 * translate(address, tables, text, mode, multiplier, starts)
 *     One lou_translate() call on `text` (liblouis's own function, found by ctypes in the
 *     library python-louis loaded: same tables, same compiled-table cache). It replaces
 *     the encode / ctypes call / decode steps of transform/braille/_louis.py
 *     (LouisTranslator.translate, which stays as the fallback and the reference).
 *     Returns (cells, output offsets of `starts`) or None when liblouis fails.
 *     The GIL is released during the call; callers serialise liblouis calls themselves
 *     (tables.LOUIS_LOCK, shared by the engine and the table checks): liblouis keeps shared state.
 *
 * tidy(text, pieces, safe, keys, values, max_word)
 *     normalize.tidy() for the usual paragraph, in one pass over the characters: every
 *     character must be in `safe` (a bitmap of the BMP: known to the tables, left alone by
 *     normalisation) or one of the common replacements `keys` -> `values`; then thousands
 *     groups are joined, runs of spaces collapsed, the ends stripped, and the paragraph's
 *     sentences (joined by U+E000 in `text`) joined by spaces, with the offset where each
 *     starts. Anything else (an unknown or special character, a run of more than
 *     `max_word` non-space characters, an empty sentence) gives None and the Python code
 *     of engine.py handles the paragraph.
 *
 * lines(cells, width, first_indent, rest_indent, centre)
 *     The rows of one paragraph: the text stripped of blank cells (U+2800), wrapped
 *     greedily at blank cells, a word longer than a row cut at the row's width, each row
 *     indented or centred. The same rules as _lines_py in layout.py (the
 *     fallback and the reference; tests/braille/test_braille_speedups.py compares both on
 *     random input).
 *
 * Built as an optional extension by pip (pyproject.toml); without a C compiler Taysir
 * uses the Python code, which gives the same braille.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <limits.h>
#include <stdint.h>

#define BLANK 0x2800

/* liblouis's widechar is 32 bits on Debian (checked by the caller: louis.wideCharBytes == 4) */
typedef int (*lou_translate_fn)(const char *table_list, const Py_UCS4 *inbuf, int *inlen, Py_UCS4 *outbuf,
                                int *outlen, void *typeform, char *spacing, int *output_pos, int *input_pos,
                                int *cursor_pos, int mode);

static PyObject *speed_translate(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 6) {
		PyErr_SetString(PyExc_TypeError, "translate(address, tables, text, mode, multiplier, starts)");
		return NULL;
	}
	lou_translate_fn fn = (lou_translate_fn)PyLong_AsVoidPtr(args[0]);
	if (fn == NULL) {
		if (!PyErr_Occurred())
			PyErr_SetString(PyExc_ValueError, "null lou_translate address");
		return NULL;
	}
	if (!PyBytes_Check(args[1]) || !PyUnicode_Check(args[2])) {
		PyErr_SetString(PyExc_TypeError, "tables must be bytes and text a str");
		return NULL;
	}
	const char *tables = PyBytes_AS_STRING(args[1]);
	PyObject *text = args[2];
	int mode = (int)PyLong_AsLong(args[3]);
	long mult = PyLong_AsLong(args[4]);
	if (PyErr_Occurred())
		return NULL;
	PyObject *starts = args[5];
	if (starts != Py_None && !PyList_Check(starts)) {
		PyErr_SetString(PyExc_TypeError, "starts must be a list or None");
		return NULL;
	}
	Py_ssize_t n = PyUnicode_GET_LENGTH(text);
	if (mult < 1 || n > INT_MAX / mult - 1) {
		PyErr_SetString(PyExc_OverflowError, "text too long for one liblouis call");
		return NULL;
	}
	int cap = (int)(n * mult);
	Py_UCS4 *in = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(n + 1));
	Py_UCS4 *out = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(cap + 1));
	int *pos = NULL;
	int want_pos = starts != Py_None && PyList_GET_SIZE(starts) > 0;
	if (want_pos)
		pos = PyMem_Malloc(sizeof(int) * (size_t)(n + 1));
	PyObject *result = NULL, *cells = NULL, *offsets = NULL;
	if (in == NULL || out == NULL || (want_pos && pos == NULL)) {
		PyErr_NoMemory();
		goto done;
	}
	if (PyUnicode_AsUCS4(text, in, n + 1, 0) == NULL)
		goto done;
	int inlen = (int)n, outlen = cap, ok;
	Py_BEGIN_ALLOW_THREADS
	ok = fn(tables, in, &inlen, out, &outlen, NULL, NULL, pos, NULL, NULL, mode);
	Py_END_ALLOW_THREADS
	if (!ok) {
		result = Py_None;
		Py_INCREF(result);
		goto done;
	}
	if (outlen < 0 || outlen > cap)
		outlen = outlen < 0 ? 0 : cap;
	cells = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, outlen);
	if (cells == NULL)
		goto done;
	Py_ssize_t k = want_pos ? PyList_GET_SIZE(starts) : 0;
	offsets = PyList_New(k);
	if (offsets == NULL)
		goto done;
	for (Py_ssize_t i = 0; i < k; i++) {
		Py_ssize_t s = PyLong_AsSsize_t(PyList_GET_ITEM(starts, i));
		if (s == -1 && PyErr_Occurred())
			goto done;
		PyObject *v = PyLong_FromLong(s >= 0 && s < n ? pos[s] : outlen);
		if (v == NULL)
			goto done;
		PyList_SET_ITEM(offsets, i, v);
	}
	result = PyTuple_Pack(2, cells, offsets);
done:
	Py_XDECREF(cells);
	Py_XDECREF(offsets);
	PyMem_Free(in);
	PyMem_Free(out);
	PyMem_Free(pos);
	return result;
}

/* one row: `indent` blank cells then t[start:start+len], as a canonical str */
static PyObject *make_row(Py_UCS4 *row, Py_ssize_t indent, const Py_UCS4 *t, Py_ssize_t start, Py_ssize_t len) {
	for (Py_ssize_t i = 0; i < indent; i++)
		row[i] = BLANK;
	memcpy(row + indent, t + start, sizeof(Py_UCS4) * (size_t)len);
	return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, row, indent + len);
}

static PyObject *speed_lines(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 5 || !PyUnicode_Check(args[0])) {
		PyErr_SetString(PyExc_TypeError, "lines(cells: str, width, first_indent, rest_indent, centre)");
		return NULL;
	}
	Py_ssize_t w = PyLong_AsSsize_t(args[1]);
	Py_ssize_t first_indent = PyLong_AsSsize_t(args[2]);
	Py_ssize_t rest_indent = PyLong_AsSsize_t(args[3]);
	int centre = PyObject_IsTrue(args[4]);
	if (PyErr_Occurred() || centre < 0)
		return NULL;
	if (w < 1 || first_indent < 0 || rest_indent < 0) {
		PyErr_SetString(PyExc_ValueError, "width must be positive and indents not negative");
		return NULL;
	}
	if (first_indent > w - 1)
		first_indent = w - 1;
	if (rest_indent > w - 1)
		rest_indent = w - 1;
	Py_UCS4 *all = PyUnicode_AsUCS4Copy(args[0]);
	if (all == NULL)
		return NULL;
	Py_ssize_t a = 0, z = PyUnicode_GET_LENGTH(args[0]);
	while (a < z && all[a] == BLANK)
		a++;
	while (z > a && all[z - 1] == BLANK)
		z--;
	const Py_UCS4 *t = all + a;
	Py_ssize_t n = z - a;
	PyObject *rows = PyList_New(0);
	Py_UCS4 *row = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(w + 1));
	if (rows == NULL || row == NULL) {
		if (row == NULL)
			PyErr_NoMemory();
		goto fail;
	}
	if (n == 0)
		goto out;
	if (n <= w - first_indent) {
		PyObject *r = make_row(row, centre ? (w - n) / 2 : first_indent, t, 0, n);
		if (r == NULL || PyList_Append(rows, r) < 0) {
			Py_XDECREF(r);
			goto fail;
		}
		Py_DECREF(r);
		goto out;
	}
	Py_ssize_t p = 0, width = w - first_indent, indent = first_indent;
	if (width < 1)
		width = 1;
	for (;;) {
		while (p < n && t[p] == BLANK)
			p++;
		if (p >= n)
			break;
		/* the longest run of at most `width` cells that ends on a cell followed by a blank or the end */
		Py_ssize_t len = n - p < width ? n - p : width;
		while (len > 0 && !(t[p + len - 1] != BLANK && (p + len == n || t[p + len] == BLANK)))
			len--;
		if (len == 0)
			len = width; /* a word longer than the row: cut (n - p > width here) */
		PyObject *r = make_row(row, centre ? (w - len) / 2 : indent, t, p, len);
		if (r == NULL || PyList_Append(rows, r) < 0) {
			Py_XDECREF(r);
			goto fail;
		}
		Py_DECREF(r);
		p += len;
		width = w - rest_indent;
		if (width < 1)
			width = 1;
		indent = rest_indent;
	}
out:
	PyMem_Free(all);
	PyMem_Free(row);
	return rows;
fail:
	PyMem_Free(all);
	PyMem_Free(row);
	Py_XDECREF(rows);
	return NULL;
}


static int is_digit(Py_UCS4 c) { return (c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669); }

/* thousands groups joined, as normalize._THOUSANDS: a run of 1-3 digits (not after a digit, '.' or ','),
   then groups of one space and exactly three digits, the last one not followed by a digit. Returns the
   new length of `b` (written from `a`, n characters). */
static Py_ssize_t join_thousands(const Py_UCS4 *a, Py_ssize_t n, Py_UCS4 *b) {
	Py_ssize_t i = 0, o = 0;
	while (i < n) {
		Py_UCS4 c = a[i];
		if (!is_digit(c) || (i > 0 && (is_digit(a[i - 1]) || a[i - 1] == '.' || a[i - 1] == ','))) {
			b[o++] = c;
			i++;
			continue;
		}
		Py_ssize_t j = i;
		while (j < n && is_digit(a[j]))
			j++;
		Py_ssize_t groups = 0;
		if (j - i <= 3) {
			Py_ssize_t k = j;
			while (k + 3 < n && a[k] == ' ' && is_digit(a[k + 1]) && is_digit(a[k + 2]) && is_digit(a[k + 3])) {
				groups++;
				k += 4;
			}
			/* the last group must not be followed by a digit; else the regex settles for one group less */
			if (groups > 0 && k < n && is_digit(a[k]))
				groups--;
		}
		for (Py_ssize_t k = i; k < j; k++)
			b[o++] = a[k];
		for (Py_ssize_t g = 0; g < groups; g++) {
			b[o++] = a[j + 4 * g + 1];
			b[o++] = a[j + 4 * g + 2];
			b[o++] = a[j + 4 * g + 3];
		}
		i = j + 4 * groups;
	}
	return o;
}

#define SEP 0xE000 /* engine._SEP: joins the sentences of a paragraph while they are normalised */

static int is_safe(const unsigned char *safe, Py_UCS4 c) { return c <= 0xFFFF && (safe[c >> 3] & (1u << (c & 7))); }

/* (joined, offsets) from b[0:m]: each SEP becomes a space and starts a piece; None unless there are
   exactly `pieces` pieces, none empty, none with a space next to a SEP */
static PyObject *join_pieces(Py_UCS4 *b, Py_ssize_t m, Py_ssize_t pieces) {
	if (m == 0)
		Py_RETURN_NONE;
	PyObject *offsets = PyList_New(0), *start = PyLong_FromLong(0);
	if (offsets == NULL || start == NULL || PyList_Append(offsets, start) < 0)
		goto fail;
	Py_CLEAR(start);
	for (Py_ssize_t i = 0; i < m; i++) {
		if (b[i] != SEP)
			continue;
		if (i == 0 || i + 1 == m || b[i - 1] == ' ' || b[i + 1] == ' ' || b[i + 1] == SEP ||
		    PyList_GET_SIZE(offsets) >= pieces) {
			Py_DECREF(offsets);
			Py_RETURN_NONE;
		}
		b[i] = ' ';
		PyObject *o = PyLong_FromSsize_t(i + 1);
		if (o == NULL || PyList_Append(offsets, o) < 0) {
			Py_XDECREF(o);
			goto fail;
		}
		Py_DECREF(o);
	}
	if (PyList_GET_SIZE(offsets) != pieces) {
		Py_DECREF(offsets);
		Py_RETURN_NONE;
	}
	PyObject *joined = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, b, m);
	if (joined == NULL)
		goto fail;
	PyObject *res = PyTuple_Pack(2, joined, offsets);
	Py_DECREF(joined);
	Py_DECREF(offsets);
	return res;
fail:
	Py_XDECREF(start);
	Py_XDECREF(offsets);
	return NULL;
}

/* tidy(text, pieces, safe, keys, values, max_word): normalize.tidy() for the usual paragraph, then the
   `pieces` sentences (joined by SEP in `text`) joined by spaces: (joined, start offset of each), or None.
   `safe` is a bitmap of the BMP (8192 bytes): characters known to the tables that normalisation leaves
   alone. Any other character must be one of `keys` (replaced by the same position of `values`, NUL
   meaning removal, the replacement itself safe) or the answer is None, as it is for a run of more than
   `max_word` non-space characters, an empty sentence or a SEP out of place: the Python code then
   handles the paragraph. */
static PyObject *speed_tidy(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 6 || !PyUnicode_Check(args[0]) || !PyBytes_Check(args[2]) || !PyUnicode_Check(args[3]) ||
	    !PyUnicode_Check(args[4])) {
		PyErr_SetString(PyExc_TypeError, "tidy(text: str, pieces: int, safe: bytes, keys: str, values: str, max_word: int)");
		return NULL;
	}
	PyObject *text = args[0], *keys = args[3], *values = args[4];
	if (PyBytes_GET_SIZE(args[2]) != 8192 || PyUnicode_GET_LENGTH(keys) != PyUnicode_GET_LENGTH(values)) {
		PyErr_SetString(PyExc_ValueError, "safe must hold 8192 bytes and keys/values the same length");
		return NULL;
	}
	Py_ssize_t pieces = PyLong_AsSsize_t(args[1]);
	Py_ssize_t max_word = PyLong_AsSsize_t(args[5]);
	if (PyErr_Occurred())
		return NULL;
	const unsigned char *safe = (const unsigned char *)PyBytes_AS_STRING(args[2]);
	Py_ssize_t n = PyUnicode_GET_LENGTH(text), nkeys = PyUnicode_GET_LENGTH(keys);
	int kkind = PyUnicode_KIND(keys), vkind = PyUnicode_KIND(values);
	const void *kdata = PyUnicode_DATA(keys), *vdata = PyUnicode_DATA(values);
	if (n == 0)
		Py_RETURN_NONE;
	/* a: the text, b: the result (at most as long) */
	Py_UCS4 *a = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)(2 * n + 1));
	if (a == NULL)
		return PyErr_NoMemory();
	Py_UCS4 *b = a + n;
	PyObject *res = NULL;
	if (PyUnicode_AsUCS4(text, a, n, 0) == NULL)
		goto done;
	/* The caller's safe set holds no space but ' ' (engine._safe): among safe characters only ' ' is a
	   space, so str.isspace() is asked of the others only. */
	Py_ssize_t run = 0, m = 0;
	int changed = 0; /* a replacement, a space at an end, two spaces, or a digit before a space */
	Py_UCS4 prev = ' ';
	for (Py_ssize_t i = 0; i < n; i++) {
		Py_UCS4 c = a[i];
		int space;
		if (is_safe(safe, c)) {
			space = c == ' ';
		} else {
			Py_ssize_t k = 0;
			while (k < nkeys && PyUnicode_READ(kkind, kdata, k) != c)
				k++;
			if (k == nkeys)
				goto none; /* unknown or special: the Python code decides */
			space = Py_UNICODE_ISSPACE(c);
			c = PyUnicode_READ(vkind, vdata, k);
			if (c != 0 && !is_safe(safe, c))
				goto none;
			changed = 1;
		}
		if (space) {
			run = 0;
			if (prev == ' ' || is_digit(prev))
				changed = 1;
		} else if (++run > max_word) {
			goto none; /* a long "word" to cut: the Python code does it */
		}
		prev = a[i];
		if (c != 0)
			a[m++] = c;
	}
	if (prev == ' ' || Py_UNICODE_ISSPACE(prev))
		changed = 1;
	if (!changed && pieces == 1) { /* nothing to join, collapse, strip or split: the text as it is */
		for (Py_ssize_t i = 0; i < m; i++)
			if (a[i] == SEP)
				goto none;
		res = Py_BuildValue("(O[i])", text, 0);
		goto done;
	}
	m = join_thousands(a, m, b);
	/* runs of spaces become one space; then the ends are stripped (only ' ' is left as a space) */
	Py_ssize_t o = 0;
	for (Py_ssize_t i = 0; i < m; i++) {
		if (b[i] == ' ' && o > 0 && b[o - 1] == ' ')
			continue;
		b[o++] = b[i];
	}
	Py_ssize_t lo = 0, hi = o;
	while (lo < hi && b[lo] == ' ')
		lo++;
	while (hi > lo && b[hi - 1] == ' ')
		hi--;
	res = join_pieces(b + lo, hi - lo, pieces);
	goto done;
none:
	res = Py_None;
	Py_INCREF(res);
done:
	PyMem_Free(a);
	return res;
}

static PyMethodDef speed_methods[] = {
    {"translate", (PyCFunction)(void (*)(void))speed_translate, METH_FASTCALL,
     "translate(address, tables, text, mode, multiplier, starts) -> (cells, offsets) or None"},
    {"lines", (PyCFunction)(void (*)(void))speed_lines, METH_FASTCALL,
     "lines(cells, width, first_indent, rest_indent, centre) -> rows of one paragraph"},
    {"tidy", (PyCFunction)(void (*)(void))speed_tidy, METH_FASTCALL,
     "tidy(text, pieces, safe, keys, values, max_word) -> (joined, offsets), or None when the Python code must do it"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef speed_module = {
    PyModuleDef_HEAD_INIT, "_speed", "Compiled per-paragraph steps of the braille pipeline (optional).", -1,
    speed_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__speed(void) { return PyModule_Create(&speed_module); }
