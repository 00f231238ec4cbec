/* The cells of a page's ruled tables from its edges, compiled (`ruled_tables.py_ruled_cells`,
   pdfplumber's table finder with its default settings, is the pure-Python twin;
   tests/ingest/test_pdf_finder.py compares them).

   Why: pdfplumber snaps and joins the edges by copying a dictionary per edge and step, and asks
   for each pair of corners whether an edge joins them through sets of boxes: a tenth of the
   backend's time on real reports full of tables. Here the same steps run on arrays: edges snapped
   to the mean of their cluster (the mean is Python's own `sum`, so that it rounds as the twin's
   does), joined, filtered, crossed into corners, and each corner's smallest cell found. Sorts
   break ties by input order, as Python's stable sorts do; the corners keep the value first
   inserted, as the twin's dictionary does. Anything the twin would reject (an assertion of
   pdfplumber's, a coordinate that is not finite) gives None, and the twin decides. */

#include "_pdfium_loops.h"

#include <math.h>
#include <stdlib.h>

#define SNAP 3.0       /* pdfplumber's snap, join and intersection tolerances */
#define MIN_BEFORE 1.0 /* edge_min_length_prefilter */
#define MIN_LENGTH 3.0 /* edge_min_length */

typedef struct {
    double x0, x1, top, bottom, width, height;
    PyObject *at; /* borrowed: the value snapped (x0 of a vertical edge, top of a horizontal one) */
    int vertical;
    Py_ssize_t box;
} Edge;

typedef struct {
    double a, b, c, d;
    Py_ssize_t pos;
} Keyed;

typedef struct {
    double x, y;
    Py_ssize_t pos, v, h; /* insertion order; the boxes of the vertical and horizontal edge met */
} Meet;

typedef struct {
    double x, y;
    Py_ssize_t first, count; /* its meetings in the sorted meetings */
    Py_ssize_t row_next;      /* the next corner to the right on the same height (-1: none) */
} Corner;

static int by_keys(const void *p, const void *q) {
    const Keyed *s = p, *t = q;
    if (s->a != t->a) return s->a < t->a ? -1 : 1;
    if (s->b != t->b) return s->b < t->b ? -1 : 1;
    if (s->c != t->c) return s->c < t->c ? -1 : 1;
    if (s->d != t->d) return s->d < t->d ? -1 : 1;
    return (s->pos > t->pos) - (s->pos < t->pos);
}

static int by_point(const void *p, const void *q) {
    const Meet *s = p, *t = q;
    if (s->x != t->x) return s->x < t->x ? -1 : 1;
    if (s->y != t->y) return s->y < t->y ? -1 : 1;
    return (s->pos > t->pos) - (s->pos < t->pos);
}

/* pdfplumber's `snap_objects` on the edges of one orientation (`count` of them from `first`):
   clusters of the snapped value 3 apart, each edge moved by the cluster's mean less its value;
   the edges are written in cluster order, then input order, to `out`. 0, or -1 on an error. */
static int snap(Edge *edges, Py_ssize_t count, Keyed *keyed, Edge *out, PyObject *sum) {
    for (Py_ssize_t i = 0; i < count; i++) {
        double at = edges[i].vertical ? edges[i].x0 : edges[i].top;
        keyed[i] = (Keyed){at, 0, 0, 0, i};
    }
    qsort(keyed, (size_t)count, sizeof(Keyed), by_keys);
    Py_ssize_t cluster = -1;
    double last = 0;
    for (Py_ssize_t i = 0; i < count; i++) { /* the distinct values cut where one exceeds the last by 3 */
        if (i == 0 || (keyed[i].a != last && keyed[i].a > last + SNAP)) cluster++;
        last = keyed[i].a;
        keyed[i].b = (double)cluster;
        keyed[i].a = 0;
    }
    qsort(keyed, (size_t)count, sizeof(Keyed), by_keys);
    for (Py_ssize_t start = 0; start < count;) {
        Py_ssize_t end = start;
        while (end < count && keyed[end].b == keyed[start].b) end++;
        PyObject *values = PyList_New(end - start);
        if (values == NULL) return -1;
        for (Py_ssize_t k = start; k < end; k++) PyList_SET_ITEM(values, k - start, Py_NewRef(edges[keyed[k].pos].at));
        PyObject *total = PyObject_CallOneArg(sum, values);
        Py_DECREF(values);
        if (total == NULL) return -1;
        double mean = PyFloat_AsDouble(total) / (double)(end - start);
        Py_DECREF(total);
        if (PyErr_Occurred()) return -1;
        for (Py_ssize_t k = start; k < end; k++) {
            Edge e = edges[keyed[k].pos];
            if (e.vertical) {
                double by = mean - e.x0;
                e.x0 += by;
                e.x1 += by;
            } else {
                double by = mean - e.top;
                e.top += by;
                e.bottom += by;
            }
            out[k] = e;
        }
        start = end;
    }
    return 0;
}

