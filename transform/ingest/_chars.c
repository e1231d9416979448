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
 * pdf_text.py keeps the Python version of the same steps (used when this optional
 * extension is not built, and as the reference in tests/ingest/test_chars_native.py).
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
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

static PyObject *chars_pieces(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
	(void)self;
	if (nargs != 4 || !PyTuple_Check(args[0]) || PyTuple_GET_SIZE(args[0]) != 6 || !PyUnicode_Check(args[2])) {
		PyErr_SetString(PyExc_TypeError, "pieces(functions: 6 addresses, textpage, text, height)");
		return NULL;
	}
	page_calls pc;
	void *fns[6];
	for (int k = 0; k < 6; k++) {
		fns[k] = PyLong_AsVoidPtr(PyTuple_GET_ITEM(args[0], k));
		if (fns[k] == NULL) {
			if (!PyErr_Occurred())
				PyErr_SetString(PyExc_ValueError, "null pdfium function address");
			return NULL;
		}
	}
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

static PyMethodDef chars_methods[] = {
    {"pieces", (PyCFunction)(void (*)(void))chars_pieces, METH_FASTCALL,
     "pieces(functions, textpage, text, height) -> (pieces, styles) of one PDF page"},
    {"loose_boxes", (PyCFunction)(void (*)(void))chars_loose_boxes, METH_FASTCALL,
     "loose_boxes(GetLooseCharBox, textpage, start, count, rect) -> [(left, right)] of a range of characters"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef chars_module = {
    PyModuleDef_HEAD_INIT, "_chars", "pdfium's per-line queries of one PDF page in one call (optional).", -1,
    chars_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__chars(void) { return PyModule_Create(&chars_module); }
