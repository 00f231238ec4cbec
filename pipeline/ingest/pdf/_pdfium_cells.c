/* The text of each cell of a ruled table, compiled (`pdfium_layout.py_cell_rows` is its
   pure-Python twin; tests/ingest/test_pdfium_loops.py compares them on PDFs).

   Why: filling the cells is pdfplumber's `Table.extract` (a character belongs to the cell that
   holds the middle of its box) and its `extract_text` per cell (lines are clusters of the
   characters' tops, words break at a blank, a step back, a gap or a top 3 pt away); in Python it
   was the largest part of the layout on pages full of tables, a few dictionary look-ups and
   sorts per character. Here each character's numbers are read once, and the clusters and words
   are built on plain arrays. Sorts break ties by input order, as Python's stable sorts do. */

#include "_pdfium_loops.h"

#include <math.h>
#include <stdlib.h>

#define TOLERANCE 3.0 /* pdfplumber's x and y tolerance */

typedef struct {
    double x0, x1, top, h_mid, v_mid;
    PyObject *text; /* borrowed: the character's text, or its ligature's letters */
    int blank;
} Char;

typedef struct {
    double key;
    Py_ssize_t pos, group;
} Keyed;

typedef struct { /* work space for one cell, each array as long as the page's characters */
    Char *chars;
    Keyed *keyed;
    double *keys;
    Py_ssize_t *mine, *order, *starts, *word_start, *word_end;
    PyObject **pieces;
} Work;

static int by_key(const void *a, const void *b) {
    const Keyed *p = a, *q = b;
    if (p->key != q->key) return p->key < q->key ? -1 : 1;
    return (p->pos > q->pos) - (p->pos < q->pos);
}

static int by_group(const void *a, const void *b) {
    const Keyed *p = a, *q = b;
    if (p->group != q->group) return p->group < q->group ? -1 : 1;
    return (p->pos > q->pos) - (p->pos < q->pos);
}

/* pdfplumber's `cluster_objects(items, key, 3)` on `n` keys: the distinct values sorted and cut
   where one exceeds the previous by more than 3. `order` receives the positions by cluster, then
   input order; `starts[c]` is where cluster c begins in it. Returns the number of clusters. */
static Py_ssize_t clusters(const double *keys, Py_ssize_t n, Keyed *keyed, Py_ssize_t *order, Py_ssize_t *starts) {
    for (Py_ssize_t i = 0; i < n; i++) keyed[i] = (Keyed){keys[i], i, 0};
    qsort(keyed, (size_t)n, sizeof(Keyed), by_key);
    Py_ssize_t cluster = -1;
    double last = -INFINITY;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i == 0 || keyed[i].key != keyed[i - 1].key) {
            if (keyed[i].key > last + TOLERANCE) cluster++;
            last = keyed[i].key;
        }
        keyed[i].group = cluster;
    }
    qsort(keyed, (size_t)n, sizeof(Keyed), by_group);
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i == 0 || keyed[i].group != keyed[i - 1].group) starts[count++] = i;
        order[i] = keyed[i].pos;
    }
    starts[count] = n;
    return count;
}

/* pdfplumber's `extract_text` of the `m` characters `w->mine` (page indexes, in page order). */
static PyObject *cell_text(Work *w, Py_ssize_t m) {
    for (Py_ssize_t k = 0; k < m; k++) w->keys[k] = w->chars[w->mine[k]].top;
    Py_ssize_t lines = clusters(w->keys, m, w->keyed, w->order, w->starts);
    /* each line's characters left to right (by x0, then page order), cut into words */
    Py_ssize_t words = 0, pieces = 0;
    double *word_top = w->keys; /* the line tops are read no more */
    for (Py_ssize_t line = 0; line < lines; line++) {
        Py_ssize_t first = w->starts[line], count = w->starts[line + 1] - first;
        for (Py_ssize_t k = 0; k < count; k++) {
            Py_ssize_t pos = w->order[first + k];
            w->keyed[k] = (Keyed){w->chars[w->mine[pos]].x0, pos, 0};
        }
        qsort(w->keyed, (size_t)count, sizeof(Keyed), by_key);
        const Char *last = NULL;
        for (Py_ssize_t k = 0; k < count; k++) {
            const Char *c = &w->chars[w->mine[w->keyed[k].pos]];
            int breaks = c->blank || (last != NULL && (c->x0 < last->x0 || c->x0 > last->x1 + TOLERANCE
                                                       || fabs(c->top - last->top) > TOLERANCE));
            if (breaks && last != NULL) { /* the word before is closed */
                words++;
                last = NULL;
            }
            if (c->blank) {
                last = NULL;
                continue;
            }
            if (last == NULL) {
                w->word_start[words] = pieces;
                word_top[words] = c->top;
            } else if (c->top < word_top[words]) {
                word_top[words] = c->top;
            }
            w->pieces[pieces++] = c->text;
            w->word_end[words] = pieces;
            last = c;
        }
        if (last != NULL) words++;
    }
    /* the words' lines, clustered again by the words' tops */
    Py_ssize_t rows = clusters(word_top, words, w->keyed, w->order, w->starts);
    PyObject *parts = PyList_New(0);
    if (parts == NULL) return NULL;
    static PyObject *space, *newline, *empty;
    if ((space == NULL && (space = PyUnicode_InternFromString(" ")) == NULL)
        || (newline == NULL && (newline = PyUnicode_InternFromString("\n")) == NULL)
        || (empty == NULL && (empty = PyUnicode_InternFromString("")) == NULL)) goto fail;
    for (Py_ssize_t row = 0; row < rows; row++) {
        if (row > 0 && PyList_Append(parts, newline) < 0) goto fail;
        for (Py_ssize_t k = w->starts[row]; k < w->starts[row + 1]; k++) {
            if (k > w->starts[row] && PyList_Append(parts, space) < 0) goto fail;
            Py_ssize_t word = w->order[k];
            for (Py_ssize_t p = w->word_start[word]; p < w->word_end[word]; p++)
                if (PyList_Append(parts, w->pieces[p]) < 0) goto fail;
        }
    }
    PyObject *text = PyUnicode_Join(empty, parts);
    Py_DECREF(parts);
    return text;
fail:
    Py_DECREF(parts);
    return NULL;
}

