/*
 * Taysir: the per-line pdfium queries of one PDF page in one native call.
 *
 * pieces(functions, textpage, text, height)
 *     pdf_text.page_lines asks pdfium, for every line of a page, for its rectangles, the font
 *     size and font name of a character inside it and two character origins (the baseline).
 *     Made from Python, each query is a ctypes call with its argument handling; here the
 *     whole page is walked in C with the same pdfium functions (their addresses are given
 *     by the caller, taken from the library pypdfium2 loaded: no second copy of pdfium).
 *
 *     functions: (CountRects, GetRect, GetFontSize, GetMatrix, GetFontInfo, GetCharOrigin)
 *     addresses; textpage: the FPDF_TEXTPAGE handle as an integer; text: the page's
 *     characters (pdf_text.page_text: one str character per text-page index, pdfium's
 *     generated "\r\n" between lines); height: the page height.
 *
 *     Returns (pieces, styles), one entry per non-blank line (text cut at "\r\n") that has
 *     rectangles, exactly as pdf_text._pieces_py and _style_py compute them:
 *       piece: (text, start, rects [(left, top, right, bottom)], x0, top, x1, bottom)
 *       style: (size, font name bytes or b"", font flags, mid, baseline)
 *     The GIL is held (pdfium is not thread-safe; the calls are short).
 *
 * loose_boxes(GetLooseCharBox, textpage, start, count, rect)
 *     [(left, right)] of the loose boxes of the characters [start, start + count), as
 *     pdf_text.TextPageCalls.char_box reads them one ctypes call at a time; ``rect`` is the
 *     address of that FS_RECTF out-parameter, written here in the same way (a character
 *     pdfium has no box for keeps the values before it, as in Python).
 *
 * line_features(lines, slow)
 *     pdf_block_sizes._features of one page: (rounded size, right to left, baseline) of every line,
 *     read once for the grouping. A line whose attributes are not the usual ones (a size that is no
 *     finite float, no ``rtl`` bool, no non-zero float ``baseline``: OCR'd lines, odd values) is
 *     given to ``slow`` (pdf_block_sizes._feature, the Python reference), so every line gets
 *     exactly what Python computes.
 *
 * text_objects(functions, page)
 *     the page's text objects with ink (and those of its forms one level down) as pdf_kashida._walk lists them.
 *
 * tight_boxes(GetCharBox, textpage, indices)
 *     [(left, bottom, right, top) or None] of the tight boxes of the characters at ``indices``, as
 *     textpage.get_charbox reads them (None where it raises): the kashida mend's boxes in one call.
 *
 * thin_rules(functions, page, height, rule, dark_luma, max_objects)
 *     pdf_underlines._thin_rules_py in one call: (y from the top, left, right) of the page's dark path
 *     objects at most ``rule`` high and more than twice ``rule`` wide, in the page's object order
 *     (the caller sorts them), or [] on a page of more than ``max_objects`` objects. functions:
 *     (CountObjects, GetObject, GetType, GetBounds, Path_GetDrawMode, GetFillColor, GetStrokeColor)
 *     addresses; page: the FPDF_PAGE handle as an integer. The ink is pdf_tables._Ink's: a path
 *     without a draw mode is dark; else its stroke colour if stroked, then (not dark yet) its fill
 *     colour if filled, each shade read as _Ink._shade reads it (all in doubles, as Python does).
 *
 * pdf_text.py keeps the Python version of the same steps (used when this optional
 * extension is not built, and as the reference in tests/ingest/test_chars_native.py).
 *
 * The table finder's steps (glyphs, path_boxes, place, plain: described where they are defined) have
 * their Python versions in pdf_table_cells.py, pdf_tables.py and pdf_table_grid.py, compared in
 * tests/ingest/test_table_cells_native.py and test_table_finder_speed.py.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>

typedef struct {
	float a, b, c, d, e, f;
} fs_matrix;

typedef int (*count_rects_fn)(void *, int, int);
typedef int (*get_rect_fn)(void *, int, double *, double *, double *, double *);
typedef double (*font_size_fn)(void *, int);
typedef int (*matrix_fn)(void *, int, fs_matrix *);
typedef unsigned long (*font_info_fn)(void *, int, void *, unsigned long, int *);
typedef int (*origin_fn)(void *, int, double *, double *);

typedef struct {
	count_rects_fn count_rects;
	get_rect_fn get_rect;
	font_size_fn font_size;
	matrix_fn matrix;
	font_info_fn font_info;
	origin_fn origin;
	void *tp;
	double ox, oy; /* out-parameters of GetCharOrigin and GetFontInfo, kept between calls as the */
	int flags;     /* Python code keeps them (pdfium leaves them alone when it has no answer) */
} page_calls;

static double origin_y(page_calls *pc, int index) {
	pc->origin(pc->tp, index, &pc->ox, &pc->oy);
	return pc->oy;
}

/* rectangles of the characters [start, start + count); NULL on a Python error */
static PyObject *piece_rects(page_calls *pc, int start, int count, double *box) {
	int n = pc->count_rects(pc->tp, start, count);
	PyObject *rects = PyList_New(0);
	if (rects == NULL)
		return NULL;
	double l = 0, t = 0, r = 0, b = 0;
	for (int k = 0; k < n; k++) {
		pc->get_rect(pc->tp, k, &l, &t, &r, &b);
		if (!(r > l))
			continue;
		if (PyList_GET_SIZE(rects) == 0) {
			box[0] = l, box[1] = t, box[2] = r, box[3] = b;
		} else {
			if (l < box[0])
				box[0] = l;
			if (r > box[2])
				box[2] = r;
			if (t > box[1])
				box[1] = t;
			if (b < box[3])
				box[3] = b;
		}
		PyObject *rect = Py_BuildValue("(dddd)", l, t, r, b);
		if (rect == NULL || PyList_Append(rects, rect) < 0) {
			Py_XDECREF(rect);
			Py_DECREF(rects);
			return NULL;
		}
		Py_DECREF(rect);
	}
	return rects;
}

/* font size as printed at `index` (pdf_text.TextPageCalls.font_style, without boldness) */
static double printed_size(page_calls *pc, int index, double height) {
	double size = pc->font_size(pc->tp, index);
	fs_matrix m;
	if ((height > 2.0 * size || height < 0.4 * size) && pc->matrix(pc->tp, index, &m)) {
		double a = m.a, b = m.b, c = m.c, d = m.d;
		double scale = pow(fabs(a * d - b * c), 0.5);
		if (scale > 0)
			size *= scale;
	}
	return size;
}


/* The pdfium function addresses a tuple holds (ints from ctypes), in order; -1 with an exception set when one is null. */
static int read_addresses(PyObject *tuple, void **fns, int n) {
	for (int k = 0; k < n; k++) {
		fns[k] = PyLong_AsVoidPtr(PyTuple_GET_ITEM(tuple, k));
		if (fns[k] == NULL) {
			if (!PyErr_Occurred())
				PyErr_SetString(PyExc_ValueError, "null pdfium function address");
			return -1;
		}
	}
	return 0;
}

