/*
 * Taysir: the per-line loop of the PDF grouping, in C (optional).
 *
 * group_pages(prepared, groups, pitch, hooks) is pdf_blocks._group_pages: it walks the lines of the prepared
 * pages (lines, edges, features, stops, entry runs, table slots, column pitches, the page's own body size,
 * the body size, the heading sizes), decides for each line whether it goes on the block before
 * (pdf_blocks._continues and its helpers _ended, _same_axis, _centred, _centred_pair, _start_gap,
 * _end_gap, _same_size, _bare_unit written out here) and appends the groups (pdf_block_group._Group) to
 * ``groups``. The same tests in the same order, with the same floating-point operations (IEEE doubles:
 * additions, subtractions, multiplications and comparisons, nothing a compiler may fuse on x86-64), so the
 * groups are the Python loop's own; the regular expressions and the rarer tests are the Python functions
 * themselves, called back (``hooks``, built in pdf_blocks._HOOKS). Without this extension the Python loop
 * runs (it is the reference: tests/ingest/test_group_c.py compares the two on real pages).
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

/* the hooks, in the order of pdf_blocks._HOOKS */
enum {
	H_GROUP, H_LEGAL_HINT, H_LEGAL_HEADING, H_RUN_IN, H_MARKER, H_BULLET_FIRST, H_MONTH_NEXT, H_NUMBER_NEXT,
	H_WITH_TEXT, H_SIZE_WOBBLE, H_SENTENCE_END, H_LEADER, H_ANNEX, H_ROOM_LEFT, H_FULL_LINE, H_SENTENCE_STOP,
	H_RTL, H_OWN_AXIS, H_ARTICLE, H_MAX_LEVELS, H_NAME_WORDS, H_END_CLASSES, H_STOP_CLASSES, H_COUNT
};

static PyObject *S_text, *S_x0, *S_x1, *S_bottom, *S_bold, *S_page, *S_left, *S_right, *S_column, *S_call,
    *S_baseline, *S_title, *S_rank, *S_kind, *S_lines, *S_size, *S_rtl, *S_ordered, *S_indent, *S_level,
    *S_table, *S_legal, *S_centred, *S_flush_end, *S_body, *S_bold_level, *S_note, *S_strip, *S_lstrip,
    *S_rstrip, *K_heading, *K_paragraph, *K_item, *K_table, *EMPTY, *EMPTY_TUPLE;

enum { KIND_HEADING, KIND_PARAGRAPH, KIND_ITEM };

typedef struct {
	PyObject **h;
} Hooks;

/* ---- attribute reads ---- */

static int get_double(PyObject *obj, PyObject *name, double *out) {
	PyObject *v = PyObject_GetAttr(obj, name);
	if (v == NULL)
		return -1;
	double d = PyFloat_AsDouble(v);
	Py_DECREF(v);
	if (d == -1.0 && PyErr_Occurred())
		return -1;
	*out = d;
	return 0;
}

static int get_truth(PyObject *obj, PyObject *name) {
	PyObject *v = PyObject_GetAttr(obj, name);
	if (v == NULL)
		return -1;
	int t = PyObject_IsTrue(v);
	Py_DECREF(v);
	return t;
}

/* A line as the loop reads it: the object, its text and bold (new references) and its box. */
typedef struct {
	PyObject *obj, *text, *bold;
	int is_bold;
	double x0, x1, bottom;
} Line;

static void line_clear(Line *l) {
	Py_CLEAR(l->obj);
	Py_CLEAR(l->text);
	Py_CLEAR(l->bold);
}

static int line_load(Line *l, PyObject *obj) {
	l->obj = NULL;
	l->text = NULL;
	l->bold = NULL;
	Py_INCREF(obj);
	l->obj = obj;
	l->text = PyObject_GetAttr(obj, S_text);
	if (l->text == NULL)
		goto fail;
	if (!PyUnicode_Check(l->text)) {
		PyErr_SetString(PyExc_TypeError, "a line's text must be a str");
		goto fail;
	}
	l->bold = PyObject_GetAttr(obj, S_bold);
	if (l->bold == NULL)
		goto fail;
	if ((l->is_bold = PyObject_IsTrue(l->bold)) < 0)
		goto fail;
	if (get_double(obj, S_x0, &l->x0) < 0 || get_double(obj, S_x1, &l->x1) < 0 || get_double(obj, S_bottom, &l->bottom) < 0)
		goto fail;
	return 0;
fail:
	line_clear(l);
	return -1;
}

static void line_copy(Line *dst, const Line *src) {
	*dst = *src;
	Py_XINCREF(dst->obj);
	Py_XINCREF(dst->text);
	Py_XINCREF(dst->bold);
}

/* The line with another text (pdf_block_group._with_text): the object and text replaced, the box kept. */
static int line_retext(Line *l, PyObject *with_text, PyObject *text) {
	PyObject *obj = PyObject_CallFunctionObjArgs(with_text, l->obj, text, NULL);
	if (obj == NULL)
		return -1;
	PyObject *t = PyObject_GetAttr(obj, S_text);
	if (t == NULL) {
		Py_DECREF(obj);
		return -1;
	}
	Py_SETREF(l->obj, obj);
	Py_SETREF(l->text, t);
	return 0;
}

typedef struct {
	PyObject *obj, *column; /* borrowed: the edges list holds them */
	double left, right;
} Edge;

static int edge_load(Edge *e, PyObject *obj) {
	e->obj = obj;
	if (get_double(obj, S_left, &e->left) < 0 || get_double(obj, S_right, &e->right) < 0)
		return -1;
	PyObject *c = PyObject_GetAttr(obj, S_column);
	if (c == NULL)
		return -1;
	e->column = c; /* kept alive by the edges object (a frozen dataclass): dropped at once */
	Py_DECREF(c);
	return 0;
}

/* ---- small helpers, as pdf_blocks writes them ---- */

static double start_gap(const Line *l, const Edge *e, int rtl) { return rtl ? e->right - l->x1 : l->x0 - e->left; }
static double end_gap(const Line *l, const Edge *e, int rtl) { return rtl ? l->x0 - e->left : e->right - l->x1; }
static double pymax(double a, double b) { return b > a ? b : a; } /* max(a, b): the first of equals */
static double pymin(double a, double b) { return b < a ? b : a; } /* min(a, b) */

static int centred(const Line *l, const Edge *e, double size, double inside) {
	double left = l->x0 - e->left, right = e->right - l->x1;
	double share = 0.15 * (left + right);
	return (right < left ? right : left) > inside * size && fabs(left - right) <= (share > 6.0 ? share : 6.0);
}

static int centred_pair(const Line *a, const Edge *ae, const Line *b, const Edge *be, double size) {
	return centred(a, ae, size, 0.3) && centred(b, be, size, 0.3) && (centred(a, ae, size, 1.5) || centred(b, be, size, 1.5));
}

static int same_size(double a, double b) { return fabs(a - b) <= pymax(0.5, 0.06 * pymax(a, b)); }

/* truth of f(args...): -1 on error */
static int call_truth(PyObject *f, PyObject *arg) {
	PyObject *r = PyObject_CallOneArg(f, arg);
	if (r == NULL)
		return -1;
	int t = PyObject_IsTrue(r);
	Py_DECREF(r);
	return t;
}

