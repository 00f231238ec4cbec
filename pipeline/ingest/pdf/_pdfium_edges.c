/* The ruling edges of a page's path objects, compiled (`pdfium_loops.py_page_edges`, which runs
   `edges.edges_of` on each path's subpaths, is the pure-Python twin; the tests compare them).

   Why: a page full of tables has thousands of painted subpaths, and in Python each became a
   tuple of points, then a box dictionary, then up to four edge dictionaries copied from it: a
   twentieth of the backend's time on real reports. Here each subpath is classed as pdfminer's
   `paint_path` does (a line, an axis-aligned rectangle or a curve) straight from the walk over
   its segments (`walk_subpaths`), and only the edge dictionaries are built, with pdfplumber's
   keys in pdfplumber's order. Minimums and maximums keep the first of equal values, as Python's
   `min` and `max` do; a coordinate that is not finite leaves the page to the twin (None). */

#include "_pdfium_loops.h"

#include <math.h>
#include <string.h>

enum { X0, Y0, X1, Y1, WIDTH, HEIGHT, TOP, BOTTOM, DOCTOP, ORIENTATION, KEY_COUNT };
static const char *names[KEY_COUNT] = {"x0", "y0", "x1", "y1", "width", "height", "top", "bottom", "doctop",
                                       "orientation"};
static PyObject *keys[KEY_COUNT], *zero, *vertical, *horizontal;

typedef struct {
    PyObject *lines, *rects, *curves; /* the edges of each kind of subpath, in content order */
    double height;
    int odd; /* a coordinate is not finite */
} Found;

typedef struct { double x0, y0, x1, y1, width, height, top, bottom; } Bounds;

/* pdfplumber's box of the points (`edges._box`): the first of equal minimums and maximums. */
static Bounds bounds_of(const double *xs, const double *ys, int n, double page_height) {
    Bounds b = {xs[0], ys[0], xs[0], ys[0], 0, 0, 0, 0};
    for (int k = 1; k < n; k++) {
        if (xs[k] < b.x0) b.x0 = xs[k];
        if (xs[k] > b.x1) b.x1 = xs[k];
        if (ys[k] < b.y0) b.y0 = ys[k];
        if (ys[k] > b.y1) b.y1 = ys[k];
    }
    b.width = b.x1 - b.x0;
    b.height = b.y1 - b.y0;
    b.top = page_height - b.y1;
    b.bottom = page_height - b.y0;
    return b;
}

/* A dictionary of `count` keys (by number, in order) and values (references taken), appended
   to `out`; 0, or -1 with an exception. */
static int append_dict(PyObject *out, const int *which, PyObject **values, int count) {
    PyObject *dict = PyDict_New();
    int ok = dict != NULL;
    for (int k = 0; k < count; k++) {
        ok = ok && values[k] != NULL && PyDict_SetItem(dict, keys[which[k]], values[k]) == 0;
        Py_XDECREF(values[k]);
    }
    ok = ok && PyList_Append(out, dict) == 0;
    Py_XDECREF(dict);
    return ok ? 0 : -1;
}

/* The box's values in the order of `names` (up to doctop, which is the top). */
static void box_values(const Bounds *b, PyObject **values) {
    const double numbers[8] = {b->x0, b->y0, b->x1, b->y1, b->width, b->height, b->top, b->bottom};
    for (int k = 0; k < 8; k++) values[k] = PyFloat_FromDouble(numbers[k]);
    values[DOCTOP] = Py_XNewRef(values[TOP]);
}

static const int ALL_KEYS[KEY_COUNT] = {X0, Y0, X1, Y1, WIDTH, HEIGHT, TOP, BOTTOM, DOCTOP, ORIENTATION};

/* pdfplumber's `line_to_edge`: flat is horizontal, anything else vertical. */
static int line_edge(Found *found, const Bounds *b) {
    PyObject *values[KEY_COUNT];
    box_values(b, values);
    values[ORIENTATION] = Py_NewRef(b->top == b->bottom ? horizontal : vertical);
    return append_dict(found->lines, ALL_KEYS, values, KEY_COUNT);
}

/* pdfplumber's `rect_to_edges`: top, bottom, left, right (`edges._rect_edges`). */
static int rect_edges(Found *found, const Bounds *b) {
    for (int side = 0; side < 4; side++) {
        Bounds e = *b;
        double doctop = b->top;
        if (side == 0) {
            e.y0 = b->y1;
            e.bottom = b->top;
        } else if (side == 1) {
            e.y1 = b->y0;
            e.top = b->top + b->height;
            doctop = b->top + b->height;
        } else if (side == 2) {
            e.x1 = b->x0;
        } else {
            e.x0 = b->x1;
        }
        PyObject *values[KEY_COUNT];
        box_values(&e, values);
        Py_XSETREF(values[DOCTOP], PyFloat_FromDouble(doctop));
        Py_XSETREF(values[side < 2 ? HEIGHT : WIDTH], Py_NewRef(zero)); /* pdfplumber's int 0 */
        values[ORIENTATION] = Py_NewRef(side < 2 ? horizontal : vertical);
        if (append_dict(found->rects, ALL_KEYS, values, KEY_COUNT) < 0) return -1;
    }
    return 0;
}