/* A box's four numbers (x0, top, x1, bottom); -1 with an exception when it is not one. */
static int read_box(PyObject *value, double box[4]) {
    PyObject *seq = PySequence_Fast(value, "a box is a sequence of four numbers");
    if (seq == NULL) return -1;
    int ok = PySequence_Fast_GET_SIZE(seq) == 4;
    for (int k = 0; ok && k < 4; k++) {
        box[k] = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(seq, k));
        ok = !PyErr_Occurred();
    }
    Py_DECREF(seq);
    if (!ok && !PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "a box is a sequence of four numbers");
    return ok ? 0 : -1;
}

/* 1 when the text is non-empty and all blanks (`str.isspace`), else 0; -1 on an error. */
static int is_space(PyObject *text) {
    if (PyUnicode_READY(text) < 0) return -1;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t k = 0; k < n; k++)
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k))) return 0;
    return n > 0;
}

/* The page's characters read into `chars`; 1 when a coordinate is not finite (the Python
   twin decides then), -1 with an exception on an error. */
static int read_chars(PyObject *list, PyObject *ligatures, Char *chars) {
    static const char *names[5] = {"x0", "x1", "top", "bottom", "text"};
    static PyObject *keys[5];
    for (int k = 0; k < 5; k++)
        if (keys[k] == NULL && (keys[k] = PyUnicode_InternFromString(names[k])) == NULL) return -1;
    for (Py_ssize_t n = 0; n < PyList_GET_SIZE(list); n++) {
        PyObject *obj = PyList_GET_ITEM(list, n), *values[5];
        if (!PyDict_Check(obj)) {
            PyErr_SetString(PyExc_TypeError, "cell_rows() takes a list of character dicts");
            return -1;
        }
        for (int k = 0; k < 5; k++) {
            values[k] = PyDict_GetItemWithError(obj, keys[k]);
            if (values[k] == NULL) {
                if (!PyErr_Occurred()) PyErr_SetObject(PyExc_KeyError, keys[k]);
                return -1;
            }
        }
        double v[4];
        for (int k = 0; k < 4; k++) {
            v[k] = PyFloat_AsDouble(values[k]);
            if (PyErr_Occurred()) return -1;
        }
        if (!PyUnicode_Check(values[4])) {
            PyErr_SetString(PyExc_TypeError, "a character's text is a str");
            return -1;
        }
        int blank = is_space(values[4]);
        if (blank < 0) return -1;
        Char *c = &chars[n];
        *c = (Char){v[0], v[1], v[2], (v[0] + v[1]) / 2, (v[2] + v[3]) / 2, values[4], blank};
        PyObject *letters = PyDict_GetItemWithError(ligatures, values[4]);
        if (letters == NULL && PyErr_Occurred()) return -1;
        if (letters != NULL) {
            if (!PyUnicode_Check(letters)) {
                PyErr_SetString(PyExc_TypeError, "a ligature's letters are a str");
                return -1;
            }
            c->text = letters;
        }
        if (!isfinite(c->x0) || !isfinite(c->x1) || !isfinite(c->top) || !isfinite(c->h_mid) || !isfinite(c->v_mid))
            return 1;
    }
    return 0;
}

/* One row's cells: None for a cell merged into its neighbour, else the text of the characters
   whose middle lies in it. `order` holds the page's characters by the middle's height. */
