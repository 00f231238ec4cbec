/* The per-character and per-path-segment loops of the PDF backend, compiled.

   Why: through pypdfium2's ctypes bindings every pdfium call costs about a microsecond of
   argument conversion, and a ruled page asks pdfium a few calls per character and per path
   segment: most of the backend's time on real reports. These loops make the same calls
   straight through pdfium's function pointers, which `pdfium_loops.py` takes from
   pypdfium2's bindings and hands to `bind` (nothing links against libpdfium at build time).

   Each function here (and `glyphs` in _pdfium_glyphs.c) has a pure-Python twin in
   `pdfium_loops.py` (`glyphs.py`) that gives identical values
   (tests/ingest/test_pdfium_loops.py compares them on PDFs). Arithmetic is done in double
   precision in the same order as the Python code, and the module is compiled with
   -ffp-contract=off so that no fused multiply-add changes a last bit. */

#include "_pdfium_loops.h"

#include <math.h>

int (*CountChars)(Handle);
Handle (*GetTextObject)(Handle, int);
int (*GetCharOrigin)(Handle, int, double *, double *);
int (*CountObjects)(Handle);
Handle (*GetObject)(Handle, int);
int (*FormCountObjects)(Handle);
Handle (*FormGetObject)(Handle, unsigned long);
int (*GetType)(Handle);
int (*GetBounds)(Handle, float *, float *, float *, float *);
int (*GetMatrix)(Handle, PdfMatrix *);
int (*CountSegments)(Handle);
Handle (*GetPathSegment)(Handle, int);
int (*SegmentGetPoint)(Handle, float *, float *);
int (*SegmentGetType)(Handle);
int (*SegmentGetClose)(Handle);
int (*GetText)(Handle, int, int, unsigned short *);
unsigned int (*GetUnicode)(Handle, int);
int (*HasUnicodeMapError)(Handle, int);
int (*GetGlyphWidth)(Handle, uint32_t, float, float *);
Handle (*GetFont)(Handle);
int (*GetFontSize)(Handle, float *);
int (*GetCharMatrix)(Handle, int, PdfMatrix *);
int (*GetCharIndexFromTextIndex)(Handle, int);
int (*GetCharBox)(Handle, int, double *, double *, double *, double *);
double (*GetCharFontSize)(Handle, int);

#define FUNCTION_COUNT 25
static void **const functions[FUNCTION_COUNT] = {
    (void **)&CountChars, (void **)&GetTextObject, (void **)&GetCharOrigin,
    (void **)&CountObjects, (void **)&GetObject, (void **)&FormCountObjects, (void **)&FormGetObject,
    (void **)&GetType, (void **)&GetBounds, (void **)&GetMatrix,
    (void **)&CountSegments, (void **)&GetPathSegment, (void **)&SegmentGetPoint,
    (void **)&SegmentGetType, (void **)&SegmentGetClose,
    (void **)&GetText, (void **)&GetUnicode, (void **)&HasUnicodeMapError, (void **)&GetGlyphWidth,
    (void **)&GetFont, (void **)&GetFontSize, (void **)&GetCharMatrix,
    (void **)&GetCharIndexFromTextIndex, (void **)&GetCharBox, (void **)&GetCharFontSize,
};
static int bound = 0;

/* bind(addresses): pdfium's functions, in the order of `pdfium_loops.FUNCTIONS`. */
static PyObject *bind(PyObject *self, PyObject *addresses) {
    if (!PyTuple_Check(addresses) || PyTuple_GET_SIZE(addresses) != FUNCTION_COUNT) {
        PyErr_SetString(PyExc_ValueError, "bind() takes a tuple of the pdfium function addresses");
        return NULL;
    }
    for (Py_ssize_t k = 0; k < FUNCTION_COUNT; k++) {
        void *address = PyLong_AsVoidPtr(PyTuple_GET_ITEM(addresses, k));
        if (address == NULL) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "a pdfium function address is null");
            return NULL;
        }
        *functions[k] = address;
    }
    bound = 1;
    Py_RETURN_NONE;
}

