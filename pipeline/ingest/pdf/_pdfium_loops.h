/* What the C files of the compiled PDF loops share: pdfium's types and function pointers
   (set by `bind` in _pdfium_loops.c), and the handle conversions. */

#ifndef PDFIUM_LOOPS_H
#define PDFIUM_LOOPS_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

typedef void *Handle;
typedef struct { float a, b, c, d, e, f; } PdfMatrix; /* pdfium's FS_MATRIX */
typedef struct { double a, b, c, d, e, f; } Matrix;
/* A subpath being built: its operators ("m", "l", "c", "h") and points. */
typedef struct { char *ops; double *xs, *ys; Py_ssize_t length, size; } Ops;
/* What is done with each subpath pdfminer paints: 0, or -1 with an exception. */
typedef int (*Painted)(Ops *ops, void *context);

enum { SEGMENT_LINETO = 0, SEGMENT_BEZIERTO = 1, SEGMENT_MOVETO = 2 };
enum { OBJECT_TEXT = 1, OBJECT_PATH = 2, OBJECT_FORM = 5 };

extern int (*CountChars)(Handle);
extern Handle (*GetTextObject)(Handle, int);
extern int (*GetCharOrigin)(Handle, int, double *, double *);
extern int (*CountObjects)(Handle);
extern Handle (*GetObject)(Handle, int);
extern int (*FormCountObjects)(Handle);
extern Handle (*FormGetObject)(Handle, unsigned long);
extern int (*GetType)(Handle);
extern int (*GetBounds)(Handle, float *, float *, float *, float *);
extern int (*GetMatrix)(Handle, PdfMatrix *);
extern int (*CountSegments)(Handle);
extern Handle (*GetPathSegment)(Handle, int);
extern int (*SegmentGetPoint)(Handle, float *, float *);
extern int (*SegmentGetType)(Handle);
extern int (*SegmentGetClose)(Handle);
extern int (*GetText)(Handle, int, int, unsigned short *);
extern unsigned int (*GetUnicode)(Handle, int);
extern int (*HasUnicodeMapError)(Handle, int);
extern int (*GetGlyphWidth)(Handle, uint32_t, float, float *);
extern Handle (*GetFont)(Handle);
extern int (*GetFontSize)(Handle, float *);
extern int (*GetCharMatrix)(Handle, int, PdfMatrix *);
extern int (*GetCharIndexFromTextIndex)(Handle, int);
extern int (*GetCharBox)(Handle, int, double *, double *, double *, double *);
extern double (*GetCharFontSize)(Handle, int);

Handle handle_of(PyObject *value);
PyObject *key_of(Handle handle);
/* A path object's subpaths in page space (see `pdfium_loops.py_subpaths`), each handed to
   `painted`: 0, or -1 with an exception. */
int walk_subpaths(Handle path, const Matrix *matrix, Painted painted, void *context);
PyObject *glyphs(PyObject *self, PyObject *args);
PyObject *char_boxes(PyObject *self, PyObject *args);
PyObject *cell_rows(PyObject *self, PyObject *args);
PyObject *ruled_cells(PyObject *self, PyObject *list);
PyObject *edges(PyObject *self, PyObject *args);

#endif
