/* steady-handout.h: the printable home-program handout (cairo, pango)
 *
 * One page on the program and its safety red flags, then one page per
 * drill: its key poses drawn by the figure painter, the steps and tips, and
 * the patient's own numbers. The same function draws a page into a PDF, a
 * PNG or a GtkPrintOperation's page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "steady-program.h"
#include "steady-session-settings.h"

G_BEGIN_DECLS

/* ISO A4 in PostScript points (1/72 inch). */
#define STEADY_HANDOUT_A4_WIDTH  595.275590551
#define STEADY_HANDOUT_A4_HEIGHT 841.889763780

#define STEADY_HANDOUT_ERROR (steady_handout_error_quark ())

typedef enum {
  STEADY_HANDOUT_ERROR_WRITE,   /* the PDF could not be written */
} SteadyHandoutError;

GQuark   steady_handout_error_quark  (void);

/* The cover page plus one page per drill. */
guint    steady_handout_get_n_pages  (SteadyProgram *program);

/* Draws page @page (0-based) of the handout into the rectangle (0, 0,
 * @width, @height) of @cr, in points: a page of any size works, the
 * content scales to its width. @settings maps drill ids to the patient's
 * SteadySessionSettings; NULL, or a drill missing from it, gives the
 * drill's defaults. Returns FALSE when @page is past the last page. */
gboolean steady_handout_render       (cairo_t       *cr,
                                      guint          page,
                                      double         width,
                                      double         height,
                                      SteadyProgram *program,
                                      GHashTable    *settings);

/* Writes every page on A4 to @file (replaced only once complete). */
gboolean steady_handout_write_pdf    (SteadyProgram *program,
                                      GHashTable    *settings,
                                      GFile         *file,
                                      GError       **error);

/* The patient's numbers for @drill as one line, e.g. "15 reps on each
 * side · hold 5 s". */
char    *steady_handout_format_numbers (SteadyDrill                 *drill,
                                        const SteadySessionSettings *settings);

G_END_DECLS
