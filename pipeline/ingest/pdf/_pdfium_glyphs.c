/* The glyph loop of the PDF backend, compiled: the twin of `glyphs.py_glyphs` (read its
   docstring for what is read and when a page is given up). One pass over the text page's
   characters asks pdfium for each one's text object and origin, and each wanted object's
   font, size and matrix once; widths are cached by (font name, size, character) as in the
   Python twin, in the same dictionary type, so both give the same values. */

#include "_pdfium_loops.h"

enum { HYPHEN_MARK = 0x02, HYPHEN = 0x2D, NOT_A_CHARACTER = 0xFFFE };

/* Widths already looked up in one font and size, by character: a copy of what the shared
   cache (by font name, size and character) gave, kept without building its tuple keys. */
typedef struct { Handle font; float size; unsigned int *codes; double *widths; size_t size_of_table, used; } Known;

/* What a wanted text object's characters share (`glyphs.object_font`). */
typedef struct {
    PyObject *name, *size; /* the base font name, the font size (a float) */
    Handle font;
    double a, d; /* the matrix's scales; a == 0: turned or mirrored text */
    size_t face; /* its `Known` widths in `Page.faces` */
} Font;

/* The slot of `code` in the table: where it is, or the empty slot where it goes. */
static size_t slot_of(const Known *known, unsigned int code) {
    size_t k = (code * 2654435761u) & (known->size_of_table - 1);
    while (known->codes[k] != 0 && known->codes[k] != code) k = (k + 1) & (known->size_of_table - 1);
    return k;
}

static int remember(Known *known, unsigned int code, double width) {
    if (2 * (known->used + 1) > known->size_of_table) { /* keep it at most half full */
        Known bigger = {known->font, known->size, NULL, NULL, known->size_of_table ? 2 * known->size_of_table : 64, 0};
        bigger.codes = PyMem_Calloc(bigger.size_of_table, sizeof(unsigned int));
        bigger.widths = PyMem_Calloc(bigger.size_of_table, sizeof(double));
        if (bigger.codes == NULL || bigger.widths == NULL) {
            PyMem_Free(bigger.codes);
            PyMem_Free(bigger.widths);
            return -1;
        }
        for (size_t k = 0; k < known->size_of_table; k++)
            if (known->codes[k]) {
                size_t at = slot_of(&bigger, known->codes[k]);
                bigger.codes[at] = known->codes[k];
                bigger.widths[at] = known->widths[k];
            }
        bigger.used = known->used;
        PyMem_Free(known->codes);
        PyMem_Free(known->widths);
        *known = bigger;
    }
    size_t at = slot_of(known, code);
    known->codes[at] = code;
    known->widths[at] = width;
    known->used++;
    return 0;
}

typedef struct {
    Handle textpage;
    unsigned short *codes;
    PyObject *fonts, *name_of, *glyph_type, *widths;
    Known *faces;
    size_t face_count;
    float width; /* kept when pdfium has no width for a character, as the Python twin's c_float */
} Page;

/* The Unicode value of each character (`glyphs.codes`). */
static unsigned short *read_codes(Handle textpage, int count) {
    unsigned short *codes = PyMem_Calloc((size_t)count + 1, sizeof(unsigned short));
    if (codes == NULL) return NULL;
    GetText(textpage, 0, count, codes);
    for (int i = 0; i < count; i++)
        if (codes[i] == NOT_A_CHARACTER) codes[i] = (unsigned short)GetUnicode(textpage, i);
    return codes;
}