static PyObject *chars_pieces(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 4 || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != 6 || !PyUnicode_Check(args[2])) {
		PyErr_SetString(PyExc_TypeError, "pieces(functions: 6 addresses, textpage, text, height)");
		return NULL;
	}
	page_calls pc;
	void *fns[6];
	if (read_addresses(args[0], fns, 6) < 0)
		return NULL;
	pc.count_rects = (count_rects_fn)fns[0];
	pc.get_rect = (get_rect_fn)fns[1];
	pc.font_size = (font_size_fn)fns[2];
	pc.matrix = (matrix_fn)fns[3];
	pc.font_info = (font_info_fn)fns[4];
	pc.origin = (origin_fn)fns[5];
	pc.tp = PyLong_AsVoidPtr(args[1]);
	if (pc.tp == NULL) {
		if (!PyErr_Occurred())
			PyErr_SetString(PyExc_ValueError, "null text page");
		return NULL;
	}
	pc.ox = pc.oy = 0.0;
	pc.flags = 0;
	double height = PyFloat_AsDouble(args[3]);
	if (height == -1.0 && PyErr_Occurred())
		return NULL;
	PyObject *text = args[2];
	int kind = PyUnicode_KIND(text);
	const void *data = PyUnicode_DATA(text);
	Py_ssize_t len = PyUnicode_GET_LENGTH(text);

	PyObject *pieces = PyList_New(0), *styles = PyList_New(0);
	if (pieces == NULL || styles == NULL)
		goto fail;
	char name[128];
	Py_ssize_t pos = 0;
	while (pos <= len) {
		/* the next piece: up to the next "\r\n" (str.split("\r\n")) */
		Py_ssize_t end = pos;
		while (end < len && !(PyUnicode_READ(kind, data, end) == '\r' && end + 1 < len && PyUnicode_READ(kind, data, end + 1) == '\n'))
			end++;
		Py_ssize_t start = pos, plen = end - pos;
		pos = end + 2;
		Py_ssize_t lead = 0;
		while (lead < plen && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, start + lead)))
			lead++;
		if (lead == plen) /* empty or blank */
			continue;
		double box[4] = {0, 0, 0, 0};
		PyObject *rects = piece_rects(&pc, (int)start, (int)plen, box);
		if (rects == NULL)
			goto fail;
		if (PyList_GET_SIZE(rects) == 0) {
			Py_DECREF(rects);
			continue;
		}
		/* the style of a character inside the line (the first may be a footnote mark or a bullet) */
		Py_ssize_t mid = start + plen / 2;
		while (mid > start && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, mid)))
			mid--;
		double size = printed_size(&pc, (int)mid, box[1] - box[3]);
		unsigned long n = pc.font_info(pc.tp, (int)mid, name, sizeof name, &pc.flags);
		PyObject *font = (n > 0 && n <= sizeof name) ? PyBytes_FromStringAndSize(name, (Py_ssize_t)strnlen(name, sizeof name))
		                                             : PyBytes_FromStringAndSize("", 0);
		/* the baseline: that of the first character unless it is smaller or not a letter or digit
		   (pdf_text._baseline) */
		Py_ssize_t first = start + lead;
		double y_mid = origin_y(&pc, (int)mid), baseline = height - y_mid;
		if (first < mid) {
			double y_first = origin_y(&pc, (int)first);
			if (y_first != y_mid && Py_UNICODE_ISALNUM(PyUnicode_READ(kind, data, first)) &&
			    !(pc.font_size(pc.tp, (int)first) < 0.75 * pc.font_size(pc.tp, (int)mid)))
				baseline = height - y_first;
		}
		PyObject *ptext = PyUnicode_Substring(text, start, end);
		if (ptext == NULL || font == NULL) {
			Py_XDECREF(ptext);
			Py_DECREF(rects);
			Py_XDECREF(font);
			goto fail;
		}
		/* "N" hands the references over (released by Py_BuildValue on failure too) */
		PyObject *piece = Py_BuildValue("(NnNdddd)", ptext, start, rects, box[0], box[1], box[2], box[3]);
		if (piece == NULL) {
			Py_DECREF(font);
			goto fail;
		}
		PyObject *style = Py_BuildValue("(dNind)", size, font, pc.flags, mid, baseline);
		if (style == NULL || PyList_Append(pieces, piece) < 0 || PyList_Append(styles, style) < 0) {
			Py_DECREF(piece);
			Py_XDECREF(style);
			goto fail;
		}
		Py_DECREF(piece);
		Py_DECREF(style);
	}
	return Py_BuildValue("(NN)", pieces, styles);
fail:
	Py_XDECREF(pieces);
	Py_XDECREF(styles);
	return NULL;
}

typedef struct {
	float left, top, right, bottom;
} fs_rectf;

typedef int (*loose_fn)(void *, int, fs_rectf *);

static PyObject *chars_loose_boxes(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 5) {
		PyErr_SetString(PyExc_TypeError, "loose_boxes(GetLooseCharBox, textpage, start, count, rect)");
		return NULL;
	}
	loose_fn loose = (loose_fn)PyLong_AsVoidPtr(args[0]);
	void *tp = PyLong_AsVoidPtr(args[1]);
	Py_ssize_t start = PyLong_AsSsize_t(args[2]), count = PyLong_AsSsize_t(args[3]);
	fs_rectf *rect = (fs_rectf *)PyLong_AsVoidPtr(args[4]);
	if (PyErr_Occurred())
		return NULL;
	if (loose == NULL || tp == NULL || rect == NULL || start < 0 || count < 0) {
		PyErr_SetString(PyExc_ValueError, "loose_boxes: null address or negative range");
		return NULL;
	}
	PyObject *out = PyList_New(count);
	if (out == NULL)
		return NULL;
	for (Py_ssize_t k = 0; k < count; k++) {
		loose(tp, (int)(start + k), rect);
		PyObject *pair = Py_BuildValue("(dd)", (double)rect->left, (double)rect->right);
		if (pair == NULL) {
			Py_DECREF(out);
			return NULL;
		}
		PyList_SET_ITEM(out, k, pair);
	}
	return out;
}

typedef int (*tight_fn)(void *, int, double *, double *, double *, double *);

/* tight_boxes(GetCharBox, textpage, indices)
 *     [(left, bottom, right, top)] of the tight boxes of the characters at ``indices`` (a list of ints), as
 *     pypdfium2's textpage.get_charbox reads them one ctypes call at a time (pdfium's argument order is left,
 *     right, bottom, top); None where pdfium has no box for the character (get_charbox raises there). The
 *     kashida mend (pdf_kashida.mend) asks for a few thousand such boxes on a page of justified Arabic. */
static PyObject *chars_tight_boxes(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 3 || !PyList_Check(args[2])) {
		PyErr_SetString(PyExc_TypeError, "tight_boxes(GetCharBox, textpage, indices: list)");
		return NULL;
	}
	tight_fn box = (tight_fn)PyLong_AsVoidPtr(args[0]);
	void *tp = PyLong_AsVoidPtr(args[1]);
	if (PyErr_Occurred())
		return NULL;
	if (box == NULL || tp == NULL) {
		PyErr_SetString(PyExc_ValueError, "tight_boxes: null address");
		return NULL;
	}
	PyObject *indices = args[2];
	Py_ssize_t n = PyList_GET_SIZE(indices);
	PyObject *out = PyList_New(n);
	if (out == NULL)
		return NULL;
	for (Py_ssize_t k = 0; k < n; k++) {
		long i = PyLong_AsLong(PyList_GET_ITEM(indices, k));
		if (i == -1 && PyErr_Occurred()) {
			Py_DECREF(out);
			return NULL;
		}
		double left = 0, right = 0, bottom = 0, top = 0;
		PyObject *item;
		if (i >= INT_MIN && i <= INT_MAX && box(tp, (int)i, &left, &right, &bottom, &top)) {
			item = Py_BuildValue("(dddd)", left, bottom, right, top);
			if (item == NULL) {
				Py_DECREF(out);
				return NULL;
			}
		} else {
			item = Py_NewRef(Py_None);
		}
		PyList_SET_ITEM(out, k, item);
	}
	return out;
}

/* glyphs(GetLooseCharBox, textpage, rect, lines, height)
 *     pdf_table_cells.Glyphs.read's loop over the characters of a table region's lines in one call.
 *     lines: [(k, start, text, mid, bold)] of the lines to read (k: the line's place in the region,
 *     start: its first text-page index, text: its characters as Glyphs.read fetched them, mid: the
 *     middle height Glyphs.read uses for a character without a box, bold: the line's boldness).
 *     Returns the seven lists (idx, ch, x0, x1, cy, line, bold): for every character but "\r" and
 *     "\n", its text-page index, itself, its loose box's left and right, its middle height from the
 *     top (height - (top + bottom) / 2 in doubles, or ``mid`` when the box has no height), k and
 *     the line's bold object. ``rect`` is the address of an FS_RECTF written by each call (a
 *     character pdfium has no box for keeps the values before it, as in Python). */
