/* steady-program.h: a lesson — cards and drills — parsed from XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "steady-card.h"
#include "steady-drill.h"

G_BEGIN_DECLS

#define STEADY_PROGRAM_ERROR (steady_program_error_quark ())

typedef enum {
  STEADY_PROGRAM_ERROR_IO,                /* cannot read the file */
  STEADY_PROGRAM_ERROR_MALFORMED,         /* not well-formed XML, bad encoding */
  STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT,
  STEADY_PROGRAM_ERROR_UNKNOWN_ATTRIBUTE,
  STEADY_PROGRAM_ERROR_MISSING,           /* a required element or attribute */
  STEADY_PROGRAM_ERROR_INVALID_VALUE,     /* not a number, not a known name */
  STEADY_PROGRAM_ERROR_OUT_OF_RANGE,
  STEADY_PROGRAM_ERROR_DUPLICATE_ID,
  STEADY_PROGRAM_ERROR_BAD_REFERENCE,     /* names a drill/illustration/motion that does not exist */
} SteadyProgramError;

/* When to stop a session and send the patient to their clinician (issue 6). */
typedef struct {
  int      pain_at_least;    /* pain >= this stops (0–10) */
  int      pain_rise;        /* pain up by >= this since the start stops */
  gboolean painful_pop;      /* a pop that hurt stops */
} SteadyStopRules;

#define STEADY_TYPE_PROGRAM (steady_program_get_type ())
G_DECLARE_FINAL_TYPE (SteadyProgram, steady_program, STEADY, PROGRAM, GObject)

GQuark                 steady_program_error_quark    (void);

/* Error messages read "NAME:LINE:COLUMN: what is wrong", NAME being the
 * file's basename (or @display_name). */
SteadyProgram         *steady_program_new_from_file  (GFile         *file,
                                                      GError       **error);
SteadyProgram         *steady_program_new_from_bytes (GBytes        *bytes,
                                                      const char    *display_name,
                                                      GError       **error);
/* The program compiled into the GResource. */
SteadyProgram         *steady_program_new_builtin    (GError       **error);

const char            *steady_program_get_id         (SteadyProgram *self);
const char            *steady_program_get_title      (SteadyProgram *self);
/* File name or "built-in", for messages. */
const char            *steady_program_get_source_name (SteadyProgram *self);

guint                  steady_program_get_n_cards    (SteadyProgram *self);
SteadyCard            *steady_program_get_card       (SteadyProgram *self,
                                                      guint          position);
SteadyCard            *steady_program_find_card      (SteadyProgram *self,
                                                      const char    *id);
/* The first card of kind "safety", and its position (when @position is
 * not NULL); NULL when the program has none. */
SteadyCard            *steady_program_find_safety_card (SteadyProgram *self,
                                                        guint         *position);
/* A GListModel of SteadyDrill, in file order. */
GListModel            *steady_program_get_drills     (SteadyProgram *self);
SteadyDrill           *steady_program_find_drill     (SteadyProgram *self,
                                                      const char    *id);
const SteadyStopRules *steady_program_get_stop_rules (SteadyProgram *self);

G_END_DECLS