Handle handle_of(PyObject *value) {
    if (!bound) {
        PyErr_SetString(PyExc_RuntimeError, "bind() was not called");
        return NULL;
    }
    Handle handle = PyLong_AsVoidPtr(value);
    if (handle == NULL && !PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "a null pdfium handle");
    return handle;
}

PyObject *key_of(Handle handle) { return PyLong_FromSize_t((size_t)(uintptr_t)handle); }

static Matrix own_matrix(Handle obj) {
    PdfMatrix raw = {0, 0, 0, 0, 0, 0};
    GetMatrix(obj, &raw);
    Matrix m = {raw.a, raw.b, raw.c, raw.d, raw.e, raw.f};
    return m;
}

/* pdfminer's mult_matrix(m1, m0), as `edges.times`. */
static Matrix times(Matrix m1, Matrix m0) {
    Matrix m = {
        m0.a * m1.a + m0.c * m1.b, m0.b * m1.a + m0.d * m1.b,
        m0.a * m1.c + m0.c * m1.d, m0.b * m1.c + m0.d * m1.d,
        m0.a * m1.e + m0.c * m1.f + m0.e, m0.b * m1.e + m0.d * m1.f + m0.f,
    };
    return m;
}

static PyObject *matrix_tuple(Matrix m) { return Py_BuildValue("(dddddd)", m.a, m.b, m.c, m.d, m.e, m.f); }

/* One object of the walk appended to `out`: paths as (key, matrix, bounds or None), texts as
   (key, inside a form?, the forms' matrix, bounds). */
static int visit(Handle obj, int kind, Matrix outer, int form, int wanted_kind, PyObject *out) {
    float left = 0, bottom = 0, right = 0, top = 0;
    PyObject *item;
    if (kind != wanted_kind) return 0;
    if (kind == OBJECT_PATH) {
        Matrix m = times(own_matrix(obj), outer);
        if (GetBounds(obj, &left, &bottom, &right, &top))
            item = Py_BuildValue("(NN(dddd))", key_of(obj), matrix_tuple(m),
                                 (double)left, (double)bottom, (double)right, (double)top);
        else
            item = Py_BuildValue("(NNO)", key_of(obj), matrix_tuple(m), Py_None);
    } else {
        GetBounds(obj, &left, &bottom, &right, &top);
        item = Py_BuildValue("(NON(dddd))", key_of(obj), form ? Py_True : Py_False, matrix_tuple(outer),
                             (double)left, (double)bottom, (double)right, (double)top);
    }
    if (item == NULL) return -1;
    int appended = PyList_Append(out, item);
    Py_DECREF(item);
    return appended;
}