static PyObject *chars_glyphs(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 5 || !PyList_Check(args[3])) {
		PyErr_SetString(PyExc_TypeError, "glyphs(GetLooseCharBox, textpage, rect, lines: list, height)");
		return NULL;
	}
	loose_fn loose = (loose_fn)PyLong_AsVoidPtr(args[0]);
	void *tp = PyLong_AsVoidPtr(args[1]);
	fs_rectf *rect = (fs_rectf *)PyLong_AsVoidPtr(args[2]);
	double height = PyFloat_AsDouble(args[4]);
	if (PyErr_Occurred())
		return NULL;
	if (loose == NULL || tp == NULL || rect == NULL) {
		PyErr_SetString(PyExc_ValueError, "glyphs: null address");
		return NULL;
	}
	PyObject *lists[7] = {NULL, NULL, NULL, NULL, NULL, NULL, NULL};
	for (int i = 0; i < 7; i++) {
		lists[i] = PyList_New(0);
		if (lists[i] == NULL)
			goto fail;
	}
	PyObject *spec = args[3];
	for (Py_ssize_t n = 0; n < PyList_GET_SIZE(spec); n++) {
		PyObject *t = PyList_GET_ITEM(spec, n);
		if (!PyTuple_Check(t) || PyTuple_GET_SIZE(t) != 5 || !PyUnicode_Check(PyTuple_GET_ITEM(t, 2))) {
			PyErr_SetString(PyExc_TypeError, "glyphs: each line as (k, start, text, mid, bold)");
			goto fail;
		}
		PyObject *k = PyTuple_GET_ITEM(t, 0), *text = PyTuple_GET_ITEM(t, 2), *mid = PyTuple_GET_ITEM(t, 3), *bold = PyTuple_GET_ITEM(t, 4);
		Py_ssize_t start = PyLong_AsSsize_t(PyTuple_GET_ITEM(t, 1));
		if (start == -1 && PyErr_Occurred())
			goto fail;
		int kind = PyUnicode_KIND(text);
		const void *data = PyUnicode_DATA(text);
		Py_ssize_t len = PyUnicode_GET_LENGTH(text);
		for (Py_ssize_t i = 0; i < len; i++) {
			Py_UCS4 c = PyUnicode_READ(kind, data, i);
			if (c == '\r' || c == '\n')
				continue;
			if (start + i > INT_MAX) {
				PyErr_SetString(PyExc_OverflowError, "glyphs: character index out of range");
				goto fail;
			}
			loose(tp, (int)(start + i), rect);
			double left = rect->left, top = rect->top, right = rect->right, bottom = rect->bottom;
			PyObject *vals[5];
			vals[0] = PyLong_FromSsize_t(start + i);
			vals[1] = PyUnicode_FromOrdinal((int)c);
			vals[2] = PyFloat_FromDouble(left);
			vals[3] = PyFloat_FromDouble(right);
			if (top > bottom) {
				vals[4] = PyFloat_FromDouble(height - (top + bottom) / 2);
			} else {
				Py_INCREF(mid);
				vals[4] = mid;
			}
			int bad = 0;
			for (int v = 0; v < 5; v++) {
				if (vals[v] == NULL || PyList_Append(lists[v], vals[v]) < 0)
					bad = 1;
			}
			for (int v = 0; v < 5; v++)
				Py_XDECREF(vals[v]);
			if (bad || PyList_Append(lists[5], k) < 0 || PyList_Append(lists[6], bold) < 0)
				goto fail;
		}
	}
	return Py_BuildValue("(NNNNNNN)", lists[0], lists[1], lists[2], lists[3], lists[4], lists[5], lists[6]);
fail:
	for (int i = 0; i < 7; i++)
		Py_XDECREF(lists[i]);
	return NULL;
}

/* plain_lines: the lines of a page that need no reading work, built here (see pdf_text.page_lines).
 *
 * plain_lines(pieces, styles, height, page_no, digits_ok, bold_of, line_cls)
 *     pieces, styles: as pieces() returns them. For each piece, a line_cls instance (pdf_text.PdfLine)
 *     built exactly as page_lines' loop builds it, or None where that loop must do the work itself.
 *     A piece is plain when
 *       - it is not followed by a piece starting inside its band (page_lines may join them);
 *       - every character is in PLAIN_CHAR below (Latin letters, digits, punctuation, the bullet, the
 *         plain space and the four spaces clean_text maps to it; no Arabic, no other character clean_text
 *         changes, no other whitespace), with a Latin letter: pdf_bidi.read_line gives such a line back as
 *         it is, left to right, and clean_text leaves it or only makes its spaces plain ones;
 *       - with digits_ok false (a page where footnote calls may stand), it holds no digit; digits_ok may
 *         also be a list of one answer per piece (page_lines: no footnote call in that piece's text);
 *       - its first visible character is no digit (page_lines looks for a footnote's number there).
 *     Its text is then the piece with runs of spaces made one and the ends stripped (" ".join(split())),
 *     its segments and gaps those of pdf_text._segments, its boldness bold_of(mid, font, flags).
 *     The caller uses it on pages without Arabic only (the Arabic pages' probes look at Latin lines too).
 *     bold_by_font (optional, or None): TextPageCalls.bold's cache (pdf_calls._BOLD_BY_FONT), read here
 *     first as bold() reads it; symbols (optional, a set, or None): pdf_bullets.SYMBOL_CODES, and a line
 *     that opens with one of them and a space is not plain (page_lines looks at its font).
 */

static int plain_char(Py_UCS4 c, int *letter) {
	if (c >= 0x20 && c <= 0x7e) {
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
			*letter = 1;
		return 1;
	}
	if (c >= 0xa1 && c <= 0xff) {
		if (c == 0xad) /* soft hyphen: clean_text's */
			return 0;
		if (c == 0xaa || c == 0xba || (c >= 0xc0 && c != 0xd7 && c != 0xf7))
			*letter = 1;
		return 1;
	}
	if (c >= 0x100 && c <= 0x17f) { /* Latin Extended-A: letters (pdf_bidi.LATIN_LETTER) */
		*letter = 1;
		return 1;
	}
	switch (c) { /* typographic punctuation of French text and the bullet: neither whitespace nor cleaned */
	case 0x2013: case 0x2014: case 0x2018: case 0x2019: case 0x201c: case 0x201d: case 0x2022: case 0x2026: case 0x20ac:
		return 1;
	case 0xa0: case 0x2007: case 0x2009: case 0x202f: /* spaces clean_text makes plain ones (see plain_space) */
		return 1;
	default:
		return 0;
	}
}

typedef struct {
	double a, b;
} span;

static int span_cmp(const void *x, const void *y) {
	const span *p = (const span *)x, *q = (const span *)y;
	if (p->a < q->a)
		return -1;
	if (p->a > q->a)
		return 1;
	if (p->b < q->b)
		return -1;
	if (p->b > q->b)
		return 1;
	return 0;
}