/* pdfplumber's `merge_edges` then `filter_edges(min_length=3)`: the snapped edges grouped by
   orientation and line (horizontal ones first), joined where they overlap or lie 3 apart. The
   kept edges go to `out`; returns their number, or -1 when pdfplumber's `resize_object` would
   assert. */
static Py_ssize_t join(Edge *snapped, Py_ssize_t count, Keyed *keyed, Edge *out) {
    for (Py_ssize_t i = 0; i < count; i++) {
        const Edge *e = &snapped[i];
        keyed[i] = e->vertical ? (Keyed){1, e->x0, e->top, 0, i} : (Keyed){0, e->top, e->x0, 0, i};
    }
    qsort(keyed, (size_t)count, sizeof(Keyed), by_keys);
    Py_ssize_t kept = 0, last = -1;
    for (Py_ssize_t i = 0; i < count; i++) {
        Edge e = snapped[keyed[i].pos];
        int same_line = i > 0 && keyed[i].a == keyed[i - 1].a && keyed[i].b == keyed[i - 1].b;
        if (same_line && e.vertical && e.top <= out[last].bottom + SNAP) {
            if (e.bottom > out[last].bottom) {
                if (!(e.bottom >= out[last].top)) return -1;
                out[last].height = out[last].height + (e.bottom - out[last].bottom);
                out[last].bottom = e.bottom;
            }
        } else if (same_line && !e.vertical && e.x0 <= out[last].x1 + SNAP) {
            if (e.x1 > out[last].x1) {
                if (!(e.x1 >= out[last].x0)) return -1;
                out[last].x1 = e.x1;
                out[last].width = e.x1 - out[last].x0;
            }
        } else {
            out[++last] = e;
        }
    }
    for (Py_ssize_t i = 0; i <= last; i++)
        if ((out[i].vertical ? out[i].height : out[i].width) >= MIN_LENGTH) out[kept++] = out[i];
    return kept;
}

/* Each edge's box (x0, top, x1, bottom) as a number shared by the edges of an equal box. */
static void number_boxes(Edge *edges, Py_ssize_t count, Keyed *keyed) {
    for (Py_ssize_t i = 0; i < count; i++) keyed[i] = (Keyed){edges[i].x0, edges[i].top, edges[i].x1, edges[i].bottom, i};
    qsort(keyed, (size_t)count, sizeof(Keyed), by_keys);
    Py_ssize_t box = -1;
    for (Py_ssize_t i = 0; i < count; i++) {
        const Edge *e = &edges[keyed[i].pos], *before = i ? &edges[keyed[i - 1].pos] : NULL;
        if (before == NULL || before->x0 != e->x0 || before->top != e->top || before->x1 != e->x1
            || before->bottom != e->bottom) box++;
        edges[keyed[i].pos].box = box;
    }
}

/* True when corners p and q are joined by one edge box (vertical when they share x, horizontal
   when they share y): pdfplumber's `edge_connects`. */
static int connects(const Corner *p, const Corner *q, const Meet *meets) {
    for (int vertical = 1; vertical >= 0; vertical--) {
        if (vertical ? p->x != q->x : p->y != q->y) continue;
        for (Py_ssize_t i = p->first; i < p->first + p->count; i++)
            for (Py_ssize_t j = q->first; j < q->first + q->count; j++)
                if (vertical ? meets[i].v == meets[j].v : meets[i].h == meets[j].h) return 1;
    }
    return 0;
}

/* The corner at (x, y), or -1: a binary search in the corners sorted by x then y. */
static Py_ssize_t corner_at(const Corner *corners, Py_ssize_t count, double x, double y) {
    Py_ssize_t lo = 0, hi = count;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (corners[mid].x < x || (corners[mid].x == x && corners[mid].y < y)) lo = mid + 1; else hi = mid;
    }
    return lo < count && corners[lo].x == x && corners[lo].y == y ? lo : -1;
}

