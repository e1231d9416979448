/*
 * Taysir: the per-character loops of the Arabic line reading, in C (optional).
 *
 * The right-to-left line repair (pdf_bidi, pdf_visual_order, pdf_respace, pdf_letter_order) walks the
 * characters of Arabic lines one by one, asking a box function for each one's x extent. These are the
 * same walks, character for character, with the same floating-point operations in the same order (IEEE
 * doubles, additions, subtractions and comparisons only: nothing a compiler may fuse), so the results
 * are the Python functions' own; each Python module keeps its version (used when this extension is not
 * built, and the reference in tests/ingest/test_bidi_native.py).
 *
 * box is any callable index -> (x0, x1); its two values are kept as the objects it returned.
 *
 * letter_gaps(text, box, start, end)   pdf_respace._letter_gaps: [(index, gap)]
 * units(text, box, a, b)               pdf_letter_order._units: [[chars, x0, x1, is_space]]
 * disordered(units)                    pdf_letter_order._disordered: bool
 * spans(units, max_span)               pdf_letter_order._spans: [(first, last)]
 * tokens(text, box)                    pdf_visual_order._tokens (pieces=False): [(text, x0, x1, kind)]
 * reversed_words(text, box)            pdf_bidi._reversed_words: bool
 * lone_letters(text, enough)           pdf_kashida.suspect's count: lone Arabic letters, up to ``enough``
 * needs_repair(text)                   pdf_bidi.NEEDS_REPAIR.search(text) is not None
 * long_run_gap(text, box, limit)       pdf_respace.glue_suspect's test: None when the line has no run of 9
 *                                      letters (GLUE_RUN), else whether a gap inside one is wider than limit
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* ---- the box function ---- */

/* Call box(i); on success *x0 and *x1 are new references to its two values and *v0, *v1 their doubles. */
static int call_box(PyObject *box, Py_ssize_t i, PyObject **x0, PyObject **x1, double *v0, double *v1) {
	PyObject *index = PyLong_FromSsize_t(i);
	if (index == NULL)
		return -1;
	PyObject *res = PyObject_CallOneArg(box, index);
	Py_DECREF(index);
	if (res == NULL)
		return -1;
	PyObject *a, *b;
	if (PyTuple_CheckExact(res) && PyTuple_GET_SIZE(res) == 2) {
		a = PyTuple_GET_ITEM(res, 0);
		b = PyTuple_GET_ITEM(res, 1);
		Py_INCREF(a);
		Py_INCREF(b);
	} else {
		PyObject *seq = PySequence_Fast(res, "box() must return (x0, x1)");
		if (seq == NULL) {
			Py_DECREF(res);
			return -1;
		}
		if (PySequence_Fast_GET_SIZE(seq) != 2) {
			PyErr_SetString(PyExc_ValueError, "box() must return two values (x0, x1)");
			Py_DECREF(seq);
			Py_DECREF(res);
			return -1;
		}
		a = PySequence_Fast_GET_ITEM(seq, 0);
		b = PySequence_Fast_GET_ITEM(seq, 1);
		Py_INCREF(a);
		Py_INCREF(b);
		Py_DECREF(seq);
	}
	Py_DECREF(res);
	*v0 = PyFloat_AsDouble(a);
	*v1 = PyFloat_AsDouble(b);
	if ((*v0 == -1.0 || *v1 == -1.0) && PyErr_Occurred()) {
		Py_DECREF(a);
		Py_DECREF(b);
		return -1;
	}
	*x0 = a;
	*x1 = b;
	return 0;
}

/* ---- character classes (bidi_chars, pdf_letter_order, pdf_respace) ---- */

static int is_mark(Py_UCS4 c) { /* pdf_letter_order.MARKS */
	return (c >= 0x064B && c <= 0x0655) || c == 0x0670;
}

static int is_vowel_mark(Py_UCS4 c) { /* bidi_chars.VOWEL_MARKS */
	return (c >= 0x064B && c <= 0x0652) || c == 0x0670;
}