/* pdfplumber's `curve_to_edges`: one edge per pair of consecutive points, in page space from the top. */
static int curve_edges(Found *found, const double *xs, const double *ys, int n) {
    static const int order[8] = {X0, X1, TOP, DOCTOP, BOTTOM, WIDTH, HEIGHT, ORIENTATION};
    for (int k = 0; k + 1 < n; k++) {
        double ax = xs[k], bx = xs[k + 1], ay = found->height - ys[k], by = found->height - ys[k + 1];
        double top = by < ay ? by : ay;
        PyObject *values[8] = {PyFloat_FromDouble(bx < ax ? bx : ax), PyFloat_FromDouble(bx > ax ? bx : ax),
                               PyFloat_FromDouble(top), NULL, PyFloat_FromDouble(by > ay ? by : ay),
                               PyFloat_FromDouble(fabs(ax - bx)), PyFloat_FromDouble(fabs(ay - by)),
                               Py_NewRef(ax == bx ? vertical : (ay == by ? horizontal : Py_None))};
        values[3] = Py_XNewRef(values[2]);
        if (append_dict(found->curves, order, values, 8) < 0) return -1;
    }
    return 0;
}

/* pdfminer's `paint_path` on one subpath (`edges._classify`): a line, a rectangle or a curve. */
static int classify(Ops *ops, void *context) {
    Found *found = context;
    int n = (int)ops->length;
    for (int k = 0; k < n; k++)
        if (!isfinite(ops->xs[k]) || !isfinite(ops->ys[k])) found->odd = 1;
    if (found->odd) return 0;
    char *shape = ops->ops;
    double *xs = ops->xs, *ys = ops->ys;
    if (n > 3 && shape[n - 2] == 'l' && shape[n - 1] == 'h' && xs[n - 2] == xs[0] && ys[n - 2] == ys[0]) {
        shape[n - 2] = 'h'; /* an explicit line back to the start before the closing `h` (the walk
                               starts the next subpath afresh) */
        xs[n - 2] = xs[n - 1];
        ys[n - 2] = ys[n - 1];
        n--;
    }
    if ((n == 3 && memcmp(shape, "mlh", 3) == 0) || (n == 2 && memcmp(shape, "ml", 2) == 0)) {
        Bounds b = bounds_of(xs, ys, 2, found->height);
        return line_edge(found, &b);
    }
    if (n == 5 && (memcmp(shape, "mlllh", 5) == 0 || memcmp(shape, "mllll", 5) == 0)) {
        int square = (xs[0] == xs[1] && ys[1] == ys[2] && xs[2] == xs[3] && ys[3] == ys[0])
                     || (ys[0] == ys[1] && xs[1] == xs[2] && ys[2] == ys[3] && xs[3] == xs[0]);
        if (xs[0] == xs[4] && ys[0] == ys[4] && square) {
            const double cx[4] = {xs[0], xs[2], xs[2], xs[0]}, cy[4] = {ys[0], ys[0], ys[2], ys[2]};
            Bounds b = bounds_of(cx, cy, 4, found->height);
            return rect_edges(found, &b);
        }
    }
    return curve_edges(found, xs, ys, n);
}

/* edges(paths, height): see `pdfium_loops.py_page_edges`; None when a coordinate is not finite. */
PyObject *edges(PyObject *self, PyObject *args) {
    PyObject *paths;
    double height;
    if (!PyArg_ParseTuple(args, "O!d", &PyList_Type, &paths, &height)) return NULL;
    for (int k = 0; k < KEY_COUNT; k++)
        if (keys[k] == NULL && (keys[k] = PyUnicode_InternFromString(names[k])) == NULL) return NULL;
    if ((zero == NULL && (zero = PyLong_FromLong(0)) == NULL)
        || (vertical == NULL && (vertical = PyUnicode_InternFromString("v")) == NULL)
        || (horizontal == NULL && (horizontal = PyUnicode_InternFromString("h")) == NULL)) return NULL;
    Found found = {PyList_New(0), PyList_New(0), PyList_New(0), height, 0};
    PyObject *result = NULL;
    if (found.lines == NULL || found.rects == NULL || found.curves == NULL) goto done;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(paths); k++) {
        PyObject *key, *box;
        Matrix m;
        if (!PyArg_ParseTuple(PyList_GET_ITEM(paths, k), "O(dddddd)O", &key, &m.a, &m.b, &m.c, &m.d, &m.e, &m.f, &box))
            goto done;
        Handle path = handle_of(key);
        if (path == NULL || walk_subpaths(path, &m, classify, &found) < 0) goto done;
    }
    if (found.odd) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    if (PyList_SetSlice(found.lines, PyList_GET_SIZE(found.lines), PyList_GET_SIZE(found.lines), found.rects) < 0
        || PyList_SetSlice(found.lines, PyList_GET_SIZE(found.lines), PyList_GET_SIZE(found.lines), found.curves) < 0)
        goto done;
    result = Py_NewRef(found.lines);
done:
    Py_XDECREF(found.lines);
    Py_XDECREF(found.rects);
    Py_XDECREF(found.curves);
    return result;
}