/* A text object's font, given one of its characters (`glyphs.object_font`). */
static int object_font(Page *page, Handle obj, int index, Font *out) {
    Handle font = GetFont(obj);
    float size = 0;
    GetFontSize(obj, &size);
    PyObject *font_key = key_of(font);
    if (font_key == NULL) return -1;
    PyObject *name = PyDict_GetItemWithError(page->fonts, font_key);
    if (name != NULL) {
        Py_INCREF(name);
    } else if (!PyErr_Occurred()) {
        name = PyObject_CallOneArg(page->name_of, font_key);
    }
    Py_DECREF(font_key);
    if (name == NULL) return -1;
    out->name = name;
    out->size = PyFloat_FromDouble(size);
    if (out->size == NULL) return -1;
    out->font = font;
    for (out->face = 0; out->face < page->face_count; out->face++)
        if (page->faces[out->face].font == font && page->faces[out->face].size == size) break;
    if (out->face == page->face_count) {
        Known *grown = PyMem_Realloc(page->faces, (page->face_count + 1) * sizeof(Known));
        if (grown == NULL) { PyErr_NoMemory(); return -1; }
        page->faces = grown;
        page->faces[page->face_count++] = (Known){font, size, NULL, NULL, 0, 0};
    }
    PdfMatrix m = {0, 0, 0, 0, 0, 0};
    GetCharMatrix(page->textpage, index, &m);
    out->a = out->d = 0.0;
    if (!(m.b || m.c || m.a <= 0 || m.d <= 0)) {
        out->a = m.a;
        out->d = m.d;
    }
    return 0;
}

/* A `Glyph` (a named tuple): text, x, y, advance, font, size, scale. */
static PyObject *new_glyph(Page *page, unsigned int code, double x, double y, double advance, Font *font) {
    PyObject *items[7] = {PyUnicode_FromOrdinal((int)code), PyFloat_FromDouble(x), PyFloat_FromDouble(y),
                          PyFloat_FromDouble(font->a * advance), font->name, font->size, PyFloat_FromDouble(font->d)};
    Py_INCREF(font->name);
    Py_INCREF(font->size);
    PyObject *glyph = NULL;
    if (items[0] && items[1] && items[2] && items[3] && items[6]) {
        glyph = ((PyTypeObject *)page->glyph_type)->tp_alloc((PyTypeObject *)page->glyph_type, 7);
        if (glyph != NULL) {
            for (int k = 0; k < 7; k++) PyTuple_SET_ITEM(glyph, k, items[k]);
            PyObject_GC_UnTrack(glyph); /* strings and floats only: it can hold no cycle */
            return glyph;
        }
    }
    for (int k = 0; k < 7; k++) Py_XDECREF(items[k]);
    return NULL;
}

static double shared_width(Page *page, Font *font, int index, unsigned int code, int *given_up);

/* The width of a character in a font and size, cached by (name, size, code) in `widths`;
   `given_up` is set for a character without Unicode, and -1 with an exception on an error. */
static double width_of(Page *page, Font *font, int index, unsigned int code, int *given_up) {
    Known *known = &page->faces[font->face];
    if (code != 0 && known->size_of_table) { /* 0 marks an empty slot: never remembered */
        size_t at = slot_of(known, code);
        if (known->codes[at] == code) return known->widths[at];
    }
    double width = shared_width(page, font, index, code, given_up);
    if (code != 0 && !*given_up && !(width < 0 && PyErr_Occurred()) && remember(known, code, width) < 0) {
        PyErr_NoMemory();
        return -1;
    }
    return width;
}

/* `width_of` from the cache shared by the objects of one font name and size. */
static double shared_width(Page *page, Font *font, int index, unsigned int code, int *given_up) {
    PyObject *code_value = PyLong_FromUnsignedLong(code);
    PyObject *key = code_value ? PyTuple_Pack(3, font->name, font->size, code_value) : NULL;
    Py_XDECREF(code_value);
    if (key == NULL) return -1;
    PyObject *cached = PyDict_GetItemWithError(page->widths, key);
    if (cached != NULL) {
        Py_DECREF(key);
        return PyFloat_AS_DOUBLE(cached);
    }
    if (PyErr_Occurred()) { Py_DECREF(key); return -1; }
    unsigned int drawn = code;
    if (code == HYPHEN_MARK) {
        drawn = HYPHEN;
    } else if (HasUnicodeMapError(page->textpage, index) || !(0 < code && code < 0xD800)) {
        Py_DECREF(key);
        *given_up = 1;
        return 0;
    }
    GetGlyphWidth(font->font, drawn, (float)PyFloat_AS_DOUBLE(font->size), &page->width);
    PyObject *value = PyFloat_FromDouble(page->width);
    int stored = value ? PyDict_SetItem(page->widths, key, value) : -1;
    Py_XDECREF(value);
    Py_DECREF(key);
    return stored < 0 ? -1 : (double)page->width;
}