static int is_glue_letter(Py_UCS4 c) { /* pdf_respace._letter_gaps' letters */
	return (c >= 0x0620 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3);
}

static int is_ar(Py_UCS4 c) { /* bidi_chars.AR */
	return (c >= 0x01 && c <= 0x08) || (c >= 0x0e && c <= 0x1f) || (c >= 0x0610 && c <= 0x061A) ||
	       (c >= 0x0620 && c <= 0x065F) || (c >= 0x066E && c <= 0x06D3) || (c >= 0x06D5 && c <= 0x06EF) ||
	       (c >= 0x06FA && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
	       (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) || c == 0x0640 || c == 0x200C || c == 0x200D;
}

static int is_ltr(Py_UCS4 c) { /* bidi_chars.LTR */
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == 0xAA || c == 0xB2 ||
	       c == 0xB3 || c == 0xB9 || c == 0xBA || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
	       (c >= 0xF8 && c <= 0x024F) || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x0300 && c <= 0x036F) ||
	       (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

static int check_text(PyObject *text) {
	if (!PyUnicode_Check(text)) {
		PyErr_SetString(PyExc_TypeError, "text must be a str");
		return -1;
	}
	return PyUnicode_READY(text);
}

/* The arguments (text, box, start, end) of letter_gaps and units: a ready str and a range inside it. */
static int range_args(PyObject *const *args, Py_ssize_t nargs, const char *name, const char *usage, Py_ssize_t *start,
                      Py_ssize_t *end) {
	if (nargs != 4) {
		PyErr_SetString(PyExc_TypeError, usage);
		return -1;
	}
	if (check_text(args[0]) < 0)
		return -1;
	*start = PyLong_AsSsize_t(args[2]);
	*end = PyLong_AsSsize_t(args[3]);
	if (PyErr_Occurred())
		return -1;
	if (*start < 0 || *end > PyUnicode_GET_LENGTH(args[0])) {
		PyErr_Format(PyExc_IndexError, "%s: range outside the text", name);
		return -1;
	}
	return 0;
}

/* ---- letter_gaps ---- */

static PyObject *bidi_letter_gaps(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	Py_ssize_t start, end;
	if (range_args(args, nargs, "letter_gaps", "letter_gaps(text, box, start, end)", &start, &end) < 0)
		return NULL;
	PyObject *text = args[0], *box = args[1];
	int kind = PyUnicode_KIND(text);
	const void *data = PyUnicode_DATA(text);
	PyObject *out = PyList_New(0);
	if (out == NULL)
		return NULL;
	int have_prev = 0;
	double prev_x0 = 0.0;
	for (Py_ssize_t i = start; i < end; i++) {
		Py_UCS4 ch = PyUnicode_READ(kind, data, i);
		PyObject *o0, *o1;
		double x0, x1;
		if (is_vowel_mark(ch) || ch == 0x0640) {
			if (have_prev) {
				if (call_box(box, i, &o0, &o1, &x0, &x1) < 0)
					goto fail;
				Py_DECREF(o0);
				Py_DECREF(o1);
				if (x0 < prev_x0) /* min(prev_x0, x0) */
					prev_x0 = x0;
			}
			continue;
		}
		if (!is_glue_letter(ch)) {
			if (ch == 0x060C || ch == 0x061B || ch == 0x061F) {
				if (call_box(box, i, &o0, &o1, &x0, &x1) < 0)
					goto fail;
				Py_DECREF(o0);
				Py_DECREF(o1);
				prev_x0 = x0;
				have_prev = 1;
			} else {
				have_prev = 0;
			}
			continue;
		}
		if (call_box(box, i, &o0, &o1, &x0, &x1) < 0)
			goto fail;
		Py_DECREF(o0);
		Py_DECREF(o1);
		if (have_prev && x1 <= prev_x0 + 0.01) {
			PyObject *pair = Py_BuildValue("(nd)", i, prev_x0 - x1);
			if (pair == NULL || PyList_Append(out, pair) < 0) {
				Py_XDECREF(pair);
				goto fail;
			}
			Py_DECREF(pair);
		}
		prev_x0 = x0;
		have_prev = 1;
	}
	return out;
fail:
	Py_DECREF(out);
	return NULL;
}

/* ---- units, disordered, spans ---- */


/* Append the unit [s, o0, o1, space] to out; steals s, o0 and o1 (s may be NULL after a failed
   call: the error stands). Returns the unit, borrowed (the list holds it), or NULL on error. */
static PyObject *
append_unit(PyObject *out, PyObject *s, PyObject *o0, PyObject *o1, PyObject *space)
{
	PyObject *unit = s == NULL ? NULL : PyList_New(4);
	if (unit == NULL) {
		Py_XDECREF(s);
		Py_DECREF(o0);
		Py_DECREF(o1);
		return NULL;
	}
	PyList_SET_ITEM(unit, 0, s);
	PyList_SET_ITEM(unit, 1, o0);
	PyList_SET_ITEM(unit, 2, o1);
	Py_INCREF(space);
	PyList_SET_ITEM(unit, 3, space);
	int err = PyList_Append(out, unit);
	Py_DECREF(unit);
	return err < 0 ? NULL : unit;
}

static PyObject *bidi_units(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	Py_ssize_t a, b;
	if (range_args(args, nargs, "units", "units(text, box, a, b)", &a, &b) < 0)
		return NULL;
	PyObject *text = args[0], *box = args[1];
	int kind = PyUnicode_KIND(text);
	const void *data = PyUnicode_DATA(text);
	PyObject *out = PyList_New(0);
	if (out == NULL)
		return NULL;
	PyObject *last = NULL; /* borrowed: the last unit, when it is not a space */
	for (Py_ssize_t i = a; i < b; i++) {
		Py_UCS4 ch = PyUnicode_READ(kind, data, i);
		if (is_mark(ch) && last != NULL) { /* a vowel mark travels with its letter */
			PyObject *mark = PyUnicode_Substring(text, i, i + 1);
			if (mark == NULL)
				goto fail;
			PyObject *joined = PyUnicode_Concat(PyList_GET_ITEM(last, 0), mark);
			Py_DECREF(mark);
			if (joined == NULL)
				goto fail;
			PyList_SetItem(last, 0, joined); /* steals joined, drops the old string */
			continue;
		}
		PyObject *o0, *o1;
		double x0, x1;
		if (call_box(box, i, &o0, &o1, &x0, &x1) < 0)
			goto fail;
		if (ch == ' ') {
			if (x1 - x0 > 0.5) { /* a space the producer wrote */
				if (append_unit(out, PyUnicode_FromOrdinal(' '), o0, o1, Py_True) == NULL)
					goto fail;
				last = NULL;
			} else {
				Py_DECREF(o0);
				Py_DECREF(o1);
			}
			continue;
		}
		last = append_unit(out, PyUnicode_Substring(text, i, i + 1), o0, o1, Py_False);
		if (last == NULL)
			goto fail;
	}
	return out;
fail:
	Py_DECREF(out);
	return NULL;
}

/* One unit's fields: x0, x1 as doubles and whether it is a written space. */
static int unit_fields(PyObject *unit, double *x0, double *x1, int *space) {
	if (!PyList_Check(unit) || PyList_GET_SIZE(unit) != 4) {
		PyErr_SetString(PyExc_TypeError, "a unit is [chars, x0, x1, is_space]");
		return -1;
	}
	*x0 = PyFloat_AsDouble(PyList_GET_ITEM(unit, 1));
	*x1 = PyFloat_AsDouble(PyList_GET_ITEM(unit, 2));
	if (PyErr_Occurred())
		return -1;
	int t = PyObject_IsTrue(PyList_GET_ITEM(unit, 3));
	if (t < 0)
		return -1;
	*space = t;
	return 0;
}

static PyObject *bidi_disordered(PyObject *self, PyObject *units) {
	(void)self;
	if (!PyList_Check(units)) {
		PyErr_SetString(PyExc_TypeError, "disordered(units): a list");
		return NULL;
	}
	int have_prev = 0;
	double p0 = 0.0, p1 = 0.0;
	for (Py_ssize_t k = 0; k < PyList_GET_SIZE(units); k++) {
		double x0, x1;
		int space;
		if (unit_fields(PyList_GET_ITEM(units, k), &x0, &x1, &space) < 0)
			return NULL;
		if (space)
			continue;
		if (have_prev && x0 + x1 > p0 + p1 + 1.0 && !(x0 == p0 && x1 == p1))
			Py_RETURN_TRUE;
		p0 = x0;
		p1 = x1;
		have_prev = 1;
	}
	Py_RETURN_FALSE;
}

#define EQUAL 0.02 /* pdf_letter_order.EQUAL */

static int append_span(PyObject *out, PyObject *units, Py_ssize_t s, Py_ssize_t e, Py_ssize_t max_span) {
	if (e - s >= max_span)
		return 0;
	int all_space = 1;
	for (Py_ssize_t k = s; k <= e; k++) {
		int t = PyObject_IsTrue(PyList_GET_ITEM(PyList_GET_ITEM(units, k), 3));
		if (t < 0)
			return -1;
		if (!t) {
			all_space = 0;
			break;
		}
	}
	if (all_space)
		return 0;
	PyObject *pair = Py_BuildValue("(nn)", s, e);
	if (pair == NULL)
		return -1;
	int err = PyList_Append(out, pair);
	Py_DECREF(pair);
	return err;
}

static PyObject *bidi_spans(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 2 || !PyList_Check(args[0])) {
		PyErr_SetString(PyExc_TypeError, "spans(units, max_span)");
		return NULL;
	}
	PyObject *units = args[0];
	Py_ssize_t max_span = PyLong_AsSsize_t(args[1]);
	if (max_span == -1 && PyErr_Occurred())
		return NULL;
	Py_ssize_t n = PyList_GET_SIZE(units);
	for (Py_ssize_t k = 0; k < n; k++) { /* every unit well formed before any is read */
		double x0, x1;
		int space;
		if (unit_fields(PyList_GET_ITEM(units, k), &x0, &x1, &space) < 0)
			return NULL;
	}
	PyObject *out = PyList_New(0);
	if (out == NULL)
		return NULL;
	Py_ssize_t start = -1;
	for (Py_ssize_t k = 0; k + 1 < n; k++) {
		PyObject *r = PyList_GET_ITEM(units, k), *left = PyList_GET_ITEM(units, k + 1);
		double r0 = PyFloat_AsDouble(PyList_GET_ITEM(r, 1)), r1 = PyFloat_AsDouble(PyList_GET_ITEM(r, 2));
		double l0 = PyFloat_AsDouble(PyList_GET_ITEM(left, 1)), l1 = PyFloat_AsDouble(PyList_GET_ITEM(left, 2));
		double wr = r1 - r0, wl = l1 - l0;
		double dw = wr - wl, dt = l1 - r0;
		int split = wr > 0.5 && (dw < 0 ? -dw : dw) < EQUAL && (dt < 0 ? -dt : dt) < EQUAL;
		if (split && start < 0) {
			start = k;
		} else if (!split && start >= 0) {
			if (append_span(out, units, start, k, max_span) < 0)
				goto fail;
			start = -1;
		}
	}
	if (start >= 0 && append_span(out, units, start, n - 1, max_span) < 0)
		goto fail;
	return out;
fail:
	Py_DECREF(out);
	return NULL;
}

/* ---- tokens ---- */

static PyObject *KIND_R, *KIND_L, *KIND_N, *SPACE;

static PyObject *bidi_tokens(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 2) {
		PyErr_SetString(PyExc_TypeError, "tokens(text, box)");
		return NULL;
	}
	PyObject *text = args[0], *box = args[1];
	if (check_text(text) < 0)
		return NULL;
	int ukind = PyUnicode_KIND(text);
	const void *data = PyUnicode_DATA(text);
	Py_ssize_t n = PyUnicode_GET_LENGTH(text);
	PyObject *out = PyList_New(0);
	if (out == NULL)
		return NULL;
	Py_ssize_t a = 0;
	while (a < n) {
		Py_UCS4 c = PyUnicode_READ(ukind, data, a);
		Py_ssize_t b = a + 1;
		PyObject *kind; /* borrowed */
		if (is_ar(c)) { /* the pattern's alternatives in order: Arabic, LTR, spaces, any one character */
			while (b < n && is_ar(PyUnicode_READ(ukind, data, b)))
				b++;
			kind = KIND_R;
		} else if (is_ltr(c)) {
			while (b < n && is_ltr(PyUnicode_READ(ukind, data, b)))
				b++;
			kind = KIND_L;
		} else if (Py_UNICODE_ISSPACE(c)) {
			while (b < n && Py_UNICODE_ISSPACE(PyUnicode_READ(ukind, data, b)))
				b++;
			kind = NULL;
		} else {
			kind = KIND_N;
		}
		PyObject *o0, *o1, *tok;
		double f0, f1;
		if (call_box(box, a, &o0, &o1, &f0, &f1) < 0)
			goto fail;
		if (kind == NULL) { /* a run of spaces: one space token, the evidence of a narrow word space */
			Py_INCREF(SPACE);
			tok = SPACE;
			kind = KIND_N;
		} else if (b - a == 1) {
			tok = PyUnicode_Substring(text, a, b);
		} else {
			PyObject *q0, *q1;
			double l0, l1;
			if (call_box(box, b - 1, &q0, &q1, &l0, &l1) < 0) {
				Py_DECREF(o0);
				Py_DECREF(o1);
				goto fail;
			}
			int reverse = kind == KIND_R && f0 < f1 && f1 <= l0; /* first letter drawn leftmost: visual order */
			if (!(f0 < l0)) { /* x0 = f0 if f0 < l0 else l0 */
				Py_SETREF(o0, q0);
			} else {
				Py_DECREF(q0);
			}
			if (!(f1 > l1)) { /* x1 = f1 if f1 > l1 else l1 */
				Py_SETREF(o1, q1);
			} else {
				Py_DECREF(q1);
			}
			tok = PyUnicode_Substring(text, a, b);
			if (tok != NULL && reverse) {
				Py_ssize_t len = b - a;
				Py_UCS4 *buf = PyMem_Malloc(sizeof(Py_UCS4) * (size_t)len);
				if (buf == NULL) {
					Py_DECREF(tok);
					tok = NULL;
					PyErr_NoMemory();
				} else {
					for (Py_ssize_t k = 0; k < len; k++)
						buf[k] = PyUnicode_READ(ukind, data, b - 1 - k);
					Py_DECREF(tok);
					tok = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, len);
					PyMem_Free(buf);
				}
			}
		}
		if (tok == NULL) {
			Py_DECREF(o0);
			Py_DECREF(o1);
			goto fail;
		}
		Py_INCREF(kind);
		PyObject *item = PyTuple_New(4);
		if (item == NULL) {
			Py_DECREF(tok);
			Py_DECREF(o0);
			Py_DECREF(o1);
			Py_DECREF(kind);
			goto fail;
		}
		PyTuple_SET_ITEM(item, 0, tok);
		PyTuple_SET_ITEM(item, 1, o0);
		PyTuple_SET_ITEM(item, 2, o1);
		PyTuple_SET_ITEM(item, 3, kind);
		int err = PyList_Append(out, item);
		Py_DECREF(item);
		if (err < 0)
			goto fail;
		a = b;
	}
	return out;