static int call_truth_args(PyObject *f, PyObject *const *args, size_t n) {
	PyObject *r = PyObject_Vectorcall(f, args, n, NULL);
	if (r == NULL)
		return -1;
	int t = PyObject_IsTrue(r);
	Py_DECREF(r);
	return t;
}

/* ---- a sentence's end, tested here ----
 * SENTENCE_END and SENTENCE_STOP are written [P]\s*[C]*$: a sign of P, white space, closing quotes or brackets of C,
 * then the end (or a final newline, where $ also matches). P, C and white space share no character
 * (pdf_blocks._tail_classes checks it, else it gives None and the pattern is called), so the test reads the text
 * backwards: the closers at its end, the white space before them, then one sign of P. */

static int in_class(PyObject *chars, Py_UCS4 c) {
	Py_ssize_t n = PyUnicode_GET_LENGTH(chars);
	for (Py_ssize_t i = 0; i < n; i++)
		if (PyUnicode_READ_CHAR(chars, i) == c)
			return 1;
	return 0;
}

static int tail_at(PyObject *text, Py_ssize_t end, PyObject *punct, PyObject *closers) {
	int kind = PyUnicode_KIND(text);
	const void *data = PyUnicode_DATA(text);
	Py_ssize_t i = end;
	while (i > 0 && in_class(closers, PyUnicode_READ(kind, data, i - 1)))
		i--;
	while (i > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i - 1)))
		i--;
	return i > 0 && in_class(punct, PyUnicode_READ(kind, data, i - 1));
}

static int tail_match(PyObject *text, PyObject *punct, PyObject *closers) {
	Py_ssize_t n = PyUnicode_GET_LENGTH(text);
	if (tail_at(text, n, punct, closers))
		return 1;
	return n > 0 && PyUnicode_READ_CHAR(text, n - 1) == '\n' && tail_at(text, n - 1, punct, closers);
}

/* pattern (hook ``which``) found in text, by the classes of hook ``classes`` when pdf_blocks gave them */
static int ends_like(PyObject **h, int which, int classes, PyObject *text) {
	PyObject *c = h[classes];
	if (c != Py_None)
		return tail_match(text, PyTuple_GET_ITEM(c, 0), PyTuple_GET_ITEM(c, 1));
	PyObject *r = PyObject_CallOneArg(h[which], text);
	if (r == NULL)
		return -1;
	int t = PyObject_IsTrue(r);
	Py_DECREF(r);
	return t;
}

static PyObject *py_ends_like(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1]) || !PyUnicode_Check(args[2])) {
		PyErr_SetString(PyExc_TypeError, "ends_like(text, punct, closers): three str");
		return NULL;
	}
	return PyBool_FromLong(tail_match(args[0], args[1], args[2]));
}

/* pattern.search/match(text) found something: -1 on error */
static int found(PyObject *method, PyObject *text) { return call_truth(method, text); }

/* found on text.<strip method>() */
static int found_stripped(PyObject *method, PyObject *text, PyObject *strip_name) {
	PyObject *s = PyObject_CallMethodNoArgs(text, strip_name);
	if (s == NULL)
		return -1;
	int t = found(method, s);
	Py_DECREF(s);
	return t;
}

/* len(text.split()) */
static Py_ssize_t n_words(PyObject *text) {
	PyObject *w = PyUnicode_Split(text, NULL, -1);
	if (w == NULL)
		return -1;
	Py_ssize_t n = PyList_GET_SIZE(w);
	Py_DECREF(w);
	return n;
}

static Py_UCS4 first_char(PyObject *text, int *has) {
	if (PyUnicode_GET_LENGTH(text) == 0) {
		*has = 0;
		return 0;
	}
	*has = 1;
	return PyUnicode_READ_CHAR(text, 0);
}

/* all(x.bold for x in lines) */
static int all_bold(PyObject *lines) {
	Py_ssize_t n = PyList_GET_SIZE(lines);
	for (Py_ssize_t i = 0; i < n; i++) {
		int t = get_truth(PyList_GET_ITEM(lines, i), S_bold);
		if (t <= 0)
			return t;
	}
	return 1;
}

/* ---- the group being grown ---- */

typedef struct {
	PyObject *obj;   /* the _Group, or NULL */
	PyObject *lines; /* its lines list (borrowed from obj) */
	PyObject *legal; /* its legal label or None (borrowed from obj) */
	int kind, note;
	double indent;
} Cur;

/* A _Group with the fields its dataclass __init__ would set, in field order (kind, lines, size, rtl, ordered,
 * indent, level, table, legal, centred, flush_end, body, bold_level, note). */
static PyObject *new_group(PyObject *cls, PyObject *kind, PyObject *size, PyObject *rtl, PyObject *ordered, PyObject *indent,
                           PyObject *level, PyObject *table, PyObject *legal, PyObject *body, PyObject *bold_level) {
	PyObject *g = PyBaseObject_Type.tp_new((PyTypeObject *)cls, EMPTY_TUPLE, NULL);
	if (g == NULL)
		return NULL;
	PyObject *lines = PyList_New(0);
	if (lines == NULL) {
		Py_DECREF(g);
		return NULL;
	}
	PyObject *zero = PyFloat_FromDouble(0.0), *lvl0 = PyLong_FromLong(0), *one = PyLong_FromLong(1);
	if (zero == NULL || lvl0 == NULL || one == NULL)
		goto fail;
	PyObject *names[14] = {S_kind, S_lines, S_size, S_rtl, S_ordered, S_indent, S_level, S_table, S_legal, S_centred, S_flush_end, S_body, S_bold_level, S_note};
	PyObject *values[14] = {kind, lines, size ? size : zero, rtl ? rtl : Py_False, ordered ? ordered : Py_False, indent ? indent : zero,
	                        level ? level : lvl0, table ? table : Py_None, legal ? legal : Py_None, Py_False, Py_False, body ? body : zero,
	                        bold_level ? bold_level : one, Py_False};
	for (int i = 0; i < 14; i++)
		if (PyObject_SetAttr(g, names[i], values[i]) < 0)
			goto fail;
	Py_DECREF(lines);
	Py_DECREF(zero);
	Py_DECREF(lvl0);
	Py_DECREF(one);
	return g;
fail:
	Py_XDECREF(zero);
	Py_XDECREF(lvl0);
	Py_XDECREF(one);
	Py_DECREF(lines);
	Py_DECREF(g);
	return NULL;
}

/* ---- pdf_blocks._ended ---- */