static int walk(Handle parent, Matrix outer, int form, int wanted_kind, PyObject *out) {
    int count = form ? FormCountObjects(parent) : CountObjects(parent);
    for (int k = 0; k < count; k++) {
        Handle obj = form ? FormGetObject(parent, (unsigned long)k) : GetObject(parent, k);
        int kind = GetType(obj);
        if (kind == OBJECT_FORM) {
            if (walk(obj, times(own_matrix(obj), outer), 1, wanted_kind, out) < 0) return -1;
        } else if (visit(obj, kind, outer, form, wanted_kind, out) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyObject *objects_of(PyObject *args, int wanted_kind) {
    PyObject *page_value;
    if (!PyArg_ParseTuple(args, "O", &page_value)) return NULL;
    Handle page = handle_of(page_value);
    if (page == NULL) return NULL;
    PyObject *out = PyList_New(0);
    Matrix identity = {1.0, 0.0, 0.0, 1.0, 0.0, 0.0};
    if (out == NULL || walk(page, identity, 0, wanted_kind, out) < 0) {
        Py_XDECREF(out);
        return NULL;
    }
    return out;
}

/* paths(page): see `pdfium_loops.paths`. */
static PyObject *paths(PyObject *self, PyObject *args) { return objects_of(args, OBJECT_PATH); }

/* texts(page): see `pdfium_loops.texts`. */
static PyObject *texts(PyObject *self, PyObject *args) { return objects_of(args, OBJECT_TEXT); }

/* reaching(texts, zones, height, reach): see `pdfium_loops.py_reaching`. */
static PyObject *reaching(PyObject *self, PyObject *args) {
    PyObject *items, *zones;
    double height, reach;
    if (!PyArg_ParseTuple(args, "O!O!dd", &PyList_Type, &items, &PyList_Type, &zones, &height, &reach)) return NULL;
    Py_ssize_t zone_count = PyList_GET_SIZE(zones);
    double *boxes = PyMem_Calloc((size_t)zone_count * 4 + 1, sizeof(double));
    if (boxes == NULL) return PyErr_NoMemory();
    for (Py_ssize_t z = 0; z < zone_count; z++) {
        double *box = boxes + 4 * z;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(zones, z), "dddd", box, box + 1, box + 2, box + 3)) {
            PyMem_Free(boxes);
            return NULL;
        }
    }
    PyObject *wanted = PySet_New(NULL);
    for (Py_ssize_t k = 0; wanted != NULL && k < PyList_GET_SIZE(items); k++) {
        PyObject *key, *form, *outer;
        double left, bottom, right, top;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(items, k), "OOO(dddd)", &key, &form, &outer, &left, &bottom, &right, &top)) {
            Py_CLEAR(wanted);
            break;
        }
        int keep = PyObject_IsTrue(form);
        for (Py_ssize_t z = 0; keep == 0 && z < zone_count; z++) {
            double *box = boxes + 4 * z; /* x0, top, x1, bottom */
            keep = left <= box[2] + reach && right >= box[0] - reach && height - bottom >= box[1] - reach
                   && height - top <= box[3] + reach;
        }
        if (keep < 0 || (keep && PySet_Add(wanted, key) < 0)) Py_CLEAR(wanted);
    }
    PyMem_Free(boxes);
    return wanted;
}

static int push(Ops *ops, char op, double x, double y) {
    if (ops->length == ops->size) {
        Py_ssize_t size = ops->size ? 2 * ops->size : 16;
        char *o = PyMem_Realloc(ops->ops, size);
        if (o == NULL) return -1;
        ops->ops = o;
        double *xs = PyMem_Realloc(ops->xs, size * sizeof(double));
        if (xs == NULL) return -1;
        ops->xs = xs;
        double *ys = PyMem_Realloc(ops->ys, size * sizeof(double));
        if (ys == NULL) return -1;
        ops->ys = ys;
        ops->size = size;
    }
    ops->ops[ops->length] = op;
    ops->xs[ops->length] = x;
    ops->ys[ops->length] = y;
    ops->length++;
    return 0;
}

/* `edges._finished`: hands on a subpath pdfminer paints (it starts with a move and draws something). */
static int finished(Ops *ops, Painted painted, void *context) {
    return ops->length < 2 || ops->ops[0] != 'm' ? 0 : painted(ops, context);
}