/* segments and gaps of a line's rectangles, as pdf_text._segments and page_lines compute them */
static int line_segments(PyObject *rects, double x0, double x1, double gap, PyObject **segs_out, PyObject **gaps_out) {
	Py_ssize_t n = PyList_GET_SIZE(rects);
	PyObject *segs = PyList_New(0), *gaps = PyList_New(0);
	if (segs == NULL || gaps == NULL)
		goto fail;
	if (n <= 1) {
		PyObject *t = Py_BuildValue("(dd)", x0, x1);
		if (t == NULL || PyList_Append(segs, t) < 0) {
			Py_XDECREF(t);
			goto fail;
		}
		Py_DECREF(t);
	} else {
		span *sp = PyMem_Malloc((size_t)n * sizeof(span));
		if (sp == NULL) {
			PyErr_NoMemory();
			goto fail;
		}
		for (Py_ssize_t k = 0; k < n; k++) {
			PyObject *r = PyList_GET_ITEM(rects, k);
			sp[k].a = PyFloat_AsDouble(PyTuple_GET_ITEM(r, 0));
			sp[k].b = PyFloat_AsDouble(PyTuple_GET_ITEM(r, 2));
		}
		qsort(sp, (size_t)n, sizeof(span), span_cmp);
		Py_ssize_t m = 0;
		for (Py_ssize_t k = 1; k < n; k++) {
			if (sp[k].a - sp[m].b <= gap) {
				if (sp[k].b > sp[m].b)
					sp[m].b = sp[k].b;
			} else {
				sp[++m] = sp[k];
			}
		}
		for (Py_ssize_t k = 0; k <= m; k++) {
			PyObject *t = Py_BuildValue("(dd)", sp[k].a, sp[k].b);
			if (t == NULL || PyList_Append(segs, t) < 0) {
				Py_XDECREF(t);
				PyMem_Free(sp);
				goto fail;
			}
			Py_DECREF(t);
			if (k > 0) {
				PyObject *g = PyFloat_FromDouble(sp[k].a - sp[k - 1].b);
				if (g == NULL || PyList_Append(gaps, g) < 0) {
					Py_XDECREF(g);
					PyMem_Free(sp);
					goto fail;
				}
				Py_DECREF(g);
			}
		}
		PyMem_Free(sp);
	}
	*segs_out = segs;
	*gaps_out = gaps;
	return 0;
fail:
	Py_XDECREF(segs);
	Py_XDECREF(gaps);
	return -1;
}

/* a space of the line: the plain one, or one clean_text maps to it (no-break, figure, thin, narrow no-break);
   str.split() cuts at each of them, so " ".join(clean_text(t).split()) is t with them all made one space */
static int plain_space(Py_UCS4 c) {
	return c == ' ' || c == 0xa0 || c == 0x2007 || c == 0x2009 || c == 0x202f;
}

/* the line's text when the piece is plain (see above), else NULL without an error set */
static PyObject *plain_text(PyObject *piece, int digits_ok) {
	int kind = PyUnicode_KIND(piece);
	const void *data = PyUnicode_DATA(piece);
	Py_ssize_t len = PyUnicode_GET_LENGTH(piece), kept = 0;
	int letter = 0, first = 1;
	Py_UCS4 maxc = 0;
	for (Py_ssize_t k = 0; k < len; k++) {
		Py_UCS4 c = PyUnicode_READ(kind, data, k);
		if (!plain_char(c, &letter))
			return NULL;
		if (c >= '0' && c <= '9') {
			if (!digits_ok || first)
				return NULL;
		}
		if (plain_space(c))
			continue;
		if (first && Py_UNICODE_ISDIGIT(c)) /* superscript digits of Latin-1 too: page_lines' test */
			return NULL;
		first = 0;
		kept++;
		if (c > maxc)
			maxc = c;
	}
	if (!letter || kept == 0)
		return NULL;
	/* runs of spaces made one, ends stripped */
	PyObject *out = PyUnicode_New(len, maxc);
	if (out == NULL)
		return NULL;
	int okind = PyUnicode_KIND(out);
	void *odata = PyUnicode_DATA(out);
	Py_ssize_t w = 0;
	int space = 0;
	for (Py_ssize_t k = 0; k < len; k++) {
		Py_UCS4 c = PyUnicode_READ(kind, data, k);
		if (plain_space(c)) {
			space = 1;
			continue;
		}
		if (space && w > 0)
			PyUnicode_WRITE(okind, odata, w++, ' ');
		space = 0;
		PyUnicode_WRITE(okind, odata, w++, c);
	}
	if (w == len)
		return out;
	PyObject *cut = PyUnicode_Substring(out, 0, w); /* a compact copy of the right length */
	Py_DECREF(out);
	return cut;
}

static PyObject *chars_plain_lines(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if ((nargs != 7 && nargs != 9) || !PyList_Check(args[0]) || !PyList_Check(args[1]) || PyList_GET_SIZE(args[0]) != PyList_GET_SIZE(args[1]) ||
	    (nargs == 9 && ((args[7] != Py_None && !PyDict_Check(args[7])) || (args[8] != Py_None && !PyAnySet_Check(args[8]))))) {
		PyErr_SetString(PyExc_TypeError, "plain_lines(pieces, styles, height, page_no, digits_ok, bold_of, line_cls[, bold_by_font, symbols])");
		return NULL;
	}
	PyObject *pieces = args[0], *styles = args[1], *page_no = args[3], *bold_of = args[5], *cls = args[6];
	PyObject *bold_by_font = nargs == 9 && args[7] != Py_None ? args[7] : NULL, *symbols = nargs == 9 && args[8] != Py_None ? args[8] : NULL;
	double height = PyFloat_AsDouble(args[2]);
	if (height == -1.0 && PyErr_Occurred())
		return NULL;
	/* digits_ok: one answer for the page, or a list of one per piece */
	PyObject *digits_each = PyList_Check(args[4]) ? args[4] : NULL;
	int digits_ok = 0;
	if (digits_each != NULL) {
		if (PyList_GET_SIZE(digits_each) != PyList_GET_SIZE(args[0])) {
			PyErr_SetString(PyExc_ValueError, "plain_lines: digits_ok holds one answer per piece");
			return NULL;
		}
	} else if ((digits_ok = PyObject_IsTrue(args[4])) < 0) {
		return NULL;
	}
	Py_ssize_t n = PyList_GET_SIZE(pieces);
	PyObject *out = PyList_New(n);
	if (out == NULL)
		return NULL;
	for (Py_ssize_t i = 0; i < n; i++) {
		PyObject *p = PyList_GET_ITEM(pieces, i), *st = PyList_GET_ITEM(styles, i);
		if (!PyTuple_Check(p) || PyTuple_GET_SIZE(p) != 7 || !PyTuple_Check(st) || PyTuple_GET_SIZE(st) != 5) {
			PyErr_SetString(PyExc_TypeError, "plain_lines: pieces and styles as pieces() returns them");
			goto fail;
		}
		PyObject *text = NULL;
		if (i + 1 < n) {
			/* page_lines joins the next piece when it starts inside this one's band: not plain */
			double next_top = PyFloat_AsDouble(PyTuple_GET_ITEM(PyList_GET_ITEM(pieces, i + 1), 4));
			double bottom = PyFloat_AsDouble(PyTuple_GET_ITEM(p, 6));
			if (PyErr_Occurred())
				goto fail;
			if (next_top > bottom)
				goto not_plain;
		}
		if (!PyUnicode_Check(PyTuple_GET_ITEM(p, 0)))
			goto not_plain;
		if (digits_each != NULL && (digits_ok = PyObject_IsTrue(PyList_GET_ITEM(digits_each, i))) < 0)
			goto fail;
		text = plain_text(PyTuple_GET_ITEM(p, 0), digits_ok);
		if (text == NULL) {
			if (PyErr_Occurred())
				goto fail;
			goto not_plain;
		}
		if (symbols != NULL && PyUnicode_GET_LENGTH(text) > 2 && PyUnicode_READ_CHAR(text, 1) == ' ') {
			/* may_be_symbol_bullet: page_lines' loop looks at the font of such a line */
			PyObject *first = PyUnicode_Substring(text, 0, 1);
			int is_symbol = first != NULL ? PySet_Contains(symbols, first) : -1;
			Py_XDECREF(first);
			if (is_symbol != 0) {
				Py_DECREF(text);
				if (is_symbol < 0)
					goto fail;
				goto not_plain;
			}
		}
		{
			PyObject *size_o = PyTuple_GET_ITEM(st, 0);
			double size = PyFloat_AsDouble(size_o);
			double x0 = PyFloat_AsDouble(PyTuple_GET_ITEM(p, 3)), r_top = PyFloat_AsDouble(PyTuple_GET_ITEM(p, 4));
			double x1 = PyFloat_AsDouble(PyTuple_GET_ITEM(p, 5)), r_bottom = PyFloat_AsDouble(PyTuple_GET_ITEM(p, 6));
			if (PyErr_Occurred()) {
				Py_DECREF(text);
				goto fail;
			}
			PyObject *segs = NULL, *gaps = NULL, *top = NULL, *bottom = NULL, *line = NULL;
			PyObject *bold = NULL, *font = PyTuple_GET_ITEM(st, 1);
			if (bold_by_font != NULL && PyBytes_Check(font) && PyBytes_GET_SIZE(font) > 0) {
				/* TextPageCalls.bold's cache read here: key (name, flags & 0xFF00FF); a miss calls bold_of */
				long flags = PyLong_AsLong(PyTuple_GET_ITEM(st, 2));
				PyObject *masked = flags == -1 && PyErr_Occurred() ? NULL : PyLong_FromLong(flags & 0xFF00FFL);
				PyObject *key = masked != NULL ? PyTuple_Pack(2, font, masked) : NULL;
				Py_XDECREF(masked);
				if (key != NULL) {
					bold = PyDict_GetItemWithError(bold_by_font, key);
					Py_XINCREF(bold);
					Py_DECREF(key);
				}
				if (PyErr_Occurred()) {
					Py_XDECREF(bold);
					Py_DECREF(text);
					goto fail;
				}
			}
			if (bold == NULL)
				bold = PyObject_CallFunctionObjArgs(bold_of, PyTuple_GET_ITEM(st, 3), font, PyTuple_GET_ITEM(st, 2), NULL);
			if (bold != NULL && line_segments(PyTuple_GET_ITEM(p, 2), x0, x1, 1.5 * (size != 0.0 ? size : 10.0), &segs, &gaps) == 0) {
				top = PyFloat_FromDouble(height - r_top);
				bottom = PyFloat_FromDouble(height - r_bottom);
				PyObject *count = PyLong_FromSsize_t(PyUnicode_GET_LENGTH(PyTuple_GET_ITEM(p, 0)));
				int is_bold = PyObject_IsTrue(bold);
				if (top != NULL && bottom != NULL && count != NULL && is_bold >= 0) {
					/* PdfLine(text, x0, top, x1, bottom, size, bold, page, baseline, rtl, gaps, segments, start, count) */
					PyObject *argv[14] = {text, PyTuple_GET_ITEM(p, 3), top, PyTuple_GET_ITEM(p, 5), bottom, size_o,
					                      is_bold ? Py_True : Py_False, page_no, PyTuple_GET_ITEM(st, 4), Py_False,
					                      gaps, segs, PyTuple_GET_ITEM(p, 1), count};
					line = PyObject_Vectorcall(cls, argv, 14, NULL);
				}
				Py_XDECREF(count);
			}
			Py_XDECREF(bold);
			Py_XDECREF(segs);
			Py_XDECREF(gaps);
			Py_XDECREF(top);
			Py_XDECREF(bottom);
			Py_DECREF(text);
			if (line == NULL)
				goto fail;
			PyList_SET_ITEM(out, i, line);
			continue;
		}
	not_plain:
		Py_INCREF(Py_None);
		PyList_SET_ITEM(out, i, Py_None);
	}
	return out;
fail:
	Py_DECREF(out);
	return NULL;
}