static int ended(PyObject **h, const Line *prev, const Edge *pe, double size, PyObject *fsize_obj, int rtl, PyObject *rtl_obj,
                 PyObject *stops, const Line *after) {
	double gap = rtl ? prev->x0 - pe->left : pe->right - prev->x1;
	double width = pe->right - pe->left;
	if (gap <= 0.3 * width) {
		int t = ends_like(h, H_SENTENCE_END, H_END_CLASSES, prev->text);
		if (t <= 0)
			return t;
		if (!(gap > pymax(2.0 * size, 0.08 * width))) {
			int room = 0;
			if (after != NULL) {
				PyObject *g = PyFloat_FromDouble(gap);
				if (g == NULL)
					return -1;
				PyObject *args[4] = {prev->obj, after->obj, g, fsize_obj};
				room = call_truth_args(h[H_ROOM_LEFT], args, 4);
				Py_DECREF(g);
				if (room < 0)
					return -1;
			}
			if (!room)
				return 0;
		}
	}
	if (stops == Py_None)
		return 1;
	PyObject *w = PyFloat_FromDouble(width);
	if (w == NULL)
		return -1;
	PyObject *args[4] = {prev->obj, w, rtl_obj, stops};
	int full = call_truth_args(h[H_FULL_LINE], args, 4);
	Py_DECREF(w);
	if (full < 0)
		return -1;
	return !full;
}

/* ---- pdf_blocks._same_axis ---- */

static int same_axis(PyObject **h, const Line *prev, const Edge *pe, const Line *ln, const Edge *e, double size, PyObject *fsize_obj) {
	if (fabs(prev->x0 - ln->x0) <= 0.8 * size && pymin(prev->x0 - pe->left, ln->x0 - e->left) <= 0.3 * size)
		return 0;
	if (fabs((prev->x0 + prev->x1) - (ln->x0 + ln->x1)) / 2 > pymax(3.0, 0.3 * size))
		return 0;
	int t = PyObject_RichCompareBool(pe->column, e->column, Py_NE);
	if (t != 0)
		return t < 0 ? -1 : 0;
	t = PyObject_RichCompareBool(prev->bold, ln->bold, Py_NE);
	if (t != 0)
		return t < 0 ? -1 : 0;
	t = ends_like(h, H_SENTENCE_STOP, H_STOP_CLASSES, prev->text);
	if (t != 0)
		return t < 0 ? -1 : 0;
	int ln_rtl = call_truth(h[H_RTL], ln->obj);
	if (ln_rtl < 0)
		return -1;
	double inset = pymin(start_gap(prev, pe, ln_rtl), start_gap(ln, e, ln_rtl));
	PyObject *w = PyFloat_FromDouble(e->right - e->left), *in = PyFloat_FromDouble(inset);
	if (w == NULL || in == NULL) {
		Py_XDECREF(w);
		Py_XDECREF(in);
		return -1;
	}
	PyObject *args[5] = {prev->obj, ln->obj, w, fsize_obj, in};
	t = call_truth_args(h[H_OWN_AXIS], args, 5);
	Py_DECREF(w);
	Py_DECREF(in);
	return t;
}

/* cur.legal.title's truth, cur.legal.rank < ARTICLE */
static int legal_bare(PyObject **h, PyObject *legal, int *titled) {
	int t = get_truth(legal, S_title);
	if (t < 0)
		return -1;
	*titled = t;
	PyObject *rank = PyObject_GetAttr(legal, S_rank);
	if (rank == NULL)
		return -1;
	int lt = PyObject_RichCompareBool(rank, h[H_ARTICLE], Py_LT);
	Py_DECREF(rank);
	return lt;
}

/* text.lstrip() starts with "(" or "[" */
static int opens_bracket(PyObject *text) {
	Py_ssize_t n = PyUnicode_GET_LENGTH(text);
	for (Py_ssize_t i = 0; i < n; i++) {
		Py_UCS4 c = PyUnicode_READ_CHAR(text, i);
		if (Py_UNICODE_ISSPACE(c))
			continue;
		return c == '(' || c == '[';
	}
	return 0;
}

/* ---- pdf_blocks._continues ---- */

static int continues(PyObject **h, const Cur *cur, const Line *prev, double prev_base, PyObject *prev_page, const Edge *pe,
                     const Line *ln, PyObject *ln_page, double base, const Edge *e, double fsize, PyObject *fsize_obj, int rtl,
                     PyObject *rtl_obj, double pitch, const Line *nxt, PyObject *stops) {
	int t;
	Py_ssize_t plen = PyUnicode_GET_LENGTH(prev->text);
	if (plen > 0 && Py_UNICODE_ISDIGIT(PyUnicode_READ_CHAR(prev->text, plen - 1))) {
		t = call_truth(h[H_LEADER], prev->text);
		if (t != 0)
			return t < 0 ? -1 : 0;
	}
	double low = prev->bottom - 0.3 * fsize;
	double step = base - (low > prev_base ? low : prev_base);
	Py_ssize_t ncur = PyList_GET_SIZE(cur->lines);
	if (cur->legal != Py_None) {
		int same_page = PyObject_RichCompareBool(prev_page, ln_page, Py_EQ);
		if (same_page < 0)
			return -1;
		int near = same_page && 0 < step && step <= 2.2 * pitch && ncur <= 2;
		if (!near)
			return 0;
		Py_ssize_t words = n_words(ln->text);
		if (words < 0)
			return -1;
		int ln_ends = ends_like(h, H_SENTENCE_END, H_END_CLASSES, ln->text);
		if (ln_ends < 0)
			return -1;
		int shrt = words <= 12 && !ln_ends;
		if (shrt && prev->is_bold && ln->is_bold)
			return 1;
		long name_words = PyLong_AsLong(h[H_NAME_WORDS]);
		if (name_words == -1 && PyErr_Occurred())
			return -1;
		int named = words <= name_words && !ln_ends;
		PyObject *label = PyList_GET_ITEM(cur->lines, 0);
		double lx0, lx1;
		if (get_double(label, S_x0, &lx0) < 0 || get_double(label, S_x1, &lx1) < 0)
			return -1;
		int on_axis = centred(ln, e, fsize, 1.5) || fabs((ln->x0 + ln->x1) - (lx0 + lx1)) <= 2.0 * fsize;
		int titled = 0, below = 0;
		if (near && named) {
			below = legal_bare(h, cur->legal, &titled);
			if (below < 0)
				return -1;
		}
		if (!(near && named && !titled && below && step <= 2.2 * fsize && on_axis))
			return 0;
		if (ncur == 1)
			return centred(prev, pe, fsize, 1.5);
		if (!(ncur == 2 && ln->x1 - ln->x0 < prev->x1 - prev->x0 - 2.0 * fsize && !opens_bracket(ln->text)))
			return 0;
		t = ends_like(h, H_SENTENCE_END, H_END_CLASSES, prev->text);
		return t < 0 ? -1 : !t;
	}
	int other_page = PyObject_RichCompareBool(prev_page, ln_page, Py_NE);
	if (other_page < 0)
		return -1;
	int other_column = 0;
	if (!other_page && (other_column = PyObject_RichCompareBool(pe->column, e->column, Py_NE)) < 0)
		return -1;
	if (other_page || other_column || base < prev_base) {
		double start = start_gap(ln, e, rtl);
		if (cur->kind != KIND_PARAGRAPH)
			return 0;
		t = ends_like(h, H_SENTENCE_END, H_END_CLASSES, prev->text);
		if (t != 0)
			return t < 0 ? -1 : 0;
		return end_gap(prev, pe, rtl) <= pymax(2.0 * fsize, 0.08 * (pe->right - pe->left))
		       && (start < 0.8 * fsize || (cur->note && ncur > 1 && fabs(start - start_gap(prev, pe, rtl)) <= 2.0));
	}
	if (prev->is_bold && ln->is_bold && 0 < step && step <= 1.8 * pitch && ncur <= 3) {
		int ok = all_bold(cur->lines);
		if (ok < 0)
			return -1;
		if (ok && ncur == 1) {
			t = found_stripped(h[H_ANNEX], prev->text, S_strip);
			if (t < 0)
				return -1;
			ok = !t;
		}
		if (ok && centred_pair(prev, pe, ln, e, fsize))
			return 1;
	}
	int kind = cur->kind;
	if (kind == KIND_PARAGRAPH && 0 < step && step <= pitch + 0.8 * fsize) {
		double a = prev->x0 - pe->left, b = ln->x0 - e->left;
		if (!(fabs(prev->x0 - ln->x0) <= 0.8 * fsize && (!(b < a) ? a : b) <= 0.3 * fsize)) {
			t = same_axis(h, prev, pe, ln, e, fsize, fsize_obj);
			if (t != 0)
				return t;
		}
	}
	if (!(0 < step && step <= pitch + 0.45 * fsize))
		return 0;
	if (kind == KIND_HEADING) {
		t = PyObject_RichCompareBool(prev->bold, ln->bold, Py_EQ);
		if (t <= 0)
			return t;
		if (ncur == 1) {
			t = found_stripped(h[H_ANNEX], prev->text, S_strip);
			return t < 0 ? -1 : !t;
		}
		return 1;
	}
	if (kind == KIND_ITEM) {
		if (ln->is_bold && !prev->is_bold) {
			int has;
			Py_UCS4 c = first_char(ln->text, &has);
			if (!(has && Py_UNICODE_ISLOWER(c)))
				return 0;
		}
		double gap = start_gap(ln, e, rtl);
		t = ended(h, prev, pe, fsize, fsize_obj, rtl, rtl_obj, stops, ln);
		if (t != 0)
			return t < 0 ? -1 : 0;
		return gap > cur->indent + 2 || fabs(gap - start_gap(prev, pe, rtl)) <= 2.0 || gap < 0.8 * fsize;
	}
	t = ended(h, prev, pe, fsize, fsize_obj, rtl, rtl_obj, stops, ln);
	if (t != 0)
		return t < 0 ? -1 : 0;
	double indent = rtl ? e->right - ln->x1 : ln->x0 - e->left;
	if (indent > (rtl ? pe->right - prev->x1 : prev->x0 - pe->left) + 0.8 * fsize && !(nxt != NULL && fabs(start_gap(nxt, e, rtl) - indent) < 2.0)
	    && !(cur->note && ncur == 1))
		return 0;
	if (prev->is_bold && !ln->is_bold) {
		int ok = all_bold(cur->lines);
		if (ok < 0)
			return -1;
		if (ok && ncur <= 2 && end_gap(prev, pe, rtl) > 2.0 * fsize)
			return 0;
	}
	return 1;
}