int walk_subpaths(Handle path, const Matrix *matrix, Painted painted, void *context) {
    Matrix m = *matrix;
    Ops ops = {NULL, NULL, NULL, 0, 0};
    int bezier = 0;
    float fx = 0, fy = 0;
    int count = CountSegments(path);
    for (int k = 0; k < count; k++) {
        Handle segment = GetPathSegment(path, k);
        int kind = SegmentGetType(segment);
        SegmentGetPoint(segment, &fx, &fy);
        double x = fx, y = fy;
        double px = m.a * x + m.c * y + m.e, py = m.b * x + m.d * y + m.f;
        if (kind == SEGMENT_MOVETO) {
            if (finished(&ops, painted, context) < 0) goto fail;
            ops.length = 0;
            if (push(&ops, 'm', px, py) < 0) goto fail;
            continue;
        }
        if (kind == SEGMENT_BEZIERTO) {
            bezier = (bezier + 1) % 3;
            if (bezier) continue;
            if (push(&ops, 'c', px, py) < 0) goto fail;
        } else if (push(&ops, 'l', px, py) < 0) {
            goto fail;
        }
        if (SegmentGetClose(segment) && ops.ops[0] == 'm') {
            Py_ssize_t last = ops.length - 1;
            if (ops.ops[last] == 'l') {
                ops.ops[last] = 'h';
                ops.xs[last] = ops.xs[0];
                ops.ys[last] = ops.ys[0];
            } else if (push(&ops, 'h', ops.xs[0], ops.ys[0]) < 0) {
                goto fail;
            }
        }
    }
    if (finished(&ops, painted, context) < 0) goto fail;
    PyMem_Free(ops.ops);
    PyMem_Free(ops.xs);
    PyMem_Free(ops.ys);
    return 0;
fail:
    PyMem_Free(ops.ops);
    PyMem_Free(ops.xs);
    PyMem_Free(ops.ys);
    if (!PyErr_Occurred()) PyErr_NoMemory();
    return -1;
}

/* A painted subpath appended to the list `context` as (operators, points). */
static int subpath_item(Ops *ops, void *context) {
    PyObject *points = PyList_New(ops->length);
    if (points == NULL) return -1;
    for (Py_ssize_t k = 0; k < ops->length; k++) {
        PyObject *point = Py_BuildValue("(dd)", ops->xs[k], ops->ys[k]);
        if (point == NULL) { Py_DECREF(points); return -1; }
        PyList_SET_ITEM(points, k, point);
    }
    PyObject *item = Py_BuildValue("(s#N)", ops->ops, ops->length, points);
    if (item == NULL) return -1;
    int appended = PyList_Append((PyObject *)context, item);
    Py_DECREF(item);
    return appended;
}

/* subpaths(path, matrix): see `pdfium_loops.subpaths` (the twin of `edges._subpaths`). */
static PyObject *subpaths(PyObject *self, PyObject *args) {
    PyObject *path_value;
    Matrix m;
    if (!PyArg_ParseTuple(args, "O(dddddd)", &path_value, &m.a, &m.b, &m.c, &m.d, &m.e, &m.f)) return NULL;
    Handle path = handle_of(path_value);
    if (path == NULL) return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    if (walk_subpaths(path, &m, subpath_item, out) < 0) Py_CLEAR(out);
    return out;
}

/* blank(key, outer, bounds, fonts, name_of, glyph_type): see `objects.py_blank`. */
static PyObject *blank(PyObject *self, PyObject *args) {
    PyObject *key, *fonts, *name_of, *glyph_type;
    Matrix outer;
    double left, bottom, right, top;
    if (!PyArg_ParseTuple(args, "O(dddddd)(dddd)O!OO", &key, &outer.a, &outer.b, &outer.c, &outer.d, &outer.e,
                          &outer.f, &left, &bottom, &right, &top, &PyDict_Type, &fonts, &name_of, &glyph_type))
        return NULL;
    if (top > bottom) Py_RETURN_NONE;
    Handle obj = handle_of(key);
    if (obj == NULL) return NULL;
    Handle font = GetFont(obj);
    float size = 0;
    GetFontSize(obj, &size);
    PyObject *font_key = key_of(font);
    if (font_key == NULL) return NULL;
    PyObject *name = PyDict_GetItemWithError(fonts, font_key);
    if (name != NULL) Py_INCREF(name);
    else if (!PyErr_Occurred()) name = PyObject_CallOneArg(name_of, font_key);
    Py_DECREF(font_key);
    if (name == NULL) return NULL;
    Matrix m = times(own_matrix(obj), outer);
    PyObject *glyph = m.b || m.c || m.a <= 0 || m.d <= 0
        ? Py_NewRef(Py_None)
        : PyObject_CallFunction(glyph_type, "sdddOdd", " ", m.e, m.f, 0.0, name, (double)size, m.d);
    Py_DECREF(name);
    return glyph;
}