static PyObject *s_size, *s_rtl, *s_baseline;

/* one line's (size rounded to the half point, rtl, baseline), or Py_None when it needs ``slow`` */
static PyObject *line_feature(PyObject *ln) {
	PyObject *size_o = PyObject_GetAttr(ln, s_size);
	if (size_o == NULL)
		goto missing;
	int ok = PyFloat_CheckExact(size_o);
	double size = ok ? PyFloat_AS_DOUBLE(size_o) : 0.0;
	Py_DECREF(size_o);
	if (!ok || !isfinite(size) || fabs(size) > 1e15)
		goto slow;
	/* round(size * 2) / 2: Python rounds half to even, as nearbyint does in the default mode;
	 * + 0.0 makes -0.0 (a small negative size) the 0.0 Python's int division gives */
	double rounded = nearbyint(size * 2.0) / 2.0 + 0.0;
	PyObject *rtl = PyObject_GetAttr(ln, s_rtl);
	if (rtl == NULL)
		goto missing;
	if (rtl != Py_True && rtl != Py_False) {
		Py_DECREF(rtl);
		goto slow;
	}
	PyObject *base = PyObject_GetAttr(ln, s_baseline);
	if (base == NULL) {
		Py_DECREF(rtl);
		goto missing;
	}
	if (!PyFloat_CheckExact(base) || PyFloat_AS_DOUBLE(base) == 0.0) {
		Py_DECREF(rtl);
		Py_DECREF(base);
		goto slow;
	}
	PyObject *sz = PyFloat_FromDouble(rounded);
	if (sz == NULL) {
		Py_DECREF(rtl);
		Py_DECREF(base);
		return NULL;
	}
	PyObject *t = PyTuple_New(3);
	if (t == NULL) {
		Py_DECREF(sz);
		Py_DECREF(rtl);
		Py_DECREF(base);
		return NULL;
	}
	PyTuple_SET_ITEM(t, 0, sz);
	PyTuple_SET_ITEM(t, 1, rtl);
	PyTuple_SET_ITEM(t, 2, base);
	return t;
missing:
	if (!PyErr_ExceptionMatches(PyExc_AttributeError))
		return NULL;
	PyErr_Clear();
slow:
	Py_INCREF(Py_None);
	return Py_None;
}

static PyObject *chars_line_features(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 2 || !PyList_Check(args[0])) {
		PyErr_SetString(PyExc_TypeError, "line_features(lines: list, slow)");
		return NULL;
	}
	if (s_size == NULL) {
		s_size = PyUnicode_InternFromString("size");
		s_rtl = PyUnicode_InternFromString("rtl");
		s_baseline = PyUnicode_InternFromString("baseline");
		if (s_size == NULL || s_rtl == NULL || s_baseline == NULL)
			return NULL;
	}
	PyObject *lines = args[0], *slow = args[1];
	Py_ssize_t n = PyList_GET_SIZE(lines);
	PyObject *out = PyList_New(n);
	if (out == NULL)
		return NULL;
	for (Py_ssize_t i = 0; i < n && i < PyList_GET_SIZE(lines); i++) {
		PyObject *ln = PyList_GET_ITEM(lines, i);
		Py_INCREF(ln);
		PyObject *f = line_feature(ln);
		if (f == Py_None) {
			Py_DECREF(f);
			f = PyObject_CallOneArg(slow, ln);
		}
		Py_DECREF(ln);
		if (f == NULL) {
			Py_DECREF(out);
			return NULL;
		}
		PyList_SET_ITEM(out, i, f);
	}
	if (PyList_GET_SIZE(lines) != n) { /* the list changed under a slow call */
		Py_DECREF(out);
		PyErr_SetString(PyExc_RuntimeError, "line_features: the list of lines changed");
		return NULL;
	}
	return out;
}


typedef int (*count_objects_fn)(void *);
typedef void *(*get_object_fn)(void *, int);
typedef int (*object_type_fn)(void *);
typedef int (*object_bounds_fn)(void *, float *, float *, float *, float *);
typedef int (*draw_mode_fn)(void *, int *, int *);
typedef int (*color_fn)(void *, unsigned int *, unsigned int *, unsigned int *, unsigned int *);

enum { INK_INVISIBLE = 0, INK_LIGHT = 1, INK_DARK = 2, PAGEOBJ_PATH = 2, PAGEOBJ_FORM = 5 };

/* pdf_tables._Ink._shade of the colour just read */
static int ink_shade(const unsigned int *rgba, double dark_luma) {
	unsigned int r = rgba[0], g = rgba[1], b = rgba[2], a = rgba[3];
	unsigned int low = r < g ? r : g;
	if (b < low)
		low = b;
	if (!a || low >= 245)
		return INK_INVISIBLE;
	double luma = 0.299 * (double)r;
	luma += 0.587 * (double)g;
	luma += 0.114 * (double)b;
	return luma < dark_luma ? INK_DARK : INK_LIGHT;
}

/* The pdfium page-object functions thin_rules and path_boxes call, from their 7 addresses. */
typedef struct {
	count_objects_fn count;
	get_object_fn get;
	object_type_fn kind;
	object_bounds_fn bounds;
	draw_mode_fn draw_mode;
	color_fn fill_color, stroke_color;
} object_fns;