/* ---- the loop: pdf_blocks._group_pages ---- */

typedef struct {
	Cur cur;
	int has_prev;
	Line prev;
	PyObject *psize, *prtl, *ppage; /* prev_f's size, rtl and page (new references) */
	double psize_d, pbase;
	Edge pedge;
} State;

static void state_reset(State *st) {
	Py_CLEAR(st->cur.obj);
	st->cur.lines = NULL;
	st->cur.legal = NULL;
	if (st->has_prev) {
		line_clear(&st->prev);
		Py_CLEAR(st->psize);
		Py_CLEAR(st->prtl);
		Py_CLEAR(st->ppage);
	}
	st->has_prev = 0;
}

static int append_table(PyObject **h, PyObject *groups, PyObject *table, State *st) {
	PyObject *g = new_group(h[H_GROUP], K_table, NULL, NULL, NULL, NULL, NULL, table, NULL, NULL, NULL);
	if (g == NULL)
		return -1;
	int r = PyList_Append(groups, g);
	Py_DECREF(g);
	state_reset(st);
	return r;
}

/* the text after the footnote call (ln.text[len(call):]) */
static PyObject *after_call(PyObject *text, PyObject *call) {
	return PyUnicode_Substring(text, PyUnicode_GET_LENGTH(call), PY_SSIZE_T_MAX);
}

/* getattr(ln, "call", "") when it is a non-empty str, else NULL (no error) ; -1 through *err */
static PyObject *line_call(PyObject *obj, int *err) {
	*err = 0;
	PyObject *c = PyObject_GetAttr(obj, S_call);
	if (c == NULL) {
		if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
			*err = 1;
			return NULL;
		}
		PyErr_Clear();
		return NULL;
	}
	int t = PyObject_IsTrue(c);
	if (t <= 0) {
		Py_DECREF(c);
		if (t < 0)
			*err = 1;
		return NULL;
	}
	if (!PyUnicode_Check(c)) {
		Py_DECREF(c);
		PyErr_SetString(PyExc_TypeError, "a line's footnote call must be a str");
		*err = 1;
		return NULL;
	}
	return c;
}