fail:
	Py_DECREF(out);
	return NULL;
}

/* ---- reversed_words ---- */

static int is_alef_after_lam(Py_UCS4 c) { /* pdf_bidi.LAM_ALEF's second letter */
	return c == 0x0627 || c == 0x0623 || c == 0x0625 || c == 0x0622;
}

static PyObject *bidi_reversed_words(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 2) {
		PyErr_SetString(PyExc_TypeError, "reversed_words(text, box)");
		return NULL;
	}
	PyObject *text = args[0], *box = args[1];
	if (check_text(text) < 0)
		return NULL;
	int kind = PyUnicode_KIND(text);
	const void *data = PyUnicode_DATA(text);
	Py_ssize_t n = PyUnicode_GET_LENGTH(text), best_a = -1, best_b = -1, i = 0;
	while (i < n) { /* the maximal runs of bidi_chars.AR of 4 characters or more (pdf_bidi.ARABIC_WORD) */
		if (!is_ar(PyUnicode_READ(kind, data, i))) {
			i++;
			continue;
		}
		Py_ssize_t a = i;
		while (i < n && is_ar(PyUnicode_READ(kind, data, i)))
			i++;
		if (i - a < 4)
			continue;
		int inside = 0; /* the first lam-alef of the word ends before the word does */
		for (Py_ssize_t k = a; k + 1 < i; k++) {
			if (PyUnicode_READ(kind, data, k) == 0x0644 && is_alef_after_lam(PyUnicode_READ(kind, data, k + 1))) {
				inside = k + 2 < i;
				break;
			}
		}
		if (inside)
			continue;
		if (best_a < 0 || i - a > best_b - best_a) {
			best_a = a;
			best_b = i;
		}
	}
	if (best_a < 0)
		Py_RETURN_FALSE;
	PyObject *o0, *o1;
	double f0, f1, l0, l1;
	if (call_box(box, best_a, &o0, &o1, &f0, &f1) < 0)
		return NULL;
	Py_DECREF(o0);
	Py_DECREF(o1);
	if (!(f0 < f1)) /* f0 < f1 < box(last)[0], the last box asked for only when needed */
		Py_RETURN_FALSE;
	if (call_box(box, best_b - 1, &o0, &o1, &l0, &l1) < 0)
		return NULL;
	Py_DECREF(o0);
	Py_DECREF(o1);
	if (f1 < l0)
		Py_RETURN_TRUE;
	Py_RETURN_FALSE;
}