/* pdfplumber's `edges_to_intersections` and `intersections_to_cells` on the merged edges. */
static PyObject *cells_of(Edge *edges, Py_ssize_t count, Keyed *keyed) {
    PyObject *cells = NULL;
    Py_ssize_t verticals = 0, meet_count = 0, corner_count = 0;
    Py_ssize_t *v = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(count + 1));
    Py_ssize_t *h = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)(count + 1));
    Meet *meets = NULL;
    Corner *corners = NULL;
    Keyed *rows = NULL;
    if (v == NULL || h == NULL) goto nomemory;
    number_boxes(edges, count, keyed);
    for (int vertical = 1; vertical >= 0; vertical--) {
        Py_ssize_t n = 0;
        for (Py_ssize_t i = 0; i < count; i++)
            if (edges[i].vertical == vertical)
                keyed[n++] = vertical ? (Keyed){edges[i].x0, edges[i].top, 0, 0, i} : (Keyed){edges[i].top, edges[i].x0, 0, 0, i};
        qsort(keyed, (size_t)n, sizeof(Keyed), by_keys);
        for (Py_ssize_t k = 0; k < n; k++) (vertical ? v : h)[k] = keyed[k].pos;
        if (vertical) verticals = n;
    }
    Py_ssize_t horizontals = count - verticals;
    size_t room = 16;
    meets = PyMem_Malloc(room * sizeof(Meet));
    if (meets == NULL) goto nomemory;
    for (Py_ssize_t i = 0; i < verticals; i++)
        for (Py_ssize_t j = 0; j < horizontals; j++) {
            const Edge *a = &edges[v[i]], *b = &edges[h[j]];
            if (a->top <= b->top + SNAP && a->bottom >= b->top - SNAP && a->x0 >= b->x0 - SNAP && a->x0 <= b->x1 + SNAP) {
                if ((size_t)meet_count == room) {
                    Meet *grown = PyMem_Realloc(meets, (room *= 2) * sizeof(Meet));
                    if (grown == NULL) goto nomemory;
                    meets = grown;
                }
                meets[meet_count] = (Meet){a->x0, b->top, meet_count, a->box, b->box};
                meet_count++;
            }
        }
    qsort(meets, (size_t)meet_count, sizeof(Meet), by_point);
    corners = PyMem_Malloc(sizeof(Corner) * (size_t)(meet_count + 1));
    if (corners == NULL) goto nomemory;
    for (Py_ssize_t i = 0; i < meet_count; i++) {
        Corner *last = corner_count ? &corners[corner_count - 1] : NULL;
        if (last != NULL && last->x == meets[i].x && last->y == meets[i].y) last->count++;
        else corners[corner_count++] = (Corner){meets[i].x, meets[i].y, i, 1, -1};
    }
    rows = PyMem_Malloc(sizeof(Keyed) * (size_t)(corner_count + 1));
    if (rows == NULL) goto nomemory;
    for (Py_ssize_t i = 0; i < corner_count; i++) rows[i] = (Keyed){corners[i].y, corners[i].x, 0, 0, i};
    qsort(rows, (size_t)corner_count, sizeof(Keyed), by_keys);
    for (Py_ssize_t k = 0; k + 1 < corner_count; k++)
        if (rows[k + 1].a == rows[k].a) corners[rows[k].pos].row_next = rows[k + 1].pos;
    cells = PyList_New(0);
    for (Py_ssize_t i = 0; cells != NULL && i + 1 < corner_count; i++) {
        const Corner *pt = &corners[i];
        int found = 0;
        for (Py_ssize_t b = i + 1; !found && b < corner_count && corners[b].x == pt->x; b++) {
            if (!connects(pt, &corners[b], meets)) continue;
            for (Py_ssize_t r = pt->row_next; !found && r >= 0; r = corners[r].row_next) {
                if (!connects(pt, &corners[r], meets)) continue;
                Py_ssize_t br = corner_at(corners, corner_count, corners[r].x, corners[b].y);
                if (br < 0 || !connects(&corners[br], &corners[r], meets) || !connects(&corners[br], &corners[b], meets))
                    continue;
                PyObject *cell = Py_BuildValue("(dddd)", pt->x, pt->y, corners[r].x, corners[b].y);
                if (cell == NULL || PyList_Append(cells, cell) < 0) Py_CLEAR(cells);
                Py_XDECREF(cell);
                found = 1;
            }
        }
    }
    goto done;