static int one_line(PyObject **h, State *st, PyObject *groups, PyObject *lines_fast, PyObject *edges_fast, Py_ssize_t k, Py_ssize_t n,
                    PyObject *feat, PyObject *stops, PyObject *entries, PyObject *spaced, PyObject *own_body, PyObject *body,
                    PyObject *hsizes, PyObject *pitch_map) {
	PyObject **lines = PySequence_Fast_ITEMS(lines_fast), **edges_of = PySequence_Fast_ITEMS(edges_fast);
	int rc = -1;
	Line ln = {0};
	PyObject *fsize_obj = NULL, *legal = NULL, *marker = NULL, *ppage_new = NULL;
	if (!PyTuple_Check(feat) || PyTuple_GET_SIZE(feat) != 3) {
		PyErr_SetString(PyExc_ValueError, "a line's features must be (size, rtl, baseline)");
		return -1;
	}
	PyObject *size_obj = PyTuple_GET_ITEM(feat, 0), *rtl_obj = PyTuple_GET_ITEM(feat, 1);
	double size = PyFloat_AsDouble(size_obj), base = PyFloat_AsDouble(PyTuple_GET_ITEM(feat, 2));
	if (PyErr_Occurred())
		return -1;
	int rtl = PyObject_IsTrue(rtl_obj), size_true = PyObject_IsTrue(size_obj);
	if (rtl < 0 || size_true < 0)
		return -1;
	double fsize = size_true ? size : 10.0;
	fsize_obj = size_true ? Py_NewRef(size_obj) : PyFloat_FromDouble(10.0);
	if (fsize_obj == NULL)
		return -1;
	int is_heading = PySequence_Contains(hsizes, size_obj);
	if (is_heading < 0)
		goto done;
	if (is_heading && (is_heading = PyObject_RichCompareBool(size_obj, own_body, Py_NE)) < 0)
		goto done;
	if (line_load(&ln, lines[k]) < 0)
		goto done;
	Edge e;
	if (edge_load(&e, edges_of[k]) < 0)
		goto done;
	double width = e.right - e.left;
	/* legal = legal_heading(text) if LEGAL_HINT.match(text) else None */
	int t = found(h[H_LEGAL_HINT], ln.text);
	if (t < 0)
		goto done;
	legal = t ? PyObject_CallOneArg(h[H_LEGAL_HEADING], ln.text) : Py_NewRef(Py_None);
	if (legal == NULL)
		goto done;
	if (legal != Py_None && !ln.is_bold) {
		PyObject *title = PyObject_GetAttr(legal, S_title);
		if (title == NULL)
			goto done;
		int titled = PyObject_IsTrue(title);
		int drop = 0;
		if (titled > 0) {
			drop = end_gap(&ln, &e, rtl) <= pymax(2.0 * fsize, 0.08 * width);
			if (!drop)
				drop = call_truth(h[H_RUN_IN], title);
		}
		Py_DECREF(title);
		if (titled < 0 || drop < 0)
			goto done;
		if (drop)
			Py_SETREF(legal, Py_NewRef(Py_None));
	}
	/* marker */
	int legal_true = PyObject_IsTrue(legal);
	if (legal_true < 0)
		goto done;
	marker = Py_NewRef(Py_None);
	if (!is_heading && !legal_true) {
		Py_ssize_t len = PyUnicode_GET_LENGTH(ln.text);
		int sign = 0;
		if (len > 0) {
			Py_UCS4 c0 = PyUnicode_READ_CHAR(ln.text, 0);
			Py_ssize_t at = PyUnicode_FindChar(h[H_BULLET_FIRST], c0, 0, PyUnicode_GET_LENGTH(h[H_BULLET_FIRST]), 1);
			if (at == -2)
				goto done;
			sign = at >= 0;
			for (Py_ssize_t i = 0; !sign && i < len && i < 4; i++) {
				Py_UCS4 c = PyUnicode_READ_CHAR(ln.text, i);
				sign = c == '.' || c == ')' || c == '-';
			}
		}
		if (sign && !(ln.is_bold && centred(&ln, &e, fsize, 1.5) && ln.x1 - ln.x0 < 0.75 * width)) {
			double body_d = PyFloat_AsDouble(body);
			if (body_d == -1.0 && PyErr_Occurred())
				goto done;
			int apart = ln.is_bold || size < 0.95 * body_d;
			if (!apart) {
				PyObject *b = PyObject_GetAttr(ln.obj, S_baseline);
				if (b == NULL) {
					if (!PyErr_ExceptionMatches(PyExc_AttributeError))
						goto done;
					PyErr_Clear();
					apart = 1;
				} else
					Py_DECREF(b);
			}
			PyObject *args[2] = {ln.text, apart ? Py_True : Py_False};
			Py_SETREF(marker, PyObject_Vectorcall(h[H_MARKER], args, 2, NULL));
			if (marker == NULL)
				goto done;
		}
	}
	/* does the line go on the block before? */
	int cont = 0;
	Cur *cur = &st->cur;
	int in_entries = 0;
	if (PySet_GET_SIZE(entries) > 0) {
		PyObject *key = PyLong_FromSsize_t(k);
		if (key == NULL)
			goto done;
		in_entries = PySet_Contains(entries, key);
		Py_DECREF(key);
		if (in_entries < 0)
			goto done;
	}
	if (in_entries && cur->obj != NULL && cur->kind == KIND_PARAGRAPH && marker == Py_None && legal == Py_None) {
		cont = 1;
	} else if (cur->obj != NULL && st->has_prev && marker == Py_None && legal == Py_None) {
		int sizes = st->psize_d == size || same_size(st->psize_d, size);
		if (!sizes && cur->legal != Py_None && PyList_GET_SIZE(cur->lines) == 1) { /* _bare_unit(cur) */
			int titled = 0;
			int below = legal_bare(h, cur->legal, &titled);
			if (below < 0)
				goto done;
			sizes = !titled && below;
		}
		if (!sizes && cur->kind != KIND_HEADING) {
			PyObject *gap = PyFloat_FromDouble(end_gap(&st->prev, &st->pedge, rtl));
			if (gap == NULL)
				goto done;
			PyObject *args[5] = {st->prev.obj, ln.obj, st->psize, size_obj, gap};
			sizes = call_truth_args(h[H_SIZE_WOBBLE], args, 5);
			Py_DECREF(gap);
			if (sizes < 0)
				goto done;
		}
		int go = sizes;
		if (go && (go = PyObject_RichCompareBool(st->prtl, rtl_obj, Py_EQ)) < 0)
			goto done;
		if (go)
			go = cur->legal != Py_None || (cur->kind == KIND_HEADING) == is_heading || !(st->prev.is_bold || ln.is_bold);
		if (go) {
			/* step = (spaced.get((edges.column, size, rtl)) if spaced else None) or pitch.get((size, rtl), 1.25 * fsize) */
			double step = 0.0;
			int have = 0;
			if (PyDict_GET_SIZE(spaced) > 0) {
				PyObject *key = PyTuple_Pack(3, e.column, size_obj, rtl_obj);
				if (key == NULL)
					goto done;
				PyObject *v = PyDict_GetItemWithError(spaced, key);
				Py_DECREF(key);
				if (v == NULL && PyErr_Occurred())
					goto done;
				if (v != NULL) {
					int vt = PyObject_IsTrue(v);
					if (vt < 0)
						goto done;
					if (vt) {
						step = PyFloat_AsDouble(v);
						if (step == -1.0 && PyErr_Occurred())
							goto done;
						have = 1;
					}
				}
			}
			if (!have) {
				PyObject *key = PyTuple_Pack(2, size_obj, rtl_obj);
				if (key == NULL)
					goto done;
				PyObject *v = PyDict_GetItemWithError(pitch_map, key);
				Py_DECREF(key);
				if (v == NULL && PyErr_Occurred())
					goto done;
				if (v != NULL) {
					step = PyFloat_AsDouble(v);
					if (step == -1.0 && PyErr_Occurred())
						goto done;
				} else
					step = 1.25 * fsize;
			}
			Line nxt = {0};
			int has_nxt = 0;
			if (k + 1 < n) {
				PyObject *col = PyObject_GetAttr(edges_of[k + 1], S_column);
				if (col == NULL)
					goto done;
				has_nxt = PyObject_RichCompareBool(col, e.column, Py_EQ);
				Py_DECREF(col);
				if (has_nxt < 0)
					goto done;
				if (has_nxt && (get_double(lines[k + 1], S_x0, &nxt.x0) < 0 || get_double(lines[k + 1], S_x1, &nxt.x1) < 0))
					goto done;
			}
			PyObject *ln_page = PyObject_GetAttr(ln.obj, S_page);
			if (ln_page == NULL)
				goto done;
			cont = continues(h, cur, &st->prev, st->pbase, st->ppage, &st->pedge, &ln, ln_page, base, &e, fsize, fsize_obj, rtl, rtl_obj,
			                 step, has_nxt ? &nxt : NULL, stops);
			Py_DECREF(ln_page);
			if (cont < 0)
				goto done;
		}
	}
	if (cont && cur->obj != NULL) {
		int err;
		PyObject *call = line_call(ln.obj, &err);
		if (err)
			goto done;
		if (call != NULL) {
			PyObject *rest = after_call(ln.text, call);
			int go = rest != NULL ? found(h[H_MONTH_NEXT], rest) : -1;
			if (go == 0) {
				PyObject *pr = PyObject_CallMethodNoArgs(st->prev.text, S_rstrip);
				go = pr != NULL ? found(h[H_NUMBER_NEXT], pr) : -1;
				Py_XDECREF(pr);
				if (go == 0) {
					/* a footnote call that the line break carried to this line's start: a note mark on the line before */
					go = line_retext(&ln, h[H_WITH_TEXT], rest) < 0 ? -1 : 1;
					PyObject *last = go > 0 ? PyList_GET_ITEM(cur->lines, PyList_GET_SIZE(cur->lines) - 1) : NULL;
					PyObject *last_text = last ? PyObject_GetAttr(last, S_text) : NULL;
					PyObject *mark = last_text ? PyObject_CallMethodNoArgs(call, S_strip) : NULL;
					PyObject *joined = mark ? PyUnicode_FromFormat("%S[%S]", last_text, mark) : NULL;
					PyObject *moved = joined ? PyObject_CallFunctionObjArgs(h[H_WITH_TEXT], last, joined, NULL) : NULL;
					Py_XDECREF(last_text);
					Py_XDECREF(mark);
					Py_XDECREF(joined);
					if (moved == NULL || PyList_SetItem(cur->lines, PyList_GET_SIZE(cur->lines) - 1, moved) < 0)
						go = -1;
				}
			}
			Py_XDECREF(rest);
			Py_DECREF(call);
			if (go < 0)
				goto done;
		}
		if (PyList_Append(cur->lines, ln.obj) < 0)
			goto done;
	} else {
		PyObject *g = NULL;
		int kind, note = 0;
		double indent = 0.0;
		Py_ssize_t nh = PyList_GET_SIZE(hsizes);
		long max_levels = PyLong_AsLong(h[H_MAX_LEVELS]);
		if (max_levels == -1 && PyErr_Occurred())
			goto done;
		PyObject *bold_level = PyLong_FromLong(max_levels < nh + 1 ? max_levels : (long)(nh + 1));
		if (bold_level == NULL)
			goto done;
		if (legal != Py_None) {
			kind = KIND_HEADING;
			g = new_group(h[H_GROUP], K_heading, size_obj, rtl_obj, NULL, NULL, NULL, NULL, legal, NULL, NULL);
		} else if (is_heading) {
			kind = KIND_HEADING;
			Py_ssize_t at = PySequence_Index(hsizes, size_obj);
			PyObject *level = at < 0 ? NULL : PyLong_FromLong(max_levels < at + 1 ? max_levels : (long)(at + 1));
			if (level != NULL) {
				g = new_group(h[H_GROUP], K_heading, size_obj, rtl_obj, NULL, NULL, level, NULL, NULL, body, bold_level);
				Py_DECREF(level);
			}
		} else if (marker != Py_None) {
			kind = KIND_ITEM;
			PyObject *mtext = NULL, *ordered = NULL;
			if (!PyTuple_Check(marker) || PyTuple_GET_SIZE(marker) != 2)
				PyErr_SetString(PyExc_ValueError, "_marker must return (text, ordered)");
			else {
				mtext = PyTuple_GET_ITEM(marker, 0);
				ordered = PyTuple_GET_ITEM(marker, 1);
				indent = start_gap(&ln, &e, rtl);
				PyObject *ind = PyFloat_FromDouble(indent);
				if (ind != NULL) {
					g = new_group(h[H_GROUP], K_item, size_obj, rtl_obj, ordered, ind, NULL, NULL, NULL, body, bold_level);
					Py_DECREF(ind);
				}
				if (g != NULL && line_retext(&ln, h[H_WITH_TEXT], mtext) < 0)
					Py_CLEAR(g);
			}
		} else {
			kind = KIND_PARAGRAPH;
			g = new_group(h[H_GROUP], K_paragraph, size_obj, rtl_obj, NULL, NULL, NULL, NULL, NULL, body, bold_level);
			int err;
			PyObject *call = g != NULL ? line_call(ln.obj, &err) : NULL;
			if (g != NULL && err)
				Py_CLEAR(g);
			if (call != NULL) {
				/* a footnote's own number, set small: the note's mark */
				PyObject *rest = after_call(ln.text, call);
				int month = rest != NULL ? found(h[H_MONTH_NEXT], rest) : -1;
				if (month == 0) {
					PyObject *mark = PyObject_CallMethodNoArgs(call, S_strip);
					PyObject *tail = mark ? PyObject_CallMethodNoArgs(rest, S_lstrip) : NULL;
					PyObject *joined = tail ? PyUnicode_FromFormat("[%S] %S", mark, tail) : NULL;
					month = joined != NULL && line_retext(&ln, h[H_WITH_TEXT], joined) == 0 && PyObject_SetAttr(g, S_note, Py_True) == 0 ? 0 : -1;
					note = 1;
					Py_XDECREF(mark);
					Py_XDECREF(tail);
					Py_XDECREF(joined);
				}
				Py_XDECREF(rest);
				Py_DECREF(call);
				if (month < 0)
					Py_CLEAR(g);
			}
		}
		Py_DECREF(bold_level);
		if (g == NULL)
			goto done;
		PyObject *glines = PyObject_GetAttr(g, S_lines);
		if (glines == NULL) {
			Py_DECREF(g);
			goto done;
		}
		int ok = PyList_Check(glines) && PyList_Append(glines, ln.obj) == 0;
		if (ok) {
			int flush = end_gap(&ln, &e, rtl) <= 0.5 * fsize && start_gap(&ln, &e, rtl) > 0.4 * width;
			ok = PyObject_SetAttr(g, S_centred, centred(&ln, &e, fsize, 1.5) ? Py_True : Py_False) == 0
			     && PyObject_SetAttr(g, S_flush_end, flush ? Py_True : Py_False) == 0 && PyList_Append(groups, g) == 0;
		}
		if (!ok) {
			Py_DECREF(glines);
			Py_DECREF(g);
			goto done;
		}
		Py_CLEAR(cur->obj);
		cur->obj = g; /* the reference made here */
		cur->lines = glines; /* borrowed: g holds it */
		Py_DECREF(glines);
		cur->legal = legal; /* borrowed: g holds it */
		cur->kind = kind;
		cur->note = note;
		cur->indent = indent;
	}
	/* prev, prev_f = ln, (size, rtl, base, ln.page, edges) */
	ppage_new = PyObject_GetAttr(ln.obj, S_page);
	if (ppage_new == NULL)
		goto done;
	if (st->has_prev) {
		line_clear(&st->prev);
		Py_CLEAR(st->psize);
		Py_CLEAR(st->prtl);
		Py_CLEAR(st->ppage);
	}
	line_copy(&st->prev, &ln);
	st->psize = Py_NewRef(size_obj);
	st->prtl = Py_NewRef(rtl_obj);
	st->ppage = ppage_new;
	ppage_new = NULL;
	st->psize_d = size;
	st->pbase = base;
	st->pedge = e;
	st->has_prev = 1;
	rc = 0;
done:
	line_clear(&ln);
	Py_XDECREF(fsize_obj);
	Py_XDECREF(legal);
	Py_XDECREF(marker);
	Py_XDECREF(ppage_new);
	return rc;
}