/* ---- lone_letters ---- */

static int is_kashida_letter(Py_UCS4 c) { /* pdf_kashida._LETTERS */
	return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A);
}

static int is_kashida_context(Py_UCS4 c) { /* pdf_kashida._LETTERS and _MARKS */
	return is_kashida_letter(c) || c == 0x0640 || (c >= 0x064B && c <= 0x0652);
}

static PyObject *bidi_lone_letters(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 2) {
		PyErr_SetString(PyExc_TypeError, "lone_letters(text, enough)");
		return NULL;
	}
	PyObject *text = args[0];
	if (check_text(text) < 0)
		return NULL;
	Py_ssize_t enough = PyLong_AsSsize_t(args[1]);
	if (enough == -1 && PyErr_Occurred())
		return NULL;
	int kind = PyUnicode_KIND(text);
	const void *data = PyUnicode_DATA(text);
	Py_ssize_t n = PyUnicode_GET_LENGTH(text), found = 0;
	for (Py_ssize_t i = 0; i < n && found < enough; i++) {
		Py_UCS4 c = PyUnicode_READ(kind, data, i);
		if (!is_kashida_letter(c) || c == 0x0648) /* a letter, not the conjunction waw */
			continue;
		if (i > 0 && is_kashida_context(PyUnicode_READ(kind, data, i - 1)))
			continue;
		if (i + 1 < n) {
			Py_UCS4 d = PyUnicode_READ(kind, data, i + 1);
			if (is_kashida_context(d) || d == ')' || d == '-' || d == '.')
				continue;
		}
		found++;
	}
	return PyLong_FromSsize_t(found);
}

