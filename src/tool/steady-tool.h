/* steady-tool.h: what every steady-tool command shares
 *
 * Each command lives in its own tool-NAME.c and is listed once in the table
 * in steady-tool.c. A command returns the process exit status:
 * STEADY_TOOL_OK, STEADY_TOOL_BAD_INPUT (one clear line on stderr) or
 * STEADY_TOOL_USAGE (bad arguments; the usage is printed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "steady-types.h"

G_BEGIN_DECLS

enum {
  STEADY_TOOL_OK = 0,
  STEADY_TOOL_BAD_INPUT = 1,
  STEADY_TOOL_USAGE = 2,
};

typedef int (*SteadyToolFunc) (int argc, char **argv);

typedef struct {
  const char     *name;
  const char     *args;     /* e.g. "FILE…" */
  const char     *summary;  /* translatable, marked with N_() */
  SteadyToolFunc  func;
} SteadyToolCommand;

/* Parses @entries from argv (argv[0] being the command name). On failure
 * prints "steady-tool NAME: message" and the usage to stderr and returns
 * FALSE; the caller then returns STEADY_TOOL_USAGE. */
gboolean steady_tool_parse_options (const SteadyToolCommand *command,
                                    const GOptionEntry      *entries,
                                    int                     *argc,
                                    char                  ***argv);

/* Prints "steady-tool: message" to stderr and returns STEADY_TOOL_BAD_INPUT. */
int      steady_tool_fail          (const char *format,
                                    ...) G_GNUC_PRINTF (1, 2);

/* Loads --program FILE, or the built-in program when @path is NULL.
 * On failure prints the parser's message and returns NULL. */
struct _SteadyProgram *steady_tool_load_program (const char *path);

/* Parses --size "WIDTHxHEIGHT" (16–8192 each); FALSE if @text is not one. */
gboolean steady_tool_parse_size    (const char *text,
                                    int        *width,
                                    int        *height);

/* Output files are written whole or not at all: into a new temporary file
 * beside @output (so a rename can replace it), which
 * steady_tool_commit_output() then renames over @output or, when the
 * writing failed, removes, leaving what was at @output untouched.
 * Returns the temporary file's path, or NULL with @error set. */
char    *steady_tool_temp_output   (const char  *output,
                                    GError     **error);
/* Renames @temp over @output when @ok, else removes @temp. FALSE (with
 * @error set) if the rename fails; @temp is then removed. */
gboolean steady_tool_commit_output (const char  *temp,
                                    const char  *output,
                                    gboolean     ok,
                                    GError     **error);

/* A surface to paint a picture for @output on: an SVG surface writing to a
 * temporary file (put in *@temp) when @output ends in .svg, else an image
 * surface (*@temp then NULL until steady_tool_write_picture() needs one).
 * NULL, with the message printed, if no temporary file can be made. */
cairo_surface_t *steady_tool_picture_new (const char  *output,
                                          int          width,
                                          int          height,
                                          char       **temp);

/* Finishes @surface (from steady_tool_picture_new()) and destroys it,
 * putting the picture at @output only once it is whole; frees @temp.
 * Returns STEADY_TOOL_OK, or prints "steady-tool: OUTPUT: cannot write the
 * picture" and returns STEADY_TOOL_BAD_INPUT. */
int      steady_tool_write_picture (cairo_surface_t *surface,
                                    const char      *output,
                                    char            *temp);

/* Parses --side "left" or "right" into *@side. On anything else prints
 * "steady-tool: --side “TEXT” is neither left nor right" and returns FALSE;
 * the caller then returns STEADY_TOOL_BAD_INPUT. */
gboolean steady_tool_parse_side    (const char *text,
                                    SteadySide *side);

/* Parses @text as a finite decimal number into *@value. FALSE for words,
 * trailing junk, "nan" and "inf"; the caller names the option in its
 * message. */
gboolean steady_tool_parse_double  (const char *text,
                                    double     *value);

/* Prints the document @builder has built to stdout, pretty, with a final
 * newline. */
void     steady_tool_print_json    (JsonBuilder *builder);

/* Commands: one per tool-NAME.c. */
int steady_tool_validate (int argc, char **argv);
int steady_tool_cards    (int argc, char **argv);
int steady_tool_timeline (int argc, char **argv);
int steady_tool_export_journal (int argc, char **argv);
int steady_tool_render      (int argc, char **argv);
int steady_tool_render_card (int argc, char **argv);
int steady_tool_pose        (int argc, char **argv);
int steady_tool_audio    (int argc, char **argv);
int steady_tool_handout     (int argc, char **argv);
int steady_tool_kiosk_pin   (int argc, char **argv);

G_END_DECLS