static int classes_ok(PyObject *c) {
	return c == Py_None || (PyTuple_Check(c) && PyTuple_GET_SIZE(c) == 2 && PyUnicode_Check(PyTuple_GET_ITEM(c, 0)) && PyUnicode_Check(PyTuple_GET_ITEM(c, 1)));
}

static PyObject *group_pages(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 4) {
		PyErr_SetString(PyExc_TypeError, "group_pages(prepared, groups, pitch, hooks)");
		return NULL;
	}
	PyObject *prepared = args[0], *groups = args[1], *pitch_map = args[2], *hooks = args[3];
	if (!PyList_Check(groups) || !PyDict_Check(pitch_map) || !PyTuple_Check(hooks) || PyTuple_GET_SIZE(hooks) != H_COUNT
	    || !PyUnicode_Check(PyTuple_GET_ITEM(hooks, H_BULLET_FIRST)) || !PyType_Check(PyTuple_GET_ITEM(hooks, H_GROUP))
	    || !classes_ok(PyTuple_GET_ITEM(hooks, H_END_CLASSES)) || !classes_ok(PyTuple_GET_ITEM(hooks, H_STOP_CLASSES))) {
		PyErr_SetString(PyExc_TypeError, "group_pages: groups must be a list, pitch a dict, hooks pdf_blocks._HOOKS");
		return NULL;
	}
	PyObject **h = &PyTuple_GET_ITEM(hooks, 0);
	PyObject *pages = PySequence_Fast(prepared, "prepared must be a sequence");
	if (pages == NULL)
		return NULL;
	State st;
	memset(&st, 0, sizeof st);
	int ok = 1;
	for (Py_ssize_t p = 0; ok && p < PySequence_Fast_GET_SIZE(pages); p++) {
		PyObject *page = PySequence_Fast_GET_ITEM(pages, p);
		if (!PyTuple_Check(page) || PyTuple_GET_SIZE(page) != 10) {
			PyErr_SetString(PyExc_ValueError, "a prepared page has ten parts");
			ok = 0;
			break;
		}
		PyObject *stops = PyTuple_GET_ITEM(page, 3), *entries = PyTuple_GET_ITEM(page, 4), *pending = PyTuple_GET_ITEM(page, 5),
		         *spaced = PyTuple_GET_ITEM(page, 6), *own_body = PyTuple_GET_ITEM(page, 7), *body = PyTuple_GET_ITEM(page, 8),
		         *hsizes = PyTuple_GET_ITEM(page, 9);
		if (!PyAnySet_Check(entries) || !PyList_Check(pending) || !PyDict_Check(spaced) || !PyList_Check(hsizes)) {
			PyErr_SetString(PyExc_TypeError, "a prepared page's entries, slots, pitches and heading sizes: set, list, dict, list");
			ok = 0;
			break;
		}
		PyObject *lines = PySequence_Fast(PyTuple_GET_ITEM(page, 0), "a page's lines must be a sequence");
		PyObject *edges = lines ? PySequence_Fast(PyTuple_GET_ITEM(page, 1), "a page's edges must be a sequence") : NULL;
		PyObject *feats = edges ? PySequence_Fast(PyTuple_GET_ITEM(page, 2), "a page's features must be a sequence") : NULL;
		if (feats == NULL) {
			Py_XDECREF(lines);
			Py_XDECREF(edges);
			ok = 0;
			break;
		}
		Py_ssize_t n = PySequence_Fast_GET_SIZE(lines);
		if (PySequence_Fast_GET_SIZE(edges) != n || PySequence_Fast_GET_SIZE(feats) != n) {
			PyErr_SetString(PyExc_ValueError, "a page's lines, edges and features differ in number");
			ok = 0;
		}
		Py_ssize_t next_slot = 0, n_slots = PyList_GET_SIZE(pending);
		for (Py_ssize_t k = 0; ok && k < n; k++) {
			while (ok && next_slot < n_slots) {
				PyObject *slot = PyList_GET_ITEM(pending, next_slot);
				if (!PyTuple_Check(slot) || PyTuple_GET_SIZE(slot) != 2) {
					PyErr_SetString(PyExc_ValueError, "a table slot is (index, table)");
					ok = 0;
					break;
				}
				PyObject *key = PyLong_FromSsize_t(k);
				int before = key ? PyObject_RichCompareBool(PyTuple_GET_ITEM(slot, 0), key, Py_LE) : -1;
				Py_XDECREF(key);
				if (before < 0) {
					ok = 0;
					break;
				}
				if (!before)
					break;
				next_slot++;
				if (append_table(h, groups, PyTuple_GET_ITEM(slot, 1), &st) < 0)
					ok = 0;
			}
			if (ok && one_line(h, &st, groups, lines, edges, k, n, PySequence_Fast_GET_ITEM(feats, k), stops, entries, spaced, own_body,
			                   body, hsizes, pitch_map) < 0)
				ok = 0;
		}
		for (; ok && next_slot < n_slots; next_slot++) {
			PyObject *slot = PyList_GET_ITEM(pending, next_slot);
			if (!PyTuple_Check(slot) || PyTuple_GET_SIZE(slot) != 2) {
				PyErr_SetString(PyExc_ValueError, "a table slot is (index, table)");
				ok = 0;
			} else if (append_table(h, groups, PyTuple_GET_ITEM(slot, 1), &st) < 0)
				ok = 0;
		}
		Py_DECREF(lines);
		Py_DECREF(edges);
		Py_DECREF(feats);
	}
	state_reset(&st);
	Py_DECREF(pages);
	if (!ok)
		return NULL;
	Py_RETURN_NONE;
}