nomemory:
    PyErr_NoMemory();
done:
    PyMem_Free(v);
    PyMem_Free(h);
    PyMem_Free(meets);
    PyMem_Free(corners);
    PyMem_Free(rows);
    return cells;
}

/* An edge dictionary's numbers and orientation; 1 when it is left out (not a vertical or
   horizontal edge as long as the prefilter wants), 2 when a number is not finite, -1 on an error. */
static int read_edge(PyObject *obj, Edge *e) {
    static const char *names[7] = {"orientation", "x0", "x1", "top", "bottom", "width", "height"};
    static PyObject *keys[7];
    PyObject *values[7];
    for (int k = 0; k < 7; k++)
        if (keys[k] == NULL && (keys[k] = PyUnicode_InternFromString(names[k])) == NULL) return -1;
    if (!PyDict_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "ruled_cells() takes a list of edge dicts");
        return -1;
    }
    for (int k = 0; k < 7; k++)
        if ((values[k] = PyDict_GetItemWithError(obj, keys[k])) == NULL) {
            if (!PyErr_Occurred()) PyErr_SetObject(PyExc_KeyError, keys[k]);
            return -1;
        }
    int vertical = PyUnicode_Check(values[0]) && PyUnicode_CompareWithASCIIString(values[0], "v") == 0;
    int horizontal = PyUnicode_Check(values[0]) && PyUnicode_CompareWithASCIIString(values[0], "h") == 0;
    if (!vertical && !horizontal) return 1;
    double n[6];
    for (int k = 0; k < 6; k++) {
        n[k] = PyFloat_AsDouble(values[k + 1]);
        if (n[k] == -1.0 && PyErr_Occurred()) return -1;
    }
    *e = (Edge){n[0], n[1], n[2], n[3], n[4], n[5], vertical ? values[1] : values[3], vertical, 0};
    if (!((vertical ? e->height : e->width) >= MIN_BEFORE)) return 1;
    for (int k = 0; k < 6; k++)
        if (!isfinite(n[k])) return 2;
    return 0;
}

/* ruled_cells(edges): see `ruled_tables.py_ruled_cells`; None where the twin must decide. */
PyObject *ruled_cells(PyObject *self, PyObject *list) {
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "ruled_cells() takes a list of edge dicts");
        return NULL;
    }
    static PyObject *sum;
    if (sum == NULL) {
        sum = PyDict_GetItemString(PyEval_GetBuiltins(), "sum");
        if (sum == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "no builtin sum");
            return NULL;
        }
        Py_INCREF(sum);
    }
    Py_ssize_t total = PyList_GET_SIZE(list), count = 0, verticals = 0;
    size_t slots = (size_t)total + 1;
    Edge *read = PyMem_Malloc(slots * sizeof(Edge)), *snapped = PyMem_Malloc(slots * sizeof(Edge)),
         *merged = PyMem_Malloc(slots * sizeof(Edge));
    Keyed *keyed = PyMem_Malloc(slots * sizeof(Keyed));
    PyObject *result = NULL;
    if (read == NULL || snapped == NULL || merged == NULL || keyed == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (int vertical = 1; vertical >= 0; vertical--) /* the prefilter: vertical edges, then horizontal */
        for (Py_ssize_t i = 0; i < total; i++) {
            Edge e;
            int status = read_edge(PyList_GET_ITEM(list, i), &e);
            if (status < 0) goto done;
            if (status == 2) {
                result = Py_NewRef(Py_None);
                goto done;
            }
            if (status == 0 && e.vertical == vertical) {
                read[count++] = e;
                verticals += vertical;
            }
        }
    if (snap(read, verticals, keyed, snapped, sum) < 0
        || snap(read + verticals, count - verticals, keyed, snapped + verticals, sum) < 0) goto done;
    Py_ssize_t kept = join(snapped, count, keyed, merged);
    result = kept < 0 ? Py_NewRef(Py_None) : cells_of(merged, kept, keyed);
done:
    PyMem_Free(read);
    PyMem_Free(snapped);
    PyMem_Free(merged);
    PyMem_Free(keyed);
    return result;
}