static PyObject *row_cells(Work *w, PyObject *row, const Py_ssize_t *order, const double *heights, Py_ssize_t n) {
    if (!PyTuple_Check(row) || PyTuple_GET_SIZE(row) != 2 || !PyList_Check(PyTuple_GET_ITEM(row, 1))) {
        PyErr_SetString(PyExc_TypeError, "a row is a tuple (box, list of cells)");
        return NULL;
    }
    double box[4];
    if (read_box(PyTuple_GET_ITEM(row, 0), box) < 0) return NULL;
    Py_ssize_t lo = 0, hi = n; /* bisect_left for the row's top, then for its bottom */
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (heights[mid] < box[1]) lo = mid + 1; else hi = mid;
    }
    Py_ssize_t start = lo;
    hi = n;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (heights[mid] < box[3]) lo = mid + 1; else hi = mid;
    }
    Py_ssize_t inside = 0;
    Keyed *band = w->keyed;
    for (Py_ssize_t k = start; k < lo; k++) {
        const Char *c = &w->chars[order[k]];
        if (box[0] <= c->h_mid && c->h_mid < box[2]) band[inside++] = (Keyed){(double)order[k], order[k], 0};
    }
    qsort(band, (size_t)inside, sizeof(Keyed), by_key);
    Py_ssize_t *row_chars = PyMem_Malloc((size_t)(inside + 1) * sizeof(Py_ssize_t));
    if (row_chars == NULL) return PyErr_NoMemory();
    for (Py_ssize_t k = 0; k < inside; k++) row_chars[k] = band[k].pos;
    PyObject *cells = PyTuple_GET_ITEM(row, 1), *out = PyList_New(PyList_GET_SIZE(cells));
    for (Py_ssize_t j = 0; out != NULL && j < PyList_GET_SIZE(cells); j++) {
        PyObject *cell = PyList_GET_ITEM(cells, j), *text = NULL;
        double at[4];
        if (cell == Py_None) {
            text = Py_NewRef(Py_None);
        } else if (read_box(cell, at) == 0) {
            Py_ssize_t m = 0;
            for (Py_ssize_t k = 0; k < inside; k++) {
                const Char *c = &w->chars[row_chars[k]];
                if (at[0] <= c->h_mid && c->h_mid < at[2] && at[1] <= c->v_mid && c->v_mid < at[3])
                    w->mine[m++] = row_chars[k];
            }
            text = m ? cell_text(w, m) : PyUnicode_FromString("");
        }
        if (text == NULL) Py_CLEAR(out);
        else PyList_SET_ITEM(out, j, text);
    }
    PyMem_Free(row_chars);
    return out;
}

/* cell_rows(chars, rows, ligatures): see `pdfium_layout.py_cell_rows`; None when a character's
   coordinates are not finite. */
PyObject *cell_rows(PyObject *self, PyObject *args) {
    PyObject *list, *rows, *ligatures, *result = NULL;
    if (!PyArg_ParseTuple(args, "O!O!O!", &PyList_Type, &list, &PyList_Type, &rows, &PyDict_Type, &ligatures))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(list);
    size_t slots = (size_t)n + 1;
    Work w = {PyMem_Calloc(slots, sizeof(Char)), PyMem_Calloc(slots, sizeof(Keyed)), PyMem_Calloc(slots, sizeof(double)),
              PyMem_Calloc(slots, sizeof(Py_ssize_t)), PyMem_Calloc(slots, sizeof(Py_ssize_t)),
              PyMem_Calloc(slots + 1, sizeof(Py_ssize_t)), PyMem_Calloc(slots, sizeof(Py_ssize_t)),
              PyMem_Calloc(slots, sizeof(Py_ssize_t)), PyMem_Calloc(slots, sizeof(PyObject *))};
    Py_ssize_t *order = PyMem_Calloc(slots, sizeof(Py_ssize_t));
    double *heights = PyMem_Calloc(slots, sizeof(double));
    if (!w.chars || !w.keyed || !w.keys || !w.mine || !w.order || !w.starts || !w.word_start || !w.word_end
        || !w.pieces || !order || !heights) {
        PyErr_NoMemory();
        goto done;
    }
    int read = read_chars(list, ligatures, w.chars);
    if (read != 0) {
        result = read > 0 ? Py_NewRef(Py_None) : NULL;
        goto done;
    }
    for (Py_ssize_t k = 0; k < n; k++) w.keyed[k] = (Keyed){w.chars[k].v_mid, k, 0};
    qsort(w.keyed, (size_t)n, sizeof(Keyed), by_key);
    for (Py_ssize_t k = 0; k < n; k++) {
        order[k] = w.keyed[k].pos;
        heights[k] = w.keyed[k].key;
    }
    result = PyList_New(PyList_GET_SIZE(rows));
    for (Py_ssize_t r = 0; result != NULL && r < PyList_GET_SIZE(rows); r++) {
        PyObject *cells = row_cells(&w, PyList_GET_ITEM(rows, r), order, heights, n);
        if (cells == NULL) Py_CLEAR(result);
        else PyList_SET_ITEM(result, r, cells);
    }
done:
    PyMem_Free(w.chars);
    PyMem_Free(w.keyed);
    PyMem_Free(w.keys);
    PyMem_Free(w.mine);
    PyMem_Free(w.order);
    PyMem_Free(w.starts);
    PyMem_Free(w.word_start);
    PyMem_Free(w.word_end);
    PyMem_Free(w.pieces);
    PyMem_Free(order);
    PyMem_Free(heights);
    return result;
}