/* ---- pdf_block_runs.entry_runs' first test: is there a run of ``run`` lines, one after the other, each of at most
 * ``chars`` characters and of 1 to ``words`` words (len(t.split(None, words)) in 1..words)? ---- */

static PyObject *short_run(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 4) {
		PyErr_SetString(PyExc_TypeError, "short_run(lines, chars, words, run)");
		return NULL;
	}
	Py_ssize_t chars = PyLong_AsSsize_t(args[1]), words = PyLong_AsSsize_t(args[2]), run = PyLong_AsSsize_t(args[3]);
	if (PyErr_Occurred())
		return NULL;
	PyObject *lines = PySequence_Fast(args[0], "lines must be a sequence");
	if (lines == NULL)
		return NULL;
	Py_ssize_t n = PySequence_Fast_GET_SIZE(lines), have = 0;
	int found_run = run <= 0;
	for (Py_ssize_t k = 0; !found_run && k < n; k++) {
		PyObject *text = PyObject_GetAttr(PySequence_Fast_GET_ITEM(lines, k), S_text);
		if (text == NULL) {
			Py_DECREF(lines);
			return NULL;
		}
		if (!PyUnicode_Check(text)) {
			Py_DECREF(text);
			Py_DECREF(lines);
			PyErr_SetString(PyExc_TypeError, "a line's text must be a str");
			return NULL;
		}
		Py_ssize_t len = PyUnicode_GET_LENGTH(text), count = 0;
		int ok = len <= chars;
		if (ok) {
			int kind = PyUnicode_KIND(text), in_word = 0;
			const void *data = PyUnicode_DATA(text);
			for (Py_ssize_t i = 0; i < len && count <= words; i++) {
				int space = Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i));
				if (!space && !in_word)
					count++;
				in_word = !space;
			}
			ok = count > 0 && count <= words;
		}
		Py_DECREF(text);
		have = ok ? have + 1 : 0;
		found_run = have >= run;
	}
	Py_DECREF(lines);
	return PyBool_FromLong(found_run);
}