/* glyphs(textpage, wanted, fonts, name_of, glyph_type): see `glyphs.py_glyphs`. */
PyObject *glyphs(PyObject *self, PyObject *args) {
    PyObject *page_value, *wanted;
    Page page = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0.0f};
    if (!PyArg_ParseTuple(args, "OOO!OO", &page_value, &wanted, &PyDict_Type, &page.fonts, &page.name_of,
                          &page.glyph_type)) return NULL;
    if (!PyType_Check(page.glyph_type) || !PyType_IsSubtype((PyTypeObject *)page.glyph_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "glyph_type must be a tuple type");
        return NULL;
    }
    page.textpage = handle_of(page_value);
    if (page.textpage == NULL) return NULL;
    PyObject *by_object = PyDict_New(), *seen = PySet_New(NULL), *objects = PyDict_New();
    page.widths = PyDict_New();
    Font *fonts = NULL;
    Py_ssize_t font_count = 0;
    PyObject *result = NULL, *current = NULL;
    if (!by_object || !seen || !objects || !page.widths) goto done;
    double x = 0.0, y = 0.0, last_x = 0.0, last_y = 0.0, last_advance = 0.0;
    Handle last_key = NULL;
    int in_run = 0, has_last = 0, given_up = 0;
    Font *font = NULL;
    int count = CountChars(page.textpage);
    for (int i = 0; i < count; i++) {
        Handle key = GetTextObject(page.textpage, i);
        if (key != last_key) { /* the characters of one object come one after another */
            last_key = key;
            has_last = 0;
            PyObject *number = key_of(key);
            if (number == NULL) goto done;
            int keep = key != NULL;
            if (keep && wanted != Py_None && (keep = PySet_Contains(wanted, number)) < 0) { Py_DECREF(number); goto done; }
            if (!keep) {
                in_run = 0;
                int added = PySet_Add(seen, number);
                Py_DECREF(number);
                if (added < 0) goto done;
                continue;
            }
            if (page.codes == NULL && (page.codes = read_codes(page.textpage, count)) == NULL) {
                Py_DECREF(number);
                PyErr_NoMemory();
                goto done;
            }
            PyObject *slot = PyDict_GetItemWithError(objects, number);
            if (slot == NULL) {
                if (PyErr_Occurred()) { Py_DECREF(number); goto done; }
                Font *grown = PyMem_Realloc(fonts, (size_t)(font_count + 1) * sizeof(Font));
                if (grown == NULL) { Py_DECREF(number); PyErr_NoMemory(); goto done; }
                fonts = grown;
                fonts[font_count] = (Font){NULL, NULL, NULL, 0.0, 0.0, 0};
                if (object_font(&page, key, i, &fonts[font_count++]) < 0) { Py_DECREF(number); goto done; }
                slot = PyLong_FromSsize_t(font_count - 1);
                int stored = slot ? PyDict_SetItem(objects, number, slot) : -1;
                Py_XDECREF(slot); /* the dictionary holds it */
                if (stored < 0) { Py_DECREF(number); goto done; }
            }
            font = &fonts[PyLong_AsSsize_t(slot)];
            if (!font->a) { Py_DECREF(number); result = Py_NewRef(Py_None); goto done; } /* turned or mirrored text */
            current = PyDict_GetItemWithError(by_object, number);
            if (current == NULL && !PyErr_Occurred()) {
                current = PyList_New(0);
                int stored = current ? PyDict_SetItem(by_object, number, current) : -1;
                Py_XDECREF(current); /* the dictionary holds it */
                if (stored < 0) current = NULL;
            }
            Py_DECREF(number);
            if (current == NULL) goto done;
            in_run = 1;
        } else if (!in_run) {
            continue;
        }
        unsigned int code = page.codes[i];
        double advance = width_of(&page, font, i, code, &given_up);
        if (given_up) { result = Py_NewRef(Py_None); goto done; } /* no Unicode: pdfminer writes (cid:N) */
        if (advance < 0 && PyErr_Occurred()) goto done;
        if (code == HYPHEN_MARK) code = HYPHEN;
        GetCharOrigin(page.textpage, i, &x, &y);
        if (has_last && last_advance > 0 && x == last_x && y == last_y) { /* a ligature: pdfminer keeps one */
            result = Py_NewRef(Py_None);
            goto done;
        }
        PyObject *glyph = new_glyph(&page, code, x, y, advance, font);
        if (glyph == NULL || PyList_Append(current, glyph) < 0) { Py_XDECREF(glyph); goto done; }
        Py_DECREF(glyph);
        has_last = 1;
        last_x = x;
        last_y = y;
        last_advance = font->a * advance;
    }
    result = PyTuple_Pack(2, by_object, seen);