static int read_object_fns(PyObject *addresses, object_fns *f) {
	void *fns[7];
	if (read_addresses(addresses, fns, 7) < 0)
		return -1;
	f->count = (count_objects_fn)fns[0];
	f->get = (get_object_fn)fns[1];
	f->kind = (object_type_fn)fns[2];
	f->bounds = (object_bounds_fn)fns[3];
	f->draw_mode = (draw_mode_fn)fns[4];
	f->fill_color = (color_fn)fns[5];
	f->stroke_color = (color_fn)fns[6];
	return 0;
}

/* A path object's ink as pdf_tables._Ink reads it: dark without a draw mode; else its stroke colour if
 * stroked, then (not dark yet) its fill colour if filled, the darker kept. *stroked: its stroke shows. */
static int path_ink(const object_fns *f, void *obj, double dark_luma, int *stroked) {
	int fill = 0, stroke = 0;
	unsigned int rgba[4] = {0, 0, 0, 0};
	*stroked = 0;
	if (!f->draw_mode(obj, &fill, &stroke))
		return INK_DARK;
	int ink = INK_INVISIBLE;
	if (stroke && f->stroke_color(obj, &rgba[0], &rgba[1], &rgba[2], &rgba[3])) {
		ink = ink_shade(rgba, dark_luma);
		*stroked = ink != INK_INVISIBLE;
	}
	if (ink != INK_DARK && fill && f->fill_color(obj, &rgba[0], &rgba[1], &rgba[2], &rgba[3])) {
		int shade = ink_shade(rgba, dark_luma);
		if (shade > ink)
			ink = shade;
	}
	return ink;
}

/* The optional last argument of thin_rules and path_boxes: the page's object handles page_objects walked (bytes), or
 * None. *h is left NULL for None (the caller walks the page itself). */
static int objects_arg(PyObject *arg, void ***h, int *n) {
	*h = NULL;
	*n = 0;
	if (arg == Py_None)
		return 0;
	if (!PyBytes_Check(arg) || PyBytes_GET_SIZE(arg) % (Py_ssize_t)sizeof(void *) != 0) {
		PyErr_SetString(PyExc_TypeError, "objects: the bytes page_objects returns, or None");
		return -1;
	}
	*h = (void **)PyBytes_AS_STRING(arg);
	*n = (int)(PyBytes_GET_SIZE(arg) / (Py_ssize_t)sizeof(void *));
	return 0;
}

/* page_objects(functions, page, max_objects)
 *     the handles of the page's objects in object order, packed in bytes (one FPDFPage_GetObject each: pdfium checks
 *     the page's /Type at every call, about 1,400 instructions), or None on a page of more than ``max_objects``
 *     objects: one walk that thin_rules and path_boxes share through their optional last argument (pdf_walk).
 *     The handles hold while the page is open and no object is added or removed. functions: as thin_rules'. */
static PyObject *chars_page_objects(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 3 || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != 7) {
		PyErr_SetString(PyExc_TypeError, "page_objects(functions: 7 addresses, page, max_objects)");
		return NULL;
	}
	object_fns f;
	if (read_object_fns(args[0], &f) < 0)
		return NULL;
	void *page = PyLong_AsVoidPtr(args[1]);
	long max_objects = PyLong_AsLong(args[2]);
	if (PyErr_Occurred())
		return NULL;
	if (page == NULL) {
		PyErr_SetString(PyExc_ValueError, "page_objects: null page");
		return NULL;
	}
	int n = f.count(page);
	if (n < 0 || n > max_objects)
		Py_RETURN_NONE;
	PyObject *out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n * (Py_ssize_t)sizeof(void *));
	if (out == NULL)
		return NULL;
	void **h = (void **)PyBytes_AS_STRING(out);
	for (int i = 0; i < n; i++)
		h[i] = f.get(page, i);
	return out;
}

static PyObject *chars_thin_rules(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if ((nargs != 6 && nargs != 7) || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != 7) {
		PyErr_SetString(PyExc_TypeError, "thin_rules(functions: 7 addresses, page, height, rule, dark_luma, max_objects[, objects])");
		return NULL;
	}
	void **handles;
	int n_handles;
	if (objects_arg(nargs == 7 ? args[6] : Py_None, &handles, &n_handles) < 0)
		return NULL;
	object_fns f;
	if (read_object_fns(args[0], &f) < 0)
		return NULL;
	void *page = PyLong_AsVoidPtr(args[1]);
	double height = PyFloat_AsDouble(args[2]), rule = PyFloat_AsDouble(args[3]), dark_luma = PyFloat_AsDouble(args[4]);
	long max_objects = PyLong_AsLong(args[5]);
	if (PyErr_Occurred())
		return NULL;
	if (page == NULL) {
		PyErr_SetString(PyExc_ValueError, "thin_rules: null page");
		return NULL;
	}
	PyObject *out = PyList_New(0);
	if (out == NULL)
		return NULL;
	int n = handles != NULL ? n_handles : f.count(page);
	if (n > max_objects)
		return out;
	for (int i = 0; i < n; i++) {
		void *obj = handles != NULL ? handles[i] : f.get(page, i);
		float fl, fb, fr, ft;
		if (obj == NULL || f.kind(obj) != PAGEOBJ_PATH || !f.bounds(obj, &fl, &fb, &fr, &ft))
			continue;
		double left = fl, bottom = fb, right = fr, top = ft;
		if (top - bottom > rule || right - left <= 2 * rule)
			continue;
		int stroked;
		if (path_ink(&f, obj, dark_luma, &stroked) != INK_DARK)
			continue;
		PyObject *t = Py_BuildValue("(ddd)", height - (top + bottom) / 2, left, right);
		if (t == NULL || PyList_Append(out, t) < 0) {
			Py_XDECREF(t);
			Py_DECREF(out);
			return NULL;
		}
		Py_DECREF(t);
	}
	return out;
}

/* path_boxes(functions, page, thin, dark_luma, max_objects)
 *     pdf_tables._path_bounds_py's walk over a page's objects in one call: (count, paths, forms) where count
 *     is the page's number of objects, paths the (left, bottom, right, top, ink, stroked) of its path objects
 *     in object order (ink pdf_tables._Ink's, at least LIGHT; a box wider and higher than ``thin`` without
 *     ink left out: a text frame) and forms the indexes of its form objects; (count, [], []) on a page of
 *     more than ``max_objects`` objects. functions: as thin_rules'. */
static PyObject *chars_path_boxes(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if ((nargs != 5 && nargs != 6) || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != 7) {
		PyErr_SetString(PyExc_TypeError, "path_boxes(functions: 7 addresses, page, thin, dark_luma, max_objects[, objects])");
		return NULL;
	}
	void **handles;
	int n_handles;
	if (objects_arg(nargs == 6 ? args[5] : Py_None, &handles, &n_handles) < 0)
		return NULL;
	object_fns f;
	if (read_object_fns(args[0], &f) < 0)
		return NULL;
	void *page = PyLong_AsVoidPtr(args[1]);
	double thin = PyFloat_AsDouble(args[2]), dark_luma = PyFloat_AsDouble(args[3]);
	long max_objects = PyLong_AsLong(args[4]);
	if (PyErr_Occurred())
		return NULL;
	if (page == NULL) {
		PyErr_SetString(PyExc_ValueError, "path_boxes: null page");
		return NULL;
	}
	PyObject *paths = PyList_New(0), *forms = PyList_New(0);
	if (paths == NULL || forms == NULL)
		goto fail;
	int n = handles != NULL ? n_handles : f.count(page);
	if (n > max_objects)
		return Py_BuildValue("(iNN)", n, paths, forms);
	for (int i = 0; i < n; i++) {
		void *obj = handles != NULL ? handles[i] : f.get(page, i);
		if (obj == NULL)
			continue;
		int t = f.kind(obj);
		float fl, fb, fr, ft;
		if (t == PAGEOBJ_PATH && f.bounds(obj, &fl, &fb, &fr, &ft)) {
			double left = fl, bottom = fb, right = fr, top = ft;
			int stroked;
			int ink = path_ink(&f, obj, dark_luma, &stroked);
			if (ink == INK_INVISIBLE && right - left > thin && top - bottom > thin)
				continue; /* a white, unstroked box is a text frame, not a rule */
			PyObject *box = Py_BuildValue("(ddddiO)", left, bottom, right, top, ink > INK_LIGHT ? ink : INK_LIGHT, stroked ? Py_True : Py_False);
			if (box == NULL || PyList_Append(paths, box) < 0) {
				Py_XDECREF(box);
				goto fail;
			}
			Py_DECREF(box);
		} else if (t == PAGEOBJ_FORM) {
			PyObject *k = PyLong_FromLong(i);
			if (k == NULL || PyList_Append(forms, k) < 0) {
				Py_XDECREF(k);
				goto fail;
			}
			Py_DECREF(k);
		}
	}
	return Py_BuildValue("(iNN)", n, paths, forms);
fail:
	Py_XDECREF(paths);
	Py_XDECREF(forms);
	return NULL;
}