/* ---- pdf_block_sizes._pitches: the usual baseline step per (size, direction) ---- */

static PyObject *pitches(PyObject *self, PyObject *feats_arg) {
	(void)self;
	PyObject *pages = PySequence_Fast(feats_arg, "feats must be a sequence");
	if (pages == NULL)
		return NULL;
	PyObject *steps = PyDict_New(), *out = NULL;
	if (steps == NULL)
		goto done;
	for (Py_ssize_t p = 0; p < PySequence_Fast_GET_SIZE(pages); p++) {
		PyObject *fs = PySequence_Fast(PySequence_Fast_GET_ITEM(pages, p), "a page's features must be a sequence");
		if (fs == NULL)
			goto done;
		Py_ssize_t n = PySequence_Fast_GET_SIZE(fs);
		int bad = 0;
		for (Py_ssize_t k = 0; !bad && k + 1 < n; k++) {
			PyObject *a = PySequence_Fast_GET_ITEM(fs, k), *b = PySequence_Fast_GET_ITEM(fs, k + 1);
			if (!PyTuple_Check(a) || PyTuple_GET_SIZE(a) != 3 || !PyTuple_Check(b) || PyTuple_GET_SIZE(b) != 3) {
				PyErr_SetString(PyExc_ValueError, "a line's features must be (size, rtl, baseline)");
				bad = 1;
				break;
			}
			int ne = PyObject_RichCompareBool(PyTuple_GET_ITEM(a, 0), PyTuple_GET_ITEM(b, 0), Py_NE);
			if (ne == 0)
				ne = PyObject_RichCompareBool(PyTuple_GET_ITEM(a, 1), PyTuple_GET_ITEM(b, 1), Py_NE);
			if (ne < 0) {
				bad = 1;
				break;
			}
			if (ne)
				continue;
			double ba = PyFloat_AsDouble(PyTuple_GET_ITEM(a, 2)), bb = PyFloat_AsDouble(PyTuple_GET_ITEM(b, 2));
			double sa = PyFloat_AsDouble(PyTuple_GET_ITEM(a, 0));
			int sa_true = PyObject_IsTrue(PyTuple_GET_ITEM(a, 0));
			if (PyErr_Occurred() || sa_true < 0) {
				bad = 1;
				break;
			}
			double d = bb - ba, size = sa_true ? sa : 10.0;
			if (!(0.9 * size <= d && d <= 3.0 * size))
				continue;
			PyObject *key = PyTuple_Pack(2, PyTuple_GET_ITEM(a, 0), PyTuple_GET_ITEM(a, 1));
			PyObject *fresh = key ? PyList_New(0) : NULL;
			PyObject *vals = fresh ? PyDict_SetDefault(steps, key, fresh) : NULL; /* borrowed */
			PyObject *dv = vals ? PyFloat_FromDouble(d) : NULL;
			if (dv == NULL || PyList_Append(vals, dv) < 0)
				bad = 1;
			Py_XDECREF(dv);
			Py_XDECREF(fresh);
			Py_XDECREF(key);
		}
		Py_DECREF(fs);
		if (bad)
			goto done;
	}
	out = PyDict_New();
	if (out == NULL)
		goto done;
	Py_ssize_t pos = 0;
	PyObject *key, *vals;
	while (PyDict_Next(steps, &pos, &key, &vals)) {
		if (PyList_Sort(vals) < 0) {
			Py_CLEAR(out);
			goto done;
		}
		Py_ssize_t m = PyList_GET_SIZE(vals), at = 0;
		if (m >= 4)
			at = m / 4 - 1 > 0 ? m / 4 - 1 : 0;
		if (PyDict_SetItem(out, key, PyList_GET_ITEM(vals, at)) < 0) {
			Py_CLEAR(out);
			goto done;
		}
	}
done:
	Py_XDECREF(steps);
	Py_DECREF(pages);
	return out;
}

static PyMethodDef group_methods[] = {
    {"group_pages", (PyCFunction)(void (*)(void))group_pages, METH_FASTCALL,
     "group_pages(prepared, groups, pitch, hooks) -> None (pdf_blocks._group_pages)"},
    {"short_run", (PyCFunction)(void (*)(void))short_run, METH_FASTCALL,
     "short_run(lines, chars, words, run) -> bool (pdf_block_runs.entry_runs' first test)"},
    {"pitches", (PyCFunction)pitches, METH_O, "pitches(feats) -> {(size, rtl): step} (pdf_block_sizes._pitches)"},
    {"ends_like", (PyCFunction)(void (*)(void))py_ends_like, METH_FASTCALL,
     "ends_like(text, punct, closers) -> bool: [punct]\\s*[closers]*$ found in text"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef group_module = {
    PyModuleDef_HEAD_INIT, "_group", "The PDF grouping's per-line loop (optional).", -1, group_methods, NULL, NULL, NULL, NULL,
};

#define INTERN(var, s)                                  \
	do {                                                \
		if ((var = PyUnicode_InternFromString(s)) == NULL) \
			return NULL;                                \
	} while (0)

PyMODINIT_FUNC PyInit__group(void) {
	INTERN(S_text, "text");
	INTERN(S_x0, "x0");
	INTERN(S_x1, "x1");
	INTERN(S_bottom, "bottom");
	INTERN(S_bold, "bold");
	INTERN(S_page, "page");
	INTERN(S_left, "left");
	INTERN(S_right, "right");
	INTERN(S_column, "column");
	INTERN(S_call, "call");
	INTERN(S_baseline, "baseline");
	INTERN(S_title, "title");
	INTERN(S_rank, "rank");
	INTERN(S_kind, "kind");
	INTERN(S_lines, "lines");
	INTERN(S_size, "size");
	INTERN(S_rtl, "rtl");
	INTERN(S_ordered, "ordered");
	INTERN(S_indent, "indent");
	INTERN(S_level, "level");
	INTERN(S_table, "table");
	INTERN(S_legal, "legal");
	INTERN(S_centred, "centred");
	INTERN(S_flush_end, "flush_end");
	INTERN(S_body, "body");
	INTERN(S_bold_level, "bold_level");
	INTERN(S_note, "note");
	INTERN(S_strip, "strip");
	INTERN(S_lstrip, "lstrip");
	INTERN(S_rstrip, "rstrip");
	INTERN(K_heading, "heading");
	INTERN(K_paragraph, "paragraph");
	INTERN(K_item, "item");
	INTERN(K_table, "table");
	INTERN(EMPTY, "");
	if ((EMPTY_TUPLE = PyTuple_New(0)) == NULL)
		return NULL;
	return PyModule_Create(&group_module);
}