/* ---- needs_repair ---- */

static int is_punct(Py_UCS4 c) { /* bidi_chars.PUNCT */
	return c == '.' || c == ',' || c == ':' || c == '!' || c == 0x060C || c == 0x061B || c == 0x061F;
}

static int is_bullet(Py_UCS4 c) { /* bidi_chars.BULLETS */
	return (c >= 0xE000 && c <= 0xF8FF) || c == 0x2022 || c == 0x25AA || c == 0x25CF || c == 0x25E6 || c == 0x2023 ||
	       c == 0x2043 || c == 0x2219;
}

static int is_ascii_letter(Py_UCS4 c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

static int is_digit0(Py_UCS4 c) { return c >= '0' && c <= '9'; }

static int is_space_or_punct(Py_UCS4 c) { return Py_UNICODE_ISSPACE(c) || is_punct(c); }

static PyObject *bidi_needs_repair(PyObject *self, PyObject *text) {
	(void)self;
	if (check_text(text) < 0)
		return NULL;
	int kind = PyUnicode_KIND(text);
	const void *data = PyUnicode_DATA(text);
	Py_ssize_t n = PyUnicode_GET_LENGTH(text);
	for (Py_ssize_t i = 0; i < n; i++) {
		Py_UCS4 c = PyUnicode_READ(kind, data, i);
		int ltr = is_ltr(c);
		/* a character outside Arabic, LTR, punctuation, bullets and spaces */
		if (!ltr && !is_ar(c) && !is_punct(c) && !is_bullet(c) && !Py_UNICODE_ISSPACE(c))
			Py_RETURN_TRUE;
		if (i + 1 >= n)
			break;
		Py_UCS4 d = PyUnicode_READ(kind, data, i + 1);
		/* [LTR][PUNCT](?![0-9]) */
		if (ltr && is_punct(d) && !(i + 2 < n && is_digit0(PyUnicode_READ(kind, data, i + 2))))
			Py_RETURN_TRUE;
		/* (?<![0-9])[PUNCT][LTR] */
		if (is_punct(c) && is_ltr(d) && !(i > 0 && is_digit0(PyUnicode_READ(kind, data, i - 1))))
			Py_RETURN_TRUE;
		/* [A-Za-z][\s PUNCT]+[LTR] and [LTR][\s PUNCT]+[A-Za-z]: the run of spaces and punctuation
		   is greedy and shares no character with LTR, so the character after it decides */
		if (ltr && is_space_or_punct(d)) {
			Py_ssize_t k = i + 1;
			while (k < n && is_space_or_punct(PyUnicode_READ(kind, data, k)))
				k++;
			if (k < n) {
				Py_UCS4 e = PyUnicode_READ(kind, data, k);
				if ((is_ascii_letter(c) && is_ltr(e)) || is_ascii_letter(e))
					Py_RETURN_TRUE;
			}
		}
	}
	Py_RETURN_FALSE;
}

/* ---- long_run_gap ---- */

static PyObject *bidi_long_run_gap(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 3) {
		PyErr_SetString(PyExc_TypeError, "long_run_gap(text, box, limit)");
		return NULL;
	}
	PyObject *text = args[0], *box = args[1];
	if (check_text(text) < 0)
		return NULL;
	double limit = PyFloat_AsDouble(args[2]);
	if (limit == -1.0 && PyErr_Occurred())
		return NULL;
	int kind = PyUnicode_KIND(text);
	const void *data = PyUnicode_DATA(text);
	Py_ssize_t n = PyUnicode_GET_LENGTH(text);
	/* the runs first (GLUE_RUN.finditer): none, no probe */
	Py_ssize_t i = 0, runs = 0;
	while (i < n) {
		if (!is_glue_letter(PyUnicode_READ(kind, data, i))) {
			i++;
			continue;
		}
		Py_ssize_t a = i;
		while (i < n && is_glue_letter(PyUnicode_READ(kind, data, i)))
			i++;
		if (i - a >= 9)
			runs++;
	}
	if (runs == 0)
		Py_RETURN_NONE;
	i = 0;
	while (i < n) { /* then each run's letter gaps, in order, until one is wider than limit */
		if (!is_glue_letter(PyUnicode_READ(kind, data, i))) {
			i++;
			continue;
		}
		Py_ssize_t a = i;
		while (i < n && is_glue_letter(PyUnicode_READ(kind, data, i)))
			i++;
		if (i - a < 9)
			continue;
		int have_prev = 0;
		double prev_x0 = 0.0;
		for (Py_ssize_t k = a; k < i; k++) { /* _letter_gaps over the run: letters and kashida only */
			PyObject *o0, *o1;
			double x0, x1;
			if (PyUnicode_READ(kind, data, k) == 0x0640 && !have_prev)
				continue;
			if (call_box(box, k, &o0, &o1, &x0, &x1) < 0)
				return NULL;
			Py_DECREF(o0);
			Py_DECREF(o1);
			if (PyUnicode_READ(kind, data, k) == 0x0640) { /* a kashida stretches its word: measured from its left edge */
				if (x0 < prev_x0)
					prev_x0 = x0;
				continue;
			}
			if (have_prev && x1 <= prev_x0 + 0.01 && prev_x0 - x1 > limit)
				Py_RETURN_TRUE;
			prev_x0 = x0;
			have_prev = 1;
		}
	}
	Py_RETURN_FALSE;
}