/* line_boxes(textpage, spans): see `pdfium_loops.py_line_boxes`. */
static PyObject *line_boxes(PyObject *self, PyObject *args) {
    PyObject *page_value, *spans;
    if (!PyArg_ParseTuple(args, "OO!", &page_value, &PyList_Type, &spans)) return NULL;
    Handle textpage = handle_of(page_value);
    if (textpage == NULL) return NULL;
    Py_ssize_t count = PyList_GET_SIZE(spans);
    PyObject *out = PyList_New(count);
    if (out == NULL) return NULL;
    for (Py_ssize_t k = 0; k < count; k++) {
        int first, last;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(spans, k), "ii", &first, &last)) { Py_DECREF(out); return NULL; }
        int i = GetCharIndexFromTextIndex(textpage, first), j = GetCharIndexFromTextIndex(textpage, last);
        double left = 0, right = 0, bottom = 0, top = 0, x0, x = 0, y = 0;
        if (!GetCharBox(textpage, i, &left, &right, &bottom, &top)) { Py_DECREF(out); Py_RETURN_NONE; }
        x0 = left;
        if (!GetCharBox(textpage, j, &left, &right, &bottom, &top)) { Py_DECREF(out); Py_RETURN_NONE; }
        GetCharOrigin(textpage, i, &x, &y);
        PdfMatrix m = {0, 0, 0, 0, 0, 0};
        double size = GetCharMatrix(textpage, i, &m)
            ? GetCharFontSize(textpage, i) * sqrt(fabs((double)m.a * (double)m.d - (double)m.b * (double)m.c))
            : GetCharFontSize(textpage, i);
        PyObject *box = Py_BuildValue("(dddd)", x0, right, y, size);
        if (box == NULL) { Py_DECREF(out); return NULL; }
        PyList_SET_ITEM(out, k, box);
    }
    return out;
}

static PyMethodDef methods[] = {
    {"bind", bind, METH_O, "Take pdfium's function addresses (see pdfium_loops.FUNCTIONS)."},
    {"glyphs", glyphs, METH_VARARGS, "The wanted text objects' characters (glyphs.py_glyphs)."},
    {"char_boxes", char_boxes, METH_VARARGS, "pdfplumber's chars of the glyphs (glyphs.py_char_boxes)."},
    {"paths", paths, METH_VARARGS, "The page's path objects (pdfium_loops.paths)."},
    {"texts", texts, METH_VARARGS, "The page's text objects (pdfium_loops.texts)."},
    {"reaching", reaching, METH_VARARGS, "The text objects near the zones (pdfium_loops.reaching)."},
    {"subpaths", subpaths, METH_VARARGS, "A path object's subpaths (pdfium_loops.subpaths)."},
    {"ruled_cells", ruled_cells, METH_O, "The cells of the page's ruled tables (ruled_tables.py_ruled_cells)."},
    {"blank", blank, METH_VARARGS, "A text object of blanks as one blank glyph (objects.py_blank)."},
    {"edges", edges, METH_VARARGS, "The ruling edges of the page's path objects (pdfium_loops.py_page_edges)."},
    {"cell_rows", cell_rows, METH_VARARGS, "The text of a ruled table's cells (pdfium_layout.py_cell_rows)."},
    {"line_boxes", line_boxes, METH_VARARGS, "The extent, origin and size of text lines (pdfium_loops.line_boxes)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_pdfium_loops", NULL, -1, methods};

PyMODINIT_FUNC PyInit__pdfium_loops(void) { return PyModule_Create(&module); }