typedef void *(*form_object_fn)(void *, unsigned long);
enum { PAGEOBJ_TEXT = 1 };

/* One level of text_objects' walk; -1 with an exception set, -2 when pdfium fails (get_objects raises). */
static int walk_text_objects(const object_fns *f, count_objects_fn count, form_object_fn form_get, void *parent, int level,
                             count_objects_fn form_count, form_object_fn form_object, PyObject *out) {
	int n = count(parent);
	if (n < 0)
		return -2;
	for (int i = 0; i < n; i++) {
		void *obj = form_get != NULL ? form_get(parent, (unsigned long)i) : f->get(parent, i);
		if (obj == NULL)
			return -2;
		int t = f->kind(obj);
		if (t == PAGEOBJ_TEXT) {
			float fl, fb, fr, ft;
			PyObject *item;
			PyObject *handle = PyLong_FromVoidPtr(obj);
			if (handle == NULL)
				return -1;
			if (!f->bounds(obj, &fl, &fb, &fr, &ft)) {
				item = Py_BuildValue("[OOOONO]", Py_None, Py_None, Py_None, Py_None, handle, Py_None);
			} else {
				double left = fl, bottom = fb, right = fr, top = ft;
				if (!(top - bottom > 0.05 && right - left > 0.05)) {
					Py_DECREF(handle);
					continue;
				}
				item = Py_BuildValue("[ddddNO]", left, bottom, right, top, handle, Py_None);
			}
			if (item == NULL || PyList_Append(out, item) < 0) {
				Py_XDECREF(item);
				return -1;
			}
			Py_DECREF(item);
		} else if (t == PAGEOBJ_FORM && level < 1) {
			int r = walk_text_objects(f, form_count, form_object, obj, level + 1, form_count, form_object, out);
			if (r < 0)
				return r;
		}
	}
	return 0;
}

/* text_objects(functions, page)
 *     pdf_kashida._walk in one call: the page's text objects and those of its form XObjects one level down, in
 *     page.get_objects(filter=(TEXT,), max_depth=2)'s order, as [left, bottom, right, top, handle, None] for those
 *     with ink (both sides over 0.05 points), [None, None, None, None, handle, None] for one pdfium gives no bounds
 *     for; None when pdfium fails to count or to give an object (get_objects raises there).
 *     functions: (CountObjects, GetObject, GetType, GetBounds, FormObj_CountObjects, FormObj_GetObject) addresses. */
static PyObject *chars_text_objects(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 2 || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != 6) {
		PyErr_SetString(PyExc_TypeError, "text_objects(functions: 6 addresses, page)");
		return NULL;
	}
	void *fns[6];
	if (read_addresses(args[0], fns, 6) < 0)
		return NULL;
	object_fns f;
	memset(&f, 0, sizeof f);
	f.count = (count_objects_fn)fns[0];
	f.get = (get_object_fn)fns[1];
	f.kind = (object_type_fn)fns[2];
	f.bounds = (object_bounds_fn)fns[3];
	void *page = PyLong_AsVoidPtr(args[1]);
	if (PyErr_Occurred())
		return NULL;
	if (page == NULL) {
		PyErr_SetString(PyExc_ValueError, "text_objects: null page");
		return NULL;
	}
	PyObject *out = PyList_New(0);
	if (out == NULL)
		return NULL;
	int r = walk_text_objects(&f, f.count, NULL, page, 0, (count_objects_fn)fns[4], (form_object_fn)fns[5], out);
	if (r == -1) {
		Py_DECREF(out);
		return NULL;
	}
	if (r == -2) {
		Py_DECREF(out);
		Py_RETURN_NONE;
	}
	return out;
}

/* bisect.bisect_right on an array of doubles (the same comparisons as on a list of floats) */
static Py_ssize_t after_d(const double *a, Py_ssize_t n, double x) {
	Py_ssize_t lo = 0, hi = n;
	while (lo < hi) {
		Py_ssize_t mid = (lo + hi) / 2;
		if (x < a[mid])
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static double *floats_of(PyObject *list, Py_ssize_t n) {
	double *out = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(double));
	if (out == NULL) {
		PyErr_NoMemory();
		return NULL;
	}
	for (Py_ssize_t k = 0; k < n; k++)
		out[k] = PyFloat_AS_DOUBLE(PyList_GET_ITEM(list, k));
	return out;
}

static int all_floats(PyObject *list) {
	for (Py_ssize_t k = 0; k < PyList_GET_SIZE(list); k++)
		if (!PyFloat_CheckExact(PyList_GET_ITEM(list, k)))
			return 0;
	return 1;
}

/* place(ch, x0, x1, cy, xs, ys, grid, members)
 *     pdf_table_grid.build's placement of a region's characters in one call: every character with ink whose
 *     middle ((x0 + x1) / 2, cy) lies inside [xs[0], xs[-1]] x [ys[0], ys[-1]] goes to the slot
 *     (min(bisect_right(ys, cy) - 1, rows - 1), min(bisect_right(xs, cx) - 1, columns - 1)) of ``grid``
 *     (lists of cell numbers, -1 for none): its index is appended to members[cell]. True when done; None,
 *     with nothing changed, when a value is not of the usual type (a coordinate that is no float, a
 *     character that is no one-character str): the caller's Python loop then does it. */
static PyObject *chars_place(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 8) {
		PyErr_SetString(PyExc_TypeError, "place(ch, x0, x1, cy, xs, ys, grid, members)");
		return NULL;
	}
	for (int k = 0; k < 8; k++) {
		if (!PyList_Check(args[k])) {
			PyErr_SetString(PyExc_TypeError, "place: lists expected");
			return NULL;
		}
	}
	PyObject *chs = args[0], *x0s = args[1], *x1s = args[2], *cys = args[3], *xs = args[4], *ys = args[5], *grid = args[6], *members = args[7];
	Py_ssize_t n = PyList_GET_SIZE(chs), nx = PyList_GET_SIZE(xs), ny = PyList_GET_SIZE(ys), nr = PyList_GET_SIZE(grid);
	if (PyList_GET_SIZE(x0s) != n || PyList_GET_SIZE(x1s) != n || PyList_GET_SIZE(cys) != n) {
		PyErr_SetString(PyExc_ValueError, "place: the glyph lists differ in length");
		return NULL;
	}
	if (nx < 2 || ny < 2 || nr != ny - 1 || !all_floats(xs) || !all_floats(ys) || !all_floats(x0s) || !all_floats(x1s) || !all_floats(cys))
		Py_RETURN_NONE;
	Py_ssize_t nc = nx - 1;
	for (Py_ssize_t r = 0; r < nr; r++) {
		PyObject *row = PyList_GET_ITEM(grid, r);
		if (!PyList_Check(row) || PyList_GET_SIZE(row) != nc)
			Py_RETURN_NONE;
		for (Py_ssize_t c = 0; c < nc; c++) {
			PyObject *v = PyList_GET_ITEM(row, c);
			if (!PyLong_CheckExact(v))
				Py_RETURN_NONE;
			long cell = PyLong_AsLong(v);
			if (cell == -1 && PyErr_Occurred())
				return NULL;
			if (cell >= PyList_GET_SIZE(members) || (cell >= 0 && !PyList_Check(PyList_GET_ITEM(members, cell))))
				Py_RETURN_NONE;
		}
	}
	for (Py_ssize_t j = 0; j < n; j++) {
		PyObject *ch = PyList_GET_ITEM(chs, j);
		if (!PyUnicode_Check(ch) || PyUnicode_GET_LENGTH(ch) != 1)
			Py_RETURN_NONE;
	}
	double *xa = floats_of(xs, nx), *ya = floats_of(ys, ny);
	if (xa == NULL || ya == NULL) {
		PyMem_Free(xa);
		PyMem_Free(ya);
		return NULL;
	}
	double left = xa[0], right = xa[nx - 1], top = ya[0], bottom = ya[ny - 1];
	for (Py_ssize_t j = 0; j < n; j++) {
		if (Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(PyList_GET_ITEM(chs, j), 0)))
			continue;
		double a = PyFloat_AS_DOUBLE(PyList_GET_ITEM(x0s, j)), b = PyFloat_AS_DOUBLE(PyList_GET_ITEM(x1s, j));
		double cy = PyFloat_AS_DOUBLE(PyList_GET_ITEM(cys, j));
		double cx = (a + b) / 2;
		if (!(left <= cx && cx <= right && top <= cy && cy <= bottom))
			continue;
		Py_ssize_t c = after_d(xa, nx, cx) - 1, r = after_d(ya, ny, cy) - 1;
		if (c > nc - 1)
			c = nc - 1;
		if (r > nr - 1)
			r = nr - 1;
		if (c < 0 || r < 0) { /* cannot happen (the middle is at or after the first bound); Python would index from the end */
			c = c < 0 ? nc + c : c;
			r = r < 0 ? nr + r : r;
		}
		long cell = PyLong_AsLong(PyList_GET_ITEM(PyList_GET_ITEM(grid, r), c));
		if (cell < 0)
			continue;
		PyObject *idx = PyLong_FromSsize_t(j);
		if (idx == NULL || PyList_Append(PyList_GET_ITEM(members, cell), idx) < 0) {
			Py_XDECREF(idx);
			PyMem_Free(xa);
			PyMem_Free(ya);
			return NULL;
		}
		Py_DECREF(idx);
	}
	PyMem_Free(xa);
	PyMem_Free(ya);
	Py_RETURN_TRUE;
}