static PyMethodDef bidi_methods[] = {
    {"letter_gaps", (PyCFunction)(void (*)(void))bidi_letter_gaps, METH_FASTCALL,
     "letter_gaps(text, box, start, end) -> [(index, gap)] (pdf_respace._letter_gaps)"},
    {"units", (PyCFunction)(void (*)(void))bidi_units, METH_FASTCALL,
     "units(text, box, a, b) -> [[chars, x0, x1, is_space]] (pdf_letter_order._units)"},
    {"disordered", (PyCFunction)bidi_disordered, METH_O, "disordered(units) -> bool (pdf_letter_order._disordered)"},
    {"spans", (PyCFunction)(void (*)(void))bidi_spans, METH_FASTCALL,
     "spans(units, max_span) -> [(first, last)] (pdf_letter_order._spans)"},
    {"tokens", (PyCFunction)(void (*)(void))bidi_tokens, METH_FASTCALL,
     "tokens(text, box) -> [(text, x0, x1, kind)] (pdf_visual_order._tokens)"},
    {"reversed_words", (PyCFunction)(void (*)(void))bidi_reversed_words, METH_FASTCALL,
     "reversed_words(text, box) -> bool (pdf_bidi._reversed_words)"},
    {"lone_letters", (PyCFunction)(void (*)(void))bidi_lone_letters, METH_FASTCALL,
     "lone_letters(text, enough) -> lone Arabic letters counted up to enough (pdf_kashida.suspect)"},
    {"needs_repair", (PyCFunction)bidi_needs_repair, METH_O, "needs_repair(text) -> bool (pdf_bidi.NEEDS_REPAIR.search)"},
    {"long_run_gap", (PyCFunction)(void (*)(void))bidi_long_run_gap, METH_FASTCALL,
     "long_run_gap(text, box, limit) -> None | bool (pdf_respace.glue_suspect's test)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef bidi_module = {
    PyModuleDef_HEAD_INIT, "_bidi", "The Arabic line reading's per-character loops (optional).", -1,
    bidi_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__bidi(void) {
	KIND_R = PyUnicode_InternFromString("R");
	KIND_L = PyUnicode_InternFromString("L");
	KIND_N = PyUnicode_InternFromString("N");
	SPACE = PyUnicode_InternFromString(" ");
	if (KIND_R == NULL || KIND_L == NULL || KIND_N == NULL || SPACE == NULL)
		return NULL;
	return PyModule_Create(&bidi_module);
}