done:
    for (Py_ssize_t k = 0; k < font_count; k++) {
        Py_XDECREF(fonts[k].name);
        Py_XDECREF(fonts[k].size);
    }
    for (size_t k = 0; k < page.face_count; k++) {
        PyMem_Free(page.faces[k].codes);
        PyMem_Free(page.faces[k].widths);
    }
    PyMem_Free(page.faces);
    PyMem_Free(fonts);
    PyMem_Free(page.codes);
    Py_XDECREF(by_object);
    Py_XDECREF(seen);
    Py_XDECREF(objects);
    Py_XDECREF(page.widths);
    return result;
}

/* char_boxes(glyphs, descents, height): see `glyphs.py_char_boxes`. */
PyObject *char_boxes(PyObject *self, PyObject *args) {
    static const char *names[8] = {"text", "x0", "x1", "top", "bottom", "doctop", "upright", "size"};
    static PyObject *keys[8];
    PyObject *items, *descents;
    double height;
    if (!PyArg_ParseTuple(args, "O!O!d", &PyList_Type, &items, &PyDict_Type, &descents, &height)) return NULL;
    for (int k = 0; k < 8; k++)
        if (keys[k] == NULL && (keys[k] = PyUnicode_InternFromString(names[k])) == NULL) return NULL;
    Py_ssize_t count = PyList_GET_SIZE(items);
    PyObject *chars = PyList_New(count);
    if (chars == NULL) return NULL;
    for (Py_ssize_t n = 0; n < count; n++) {
        PyObject *glyph = PyList_GET_ITEM(items, n);
        if (!PyTuple_Check(glyph) || PyTuple_GET_SIZE(glyph) != 7) {
            PyErr_SetString(PyExc_TypeError, "char_boxes() takes a list of Glyph");
            goto fail;
        }
        PyObject *descent_value = PyDict_GetItemWithError(descents, PyTuple_GET_ITEM(glyph, 4));
        if (descent_value == NULL && PyErr_Occurred()) goto fail;
        if (descent_value == NULL || descent_value == Py_None) {
            Py_DECREF(chars);
            Py_RETURN_NONE;
        }
        double descent = PyFloat_AsDouble(descent_value), x = PyFloat_AsDouble(PyTuple_GET_ITEM(glyph, 1)),
               y = PyFloat_AsDouble(PyTuple_GET_ITEM(glyph, 2)), advance = PyFloat_AsDouble(PyTuple_GET_ITEM(glyph, 3)),
               size = PyFloat_AsDouble(PyTuple_GET_ITEM(glyph, 5)), scale = PyFloat_AsDouble(PyTuple_GET_ITEM(glyph, 6));
        if (PyErr_Occurred()) goto fail;
        double y0 = scale * (descent * size) + y, y1 = scale * (descent * size + size) + y;
        double top = height - y1, bottom = height - y0;
        PyObject *values[8] = {Py_NewRef(PyTuple_GET_ITEM(glyph, 0)), Py_NewRef(PyTuple_GET_ITEM(glyph, 1)),
                               PyFloat_FromDouble(x + advance), PyFloat_FromDouble(top), PyFloat_FromDouble(bottom),
                               NULL, Py_NewRef(Py_True), PyFloat_FromDouble(bottom - top)};
        values[5] = Py_XNewRef(values[3]);
        PyObject *box = PyDict_New();
        int ok = box != NULL;
        for (int k = 0; k < 8; k++) {
            ok = ok && values[k] != NULL && PyDict_SetItem(box, keys[k], values[k]) == 0;
            Py_XDECREF(values[k]);
        }
        if (!ok) { Py_XDECREF(box); goto fail; }
        PyList_SET_ITEM(chars, n, box);
    }
    return chars;
fail:
    Py_DECREF(chars);
    return NULL;
}