static int ssize_cmp(const void *x, const void *y) {
	Py_ssize_t a = *(const Py_ssize_t *)x, b = *(const Py_ssize_t *)y;
	return (a > b) - (a < b);
}

/* plain(ch, members)
 *     pdf_table_cells.Glyphs.plain: the characters ch[j] of the members in ascending order, those that are
 *     whitespace left out, one space put before a character whose index does not follow the last one kept.
 *     None when a member is no int in range or a character no one-character str (the caller's loop then). */
static PyObject *chars_plain(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 2 || !PyList_Check(args[0]) || !PyList_Check(args[1])) {
		PyErr_SetString(PyExc_TypeError, "plain(ch: list, members: list)");
		return NULL;
	}
	PyObject *chs = args[0], *members = args[1];
	Py_ssize_t n = PyList_GET_SIZE(members), nch = PyList_GET_SIZE(chs);
	Py_ssize_t *js = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Py_ssize_t));
	if (js == NULL)
		return PyErr_NoMemory();
	for (Py_ssize_t k = 0; k < n; k++) {
		PyObject *m = PyList_GET_ITEM(members, k);
		Py_ssize_t j = PyLong_CheckExact(m) ? PyLong_AsSsize_t(m) : -1;
		if (j == -1 && PyErr_Occurred())
			PyErr_Clear();
		if (j < 0 || j >= nch) {
			PyMem_Free(js);
			Py_RETURN_NONE;
		}
		PyObject *ch = PyList_GET_ITEM(chs, j);
		if (!PyUnicode_Check(ch) || PyUnicode_GET_LENGTH(ch) != 1) {
			PyMem_Free(js);
			Py_RETURN_NONE;
		}
		js[k] = j;
	}
	qsort(js, (size_t)n, sizeof(Py_ssize_t), ssize_cmp);
	Py_UCS4 *buf = PyMem_Malloc((size_t)(2 * n + 1) * sizeof(Py_UCS4));
	if (buf == NULL) {
		PyMem_Free(js);
		return PyErr_NoMemory();
	}
	Py_ssize_t w = 0, last = -2;
	for (Py_ssize_t k = 0; k < n; k++) {
		Py_ssize_t j = js[k];
		Py_UCS4 c = PyUnicode_READ_CHAR(PyList_GET_ITEM(chs, j), 0);
		if (Py_UNICODE_ISSPACE(c))
			continue;
		if (w > 0 && j != last + 1)
			buf[w++] = ' ';
		buf[w++] = c;
		last = j;
	}
	PyObject *out = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, w);
	PyMem_Free(buf);
	PyMem_Free(js);
	return out;
}

static PyMethodDef chars_methods[] = {
    {"pieces", (PyCFunction)(void (*)(void))chars_pieces, METH_FASTCALL,
     "pieces(functions, textpage, text, height) -> (pieces, styles) of one PDF page"},
    {"loose_boxes", (PyCFunction)(void (*)(void))chars_loose_boxes, METH_FASTCALL,
     "loose_boxes(GetLooseCharBox, textpage, start, count, rect) -> [(left, right)] of a range of characters"},
    {"tight_boxes", (PyCFunction)(void (*)(void))chars_tight_boxes, METH_FASTCALL,
     "tight_boxes(GetCharBox, textpage, indices) -> [(left, bottom, right, top) or None] of the characters at indices"},
    {"glyphs", (PyCFunction)(void (*)(void))chars_glyphs, METH_FASTCALL,
     "glyphs(GetLooseCharBox, textpage, rect, lines, height) -> the seven lists of pdf_table_cells.Glyphs.read"},
    {"path_boxes", (PyCFunction)(void (*)(void))chars_path_boxes, METH_FASTCALL,
     "path_boxes(functions, page, thin, dark_luma, max_objects[, objects]) -> (count, paths, forms) of pdf_tables._path_bounds"},
    {"text_objects", (PyCFunction)(void (*)(void))chars_text_objects, METH_FASTCALL,
     "text_objects(functions, page) -> [[left, bottom, right, top, handle, None]] of the page's text objects with ink"},
    {"place", (PyCFunction)(void (*)(void))chars_place, METH_FASTCALL,
     "place(ch, x0, x1, cy, xs, ys, grid, members) -> True, or None for the Python loop (pdf_table_grid.build's placement)"},
    {"plain", (PyCFunction)(void (*)(void))chars_plain, METH_FASTCALL,
     "plain(ch, members) -> pdf_table_cells.Glyphs.plain's text, or None for the Python loop"},
    {"plain_lines", (PyCFunction)(void (*)(void))chars_plain_lines, METH_FASTCALL,
     "plain_lines(pieces, styles, height, page_no, digits_ok, bold_of, line_cls[, bold_by_font, symbols]) -> [line or None] per piece"},
    {"line_features", (PyCFunction)(void (*)(void))chars_line_features, METH_FASTCALL,
     "line_features(lines, slow) -> [(rounded size, rtl, baseline)] per line (pdf_block_sizes._features of one page)"},
    {"thin_rules", (PyCFunction)(void (*)(void))chars_thin_rules, METH_FASTCALL,
     "thin_rules(functions, page, height, rule, dark_luma, max_objects[, objects]) -> [(y, left, right)] of the page's thin dark paths"},
    {"page_objects", (PyCFunction)(void (*)(void))chars_page_objects, METH_FASTCALL,
     "page_objects(functions, page, max_objects) -> the page's object handles packed in bytes, or None (over max_objects)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef chars_module = {
    PyModuleDef_HEAD_INIT, "_chars", "pdfium's per-line queries of one PDF page in one call (optional).", -1,
    chars_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__chars(void) { return PyModule_Create(&chars_module); }
