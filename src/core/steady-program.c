/* steady-program.c: the program file and its parser
 *
 * A program is parsed with GMarkup into plain immutable objects. The parser
 * checks everything a clinic could get wrong when editing the file and
 * reports each problem as "NAME:LINE:COLUMN: message", a line each, so
 * that mistakes are found before a patient or a kiosk sees them. An
 * element that is wrong where it starts is reported, and what it holds is
 * not looked at (it would only be wrong again for the same reason); the
 * parser goes on after it. Only a file that is not well-formed XML stops
 * it where it is. The format is described in docs/program-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "steady-program.h"
#include "steady-program-private.h"
#include "steady-session-settings.h"

/* A program file is a few dozen kilobytes; refuse anything absurd before
 * reading it into memory. */
#define MAX_PROGRAM_SIZE (4 * 1024 * 1024)

/* Past this many problems a file is better fixed and checked again. */
#define MAX_PROBLEMS 20

/* A program file nests four deep; past this the parser stops (what is
 * within an element out of place is read, not looked at, and GMarkup
 * keeps every open element). */
#define MAX_DEPTH 32

#define BUILTIN_PROGRAM_PATH RESOURCE_PREFIX "/programs/hip-stability.xml"

struct _SteadyProgram
{
  GObject          parent_instance;

  char            *id;
  char            *title;
  char            *source_name;
  GPtrArray       *cards;
  GListStore      *drills;
  SteadyStopRules  stop_rules;
};

G_DEFINE_FINAL_TYPE (SteadyProgram, steady_program, G_TYPE_OBJECT)
G_DEFINE_QUARK (steady-program-error-quark, steady_program_error)

static const char * const known_motions[] = {
  "clamshell",
  "quadruped-knee-circles",
  "supine-knee-rotation",
};

/* Illustrations the figure module draws; one per card of the built-in
 * program. A clinic's own card picks one of these. */
static const char * const known_illustrations[] = {
  "alarm-and-fire",
  "movement-finds-a-way",
  "workplace",
  "sleeping-glutes",
  "spinal-lockdown",
  "pop-teaches-instability",
  "wobbly-table",
  "where-it-leads",
  "stop-kicking",
  "drill-clamshell",
  "drill-knee-circles",
  "drill-knee-rotation",
  "safety",
};

static gboolean
strv_contains (const char * const *names,
               guint               n_names,
               const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    if (strcmp (names[i], name) == 0)
      return TRUE;

  return FALSE;
}

/* Parser state */

/* Child elements a container has seen, to catch repeats and omissions. */
enum {
  SEEN_TITLE      = 1 << 0,
  SEEN_CARDS      = 1 << 1,
  SEEN_DRILLS     = 1 << 2,
  SEEN_STOP_RULES = 1 << 3,
  SEEN_SUMMARY    = 1 << 4,
  SEEN_REPS       = 1 << 5,
  SEEN_HOLD       = 1 << 6,
  SEEN_BREATH     = 1 << 7,
  SEEN_TIMING     = 1 << 8,
  SEEN_MOTION     = 1 << 9,
  /* Had one, even if it turned out wrong (which is said of it alone). */
  SEEN_PARAGRAPH  = 1 << 10,
  SEEN_STEP       = 1 << 11,
};

typedef struct {
  SteadyCard *card;   /* owned: it may be left out for its problems */
  int         line;
  int         column;
} CardReference;

static void
card_reference_clear (gpointer data)
{
  CardReference *reference = data;

  g_clear_object (&reference->card);
}

/* How far get_tag_position() has walked, and the last two "<" it saw. */
typedef struct {
  const char *p;
  int         line, column;
  const char *open, *tag;
  int         open_line, open_column, tag_line, tag_column;
} Scan;

typedef struct {
  GMarkupParseContext *context;
  Scan                 scan;
  const char          *name;
  const char          *data;
  gsize                length;
  SteadyProgram       *program;

  GPtrArray           *stack;          /* element names */
  GArray              *starts;         /* where each is opened: line, column */
  int                  start_line;     /* > 0 while an element's end is checked: */
  int                  start_column;   /* its problems are reported at its start */
  guint                program_seen;
  gboolean             program_seen_root;
  gboolean             program_ended;

  SteadyCard          *card;
  guint                card_seen;
  GPtrArray           *paragraphs;

  SteadyDrill         *drill;
  guint                drill_seen;
  SteadyTextNumbers    drill_numbers;  /* named in its steps and tips */
  GPtrArray           *steps;
  GPtrArray           *tips;

  GString             *text;
  GHashTable          *card_ids;
  GHashTable          *drill_ids;
  GArray              *references;     /* of CardReference */

  GPtrArray           *problems;       /* of GError, in the order found */
  guint                skip_depth;     /* > 0: within the element (at this
                                        * depth) that was wrong at its start */
  gboolean             cards_dropped;  /* a card left out for its problems */
  gboolean             drills_dropped;
  gboolean             text_broken;    /* the text element open held one */
  gboolean             stopped;        /* GMarkup was stopped: enough said */
} ParseState;

/* GMarkup reports the position after the tag it has just read; a person
 * editing the file wants the start of that tag (XML allows no raw "<"
 * inside a tag, so its "<" is easy to find). The walk to GMarkup's
 * position resumes where the last one stopped (GMarkup only moves
 * forward), so finding every tag of a file costs one pass over it. */
static void
get_tag_position (ParseState *state,
                  int        *line_out,
                  int        *column_out)
{
  const char *end = state->data + state->length;
  Scan *scan = &state->scan;
  int line = 0, column = 0;

  g_markup_parse_context_get_position (state->context, &line, &column);

  if (scan->p == NULL || line < scan->line || (line == scan->line && column < scan->column))
    {
      memset (scan, 0, sizeof *scan);
      scan->p = state->data;
      scan->line = scan->column = 1;
    }

  /* Walk to GMarkup's position, remembering the last "<" but one: when
   * GMarkup has just read the "<" of the next tag, that one is not it. */
  while (scan->p < end && (scan->line < line || (scan->line == line && scan->column < column)))
    {
      if (*scan->p == '<')
        {
          scan->tag = scan->open;
          scan->tag_line = scan->open_line;
          scan->tag_column = scan->open_column;
          scan->open = scan->p;
          scan->open_line = scan->line;
          scan->open_column = scan->column;
        }
      if (*scan->p == '\n')
        {
          scan->line++;
          scan->column = 1;
        }
      else if ((*scan->p & 0xC0) != 0x80)
        scan->column++;
      scan->p++;
    }

  if (scan->open != NULL && scan->p != scan->open + 1)
    {
      *line_out = scan->open_line;
      *column_out = scan->open_column;
    }
  else if (scan->tag != NULL)
    {
      *line_out = scan->tag_line;
      *column_out = scan->tag_column;
    }
  else
    {
      *line_out = line;
      *column_out = column;
    }
}

static void set_error (ParseState         *state,
                       GError            **error,
                       SteadyProgramError  code,
                       const char         *format,
                       ...) G_GNUC_PRINTF (4, 5);

static void
set_error (ParseState         *state,
           GError            **error,
           SteadyProgramError  code,
           const char         *format,
           ...)
{
  g_autofree char *message = NULL;
  int line = 0, column = 0;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* What is wrong with a whole element (a part missing, bad text) is
   * found at its end, but the place to look is where it starts. */
  if (state->start_line > 0)
    {
      line = state->start_line;
      column = state->start_column;
    }
  else
    get_tag_position (state, &line, &column);
  g_set_error (error, STEADY_PROGRAM_ERROR, code, "%s:%d:%d: %s",
               state->name, line, column, message);
}

static const char *
current_element (ParseState *state)
{
  if (state->stack->len == 0)
    return NULL;

  return g_ptr_array_index (state->stack, state->stack->len - 1);
}

static gboolean
is_text_element (const char *element)
{
  static const char * const text_elements[] = { "title", "p", "summary", "step", "tip" };

  return strv_contains (text_elements, G_N_ELEMENTS (text_elements), element);
}

/* Every attribute must be one of @allowed; returns FALSE with an error
 * naming the first that is not. */
static gboolean
check_attributes (ParseState          *state,
                  const char          *element,
                  const char         **names,
                  const char * const  *allowed,
                  GError             **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!g_strv_contains (allowed, names[i]))
        {
          g_autofree char *list = g_strjoinv (", ", (char **)allowed);

          if (allowed[0] == NULL)
            set_error (state, error, STEADY_PROGRAM_ERROR_UNKNOWN_ATTRIBUTE,
                       _("<%s> has no attribute “%s” (it takes none)"), element, names[i]);
          else
            set_error (state, error, STEADY_PROGRAM_ERROR_UNKNOWN_ATTRIBUTE,
                       _("<%s> has no attribute “%s” (it takes: %s)"), element, names[i], list);
          return FALSE;
        }
    }

  return TRUE;
}

static const char *
lookup_attribute (const char **names,
                  const char **values,
                  const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];

  return NULL;
}

static const char *
require_attribute (ParseState   *state,
                   const char   *element,
                   const char  **names,
                   const char  **values,
                   const char   *name,
                   GError      **error)
{
  const char *value = lookup_attribute (names, values, name);

  if (value == NULL)
    set_error (state, error, STEADY_PROGRAM_ERROR_MISSING,
               _("<%s> needs %s="), element, name);

  return value;
}

static gboolean
parse_number (ParseState  *state,
              const char  *element,
              const char  *attribute,
              const char  *text,
              double       min,
              double       max,
              gboolean     whole,
              double      *out,
              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  const char *p = stripped;
  gboolean digits = FALSE;
  double value;

  /* Plain decimals only ("15", "-2", "0.5"): g_ascii_strtod() would also
   * take "0x0f", "1e3" and "inf", which no clinician means. */
  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  value = g_ascii_strtod (stripped, NULL);
  if (!digits || *p != '\0' || !isfinite (value))
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_INVALID_VALUE,
                 _("<%s %s=\"%s\">: “%s” is not a number"), element, attribute, text, text);
      return FALSE;
    }

  if (value < min || value > max)
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_OUT_OF_RANGE,
                 _("<%s %s=\"%s\">: %s is out of range (%g to %g)"),
                 element, attribute, text, stripped, min, max);
      return FALSE;
    }

  if (whole && value != floor (value))
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_INVALID_VALUE,
                 _("<%s %s=\"%s\">: “%s” is not a whole number"), element, attribute, text, text);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/* Ids become parts of file names, settings and JSON; keep them simple. */
static gboolean
check_id (ParseState  *state,
          const char  *element,
          const char  *attribute,
          const char  *id,
          GError     **error)
{
  gboolean ok = id[0] != '\0' && strlen (id) <= 64;

  for (const char *p = id; ok && *p != '\0'; p++)
    ok = g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-';

  if (!ok)
    set_error (state, error, STEADY_PROGRAM_ERROR_INVALID_VALUE,
               _("<%s %s=\"%s\">: an id uses only lower-case letters, digits and “-” (at most 64)"),
               element, attribute, id);

  return ok;
}

static gboolean
parse_boolean (ParseState  *state,
               const char  *element,
               const char  *attribute,
               const char  *text,
               gboolean    *out,
               GError     **error)
{
  if (g_strcmp0 (text, "true") == 0)
    *out = TRUE;
  else if (g_strcmp0 (text, "false") == 0)
    *out = FALSE;
  else
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_INVALID_VALUE,
                 _("<%s %s=\"%s\">: use “true” or “false”"), element, attribute, text);
      return FALSE;
    }

  return TRUE;
}

/* An element that may appear once in its container. */
static gboolean
mark_seen (ParseState  *state,
           guint       *seen,
           guint        flag,
           const char  *element,
           const char  *parent,
           GError     **error)
{
  if (*seen & flag)
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT,
                 _("<%s> may appear only once in <%s>"), element, parent);
      return FALSE;
    }

  *seen |= flag;
  return TRUE;
}

/* <reps>, <hold>: default, min, max. */
static gboolean
parse_range (ParseState   *state,
             const char   *element,
             const char  **names,
             const char  **values,
             double        lowest,
             double        highest,
             gboolean      whole,
             SteadyRange  *range,
             GError      **error)
{
  static const char * const allowed[] = { "default", "min", "max", NULL };
  const char *text;

  if (!check_attributes (state, element, names, allowed, error))
    return FALSE;

  if (!(text = require_attribute (state, element, names, values, "default", error)) ||
      !parse_number (state, element, "default", text, lowest, highest, whole, &range->value, error))
    return FALSE;

  range->min = range->max = range->value;

  if ((text = lookup_attribute (names, values, "min")) &&
      !parse_number (state, element, "min", text, lowest, highest, whole, &range->min, error))
    return FALSE;

  if ((text = lookup_attribute (names, values, "max")) &&
      !parse_number (state, element, "max", text, lowest, highest, whole, &range->max, error))
    return FALSE;

  if (!(range->min <= range->value && range->value <= range->max))
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_OUT_OF_RANGE,
                 _("<%s>: needs min ≤ default ≤ max (here %g, %g, %g)"),
                 element, range->min, range->value, range->max);
      return FALSE;
    }

  range->present = TRUE;
  return TRUE;
}

/* <timing …/>, <motion …/>: a set of named numbers, each optional. */
static gboolean
parse_params (ParseState             *state,
              const char             *element,
              const char            **names,
              const char            **values,
              const SteadyParamSpec  *specs,
              guint                   n_specs,
              double                 *out,
              GError                **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      int j = steady_param_spec_lookup (specs, n_specs, names[i]);

      if (j < 0)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) list = NULL;
          g_autofree char *joined = NULL;

          for (guint k = 0; k < n_specs; k++)
            g_strv_builder_add (builder, specs[k].name);
          list = g_strv_builder_end (builder);
          joined = g_strjoinv (", ", list);

          set_error (state, error, STEADY_PROGRAM_ERROR_UNKNOWN_ATTRIBUTE,
                     _("<%s> has no attribute “%s” (it takes: %s)"), element, names[i], joined);
          return FALSE;
        }

      if (!parse_number (state, element, names[i], values[i], specs[j].min, specs[j].max, FALSE, &out[j], error))
        return FALSE;
    }

  return TRUE;
}

static void
start_program (ParseState  *state,
               const char **names,
               const char **values,
               GError     **error)
{
  static const char * const allowed[] = { "id", "version", NULL };
  const char *id, *version;

  if (!check_attributes (state, "program", names, allowed, error) ||
      !(id = require_attribute (state, "program", names, values, "id", error)) ||
      !check_id (state, "program", "id", id, error) ||
      !(version = require_attribute (state, "program", names, values, "version", error)))
    return;

  if (strcmp (version, "1") != 0)
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_INVALID_VALUE,
                 _("<program version=\"%s\">: this Steady reads version 1"), version);
      return;
    }

  state->program->id = g_strdup (id);
}

static void
start_card (ParseState  *state,
            const char **names,
            const char **values,
            GError     **error)
{
  static const char * const allowed[] = { "id", "kind", "illustration", "drill", NULL };
  g_autoptr(SteadyCard) card = NULL;
  const char *id, *illustration, *kind, *drill;
  CardReference reference;

  if (!check_attributes (state, "card", names, allowed, error) ||
      !(id = require_attribute (state, "card", names, values, "id", error)) ||
      !check_id (state, "card", "id", id, error) ||
      !(illustration = require_attribute (state, "card", names, values, "illustration", error)))
    return;

  if (g_hash_table_contains (state->card_ids, id))
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_DUPLICATE_ID,
                 _("<card id=\"%s\">: another card already has this id"), id);
      return;
    }
  /* Taken, even if the card turns out wrong: a second card with it would
   * be wrong too. */
  g_hash_table_add (state->card_ids, g_strdup (id));

  if (!strv_contains (known_illustrations, G_N_ELEMENTS (known_illustrations), illustration))
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_BAD_REFERENCE,
                 _("<card illustration=\"%s\">: there is no such illustration"), illustration);
      return;
    }

  card = g_object_new (STEADY_TYPE_CARD, NULL);
  card->id = g_strdup (id);
  card->illustration = g_strdup (illustration);

  kind = lookup_attribute (names, values, "kind");
  if (kind == NULL || strcmp (kind, "narrative") == 0)
    card->kind = STEADY_CARD_KIND_NARRATIVE;
  else if (strcmp (kind, "drill") == 0)
    card->kind = STEADY_CARD_KIND_DRILL;
  else if (strcmp (kind, "safety") == 0)
    card->kind = STEADY_CARD_KIND_SAFETY;
  else
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_INVALID_VALUE,
                 _("<card kind=\"%s\">: use “narrative”, “drill” or “safety”"), kind);
      return;
    }

  drill = lookup_attribute (names, values, "drill");
  if (card->kind == STEADY_CARD_KIND_DRILL && drill == NULL)
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_MISSING,
                 _("<card kind=\"drill\"> needs drill="));
      return;
    }
  if (card->kind != STEADY_CARD_KIND_DRILL && drill != NULL)
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_UNKNOWN_ATTRIBUTE,
                 _("<card drill=\"%s\">: only a card with kind=\"drill\" names a drill"), drill);
      return;
    }

  if (drill != NULL)
    {
      /* Drills come after the cards; check the reference at the end. */
      card->drill_id = g_strdup (drill);
      reference.card = g_object_ref (card);
      get_tag_position (state, &reference.line, &reference.column);
      g_array_append_val (state->references, reference);
    }

  state->card = g_steal_pointer (&card);
  state->card_seen = 0;
  state->paragraphs = g_ptr_array_new_with_free_func (g_free);
}

static void
start_drill (ParseState  *state,
             const char **names,
             const char **values,
             GError     **error)
{
  static const char * const allowed[] = { "id", "motion", "sides", NULL };
  g_autoptr(SteadyDrill) drill = NULL;
  const char *id, *motion, *sides;

  if (!check_attributes (state, "drill", names, allowed, error) ||
      !(id = require_attribute (state, "drill", names, values, "id", error)) ||
      !check_id (state, "drill", "id", id, error) ||
      !(motion = require_attribute (state, "drill", names, values, "motion", error)))
    return;

  if (g_hash_table_contains (state->drill_ids, id))
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_DUPLICATE_ID,
                 _("<drill id=\"%s\">: another drill already has this id"), id);
      return;
    }
  /* Taken, even if the drill turns out wrong: a card that names it is
   * not wrong for that. */
  g_hash_table_add (state->drill_ids, g_strdup (id));

  if (!strv_contains (known_motions, G_N_ELEMENTS (known_motions), motion))
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_BAD_REFERENCE,
                 _("<drill motion=\"%s\">: there is no such motion (Steady knows clamshell, "
                   "quadruped-knee-circles and supine-knee-rotation)"), motion);
      return;
    }

  drill = g_object_new (STEADY_TYPE_DRILL, NULL);
  drill->id = g_strdup (id);
  drill->motion = g_strdup (motion);

  sides = lookup_attribute (names, values, "sides");
  if (sides != NULL && !steady_side_from_string (sides, &drill->sides))
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_INVALID_VALUE,
                 _("<drill sides=\"%s\">: use “left”, “right” or “both”"), sides);
      return;
    }

  state->drill = g_steal_pointer (&drill);
  state->drill_seen = 0;
  state->drill_numbers = 0;
  state->steps = g_ptr_array_new_with_free_func (g_free);
  state->tips = g_ptr_array_new_with_free_func (g_free);
}

static void
start_stop_rules (ParseState  *state,
                  const char **names,
                  const char **values,
                  GError     **error)
{
  static const char * const allowed[] = { "pain-at-least", "pain-rise", "painful-pop", NULL };
  SteadyStopRules *rules = &state->program->stop_rules;
  const char *text;
  double value;

  if (!check_attributes (state, "stop-rules", names, allowed, error))
    return;

  if ((text = lookup_attribute (names, values, "pain-at-least")))
    {
      if (!parse_number (state, "stop-rules", "pain-at-least", text, 0, 10, TRUE, &value, error))
        return;
      rules->pain_at_least = (int)value;
    }

  if ((text = lookup_attribute (names, values, "pain-rise")))
    {
      if (!parse_number (state, "stop-rules", "pain-rise", text, 1, 10, TRUE, &value, error))
        return;
      rules->pain_rise = (int)value;
    }

  if ((text = lookup_attribute (names, values, "painful-pop")))
    parse_boolean (state, "stop-rules", "painful-pop", text, &rules->painful_pop, error);
}

static void
start_drill_child (ParseState   *state,
                   const char   *element,
                   const char  **names,
                   const char  **values,
                   GError      **error)
{
  static const char * const none[] = { NULL };
  SteadyDrill *drill = state->drill;

  if (strcmp (element, "title") == 0)
    {
      if (mark_seen (state, &state->drill_seen, SEEN_TITLE, element, "drill", error))
        check_attributes (state, element, names, none, error);
    }
  else if (strcmp (element, "summary") == 0)
    {
      if (mark_seen (state, &state->drill_seen, SEEN_SUMMARY, element, "drill", error))
        check_attributes (state, element, names, none, error);
    }
  else if (strcmp (element, "step") == 0 || strcmp (element, "tip") == 0)
    {
      if (strcmp (element, "step") == 0)
        state->drill_seen |= SEEN_STEP;
      check_attributes (state, element, names, none, error);
    }
  else if (strcmp (element, "reps") == 0)
    {
      if (mark_seen (state, &state->drill_seen, SEEN_REPS, element, "drill", error))
        parse_range (state, element, names, values, 1, 50, TRUE, &drill->reps, error);
    }
  else if (strcmp (element, "hold") == 0)
    {
      if (mark_seen (state, &state->drill_seen, SEEN_HOLD, element, "drill", error))
        parse_range (state, element, names, values, 1, 300, FALSE, &drill->hold, error);
    }
  else if (strcmp (element, "breath") == 0)
    {
      static const char * const allowed[] = { "in", "out", NULL };
      const char *in, *out;

      if (mark_seen (state, &state->drill_seen, SEEN_BREATH, element, "drill", error) &&
          check_attributes (state, element, names, allowed, error) &&
          (in = require_attribute (state, element, names, values, "in", error)) &&
          parse_number (state, element, "in", in, STEADY_BREATH_MIN_SECONDS, STEADY_BREATH_MAX_SECONDS, FALSE, &drill->breath_in, error) &&
          (out = require_attribute (state, element, names, values, "out", error)) &&
          parse_number (state, element, "out", out, STEADY_BREATH_MIN_SECONDS, STEADY_BREATH_MAX_SECONDS, FALSE, &drill->breath_out, error))
        drill->has_breath = TRUE;
    }
  else if (strcmp (element, "timing") == 0)
    {
      if (mark_seen (state, &state->drill_seen, SEEN_TIMING, element, "drill", error))
        parse_params (state, element, names, values, steady_timing_specs,
                    STEADY_N_TIMINGS, drill->timing, error);
    }
  else if (strcmp (element, "motion") == 0)
    {
      if (mark_seen (state, &state->drill_seen, SEEN_MOTION, element, "drill", error))
        parse_params (state, element, names, values, steady_motion_param_specs,
                    STEADY_N_MOTION_PARAMS, drill->motion_params, error);
    }
  else
    set_error (state, error, STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT,
               _("<drill> cannot contain <%s>"), element);
}

static void
check_start (ParseState   *state,
             const char   *element,
             const char  **names,
             const char  **values,
             GError      **error)
{
  static const char * const none[] = { NULL };
  const char *parent = current_element (state);

  /* GMarkup keeps both copies of a repeated attribute and the lookups
   * below would see only the first: a clinician who appends sides="left"
   * to override sides="both" must hear about it. */
  for (guint i = 0; names[i] != NULL; i++)
    for (guint j = 0; j < i; j++)
      if (strcmp (names[i], names[j]) == 0)
        {
          set_error (state, error, STEADY_PROGRAM_ERROR_INVALID_VALUE,
                     _("<%s> gives %s= twice"), element, names[i]);
          return;
        }

  if (parent == NULL)
    {
      if (state->program_seen_root)
        set_error (state, error, STEADY_PROGRAM_ERROR_MALFORMED,
                   _("a program file holds one <program>; <%s> follows it"), element);
      else if (strcmp (element, "program") != 0)
        set_error (state, error, STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT,
                   _("a program file starts with <program>, not <%s>"), element);
      else
        start_program (state, names, values, error);
      state->program_seen_root = TRUE;
    }
  else if (is_text_element (parent) || strcmp (parent, "stop-rules") == 0 ||
           strcmp (parent, "reps") == 0 || strcmp (parent, "hold") == 0 ||
           strcmp (parent, "breath") == 0 || strcmp (parent, "timing") == 0 ||
           strcmp (parent, "motion") == 0)
    set_error (state, error, STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT,
               _("<%s> cannot contain <%s>"), parent, element);
  else if (strcmp (parent, "program") == 0)
    {
      if (strcmp (element, "title") == 0)
        {
          if (mark_seen (state, &state->program_seen, SEEN_TITLE, element, parent, error))
            check_attributes (state, element, names, none, error);
        }
      else if (strcmp (element, "cards") == 0)
        {
          if (mark_seen (state, &state->program_seen, SEEN_CARDS, element, parent, error))
            check_attributes (state, element, names, none, error);
        }
      else if (strcmp (element, "drills") == 0)
        {
          if (mark_seen (state, &state->program_seen, SEEN_DRILLS, element, parent, error))
            check_attributes (state, element, names, none, error);
        }
      else if (strcmp (element, "stop-rules") == 0)
        {
          if (mark_seen (state, &state->program_seen, SEEN_STOP_RULES, element, parent, error))
            start_stop_rules (state, names, values, error);
        }
      else
        set_error (state, error, STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT,
                   _("<program> cannot contain <%s>"), element);
    }
  else if (strcmp (parent, "cards") == 0)
    {
      if (strcmp (element, "card") == 0)
        start_card (state, names, values, error);
      else
        set_error (state, error, STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT,
                   _("<cards> cannot contain <%s>"), element);
    }
  else if (strcmp (parent, "card") == 0)
    {
      if (strcmp (element, "title") == 0)
        {
          if (mark_seen (state, &state->card_seen, SEEN_TITLE, element, parent, error))
            check_attributes (state, element, names, none, error);
        }
      else if (strcmp (element, "p") == 0)
        {
          state->card_seen |= SEEN_PARAGRAPH;
          check_attributes (state, element, names, none, error);
        }
      else
        set_error (state, error, STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT,
                   _("<card> cannot contain <%s>"), element);
    }
  else if (strcmp (parent, "drills") == 0)
    {
      if (strcmp (element, "drill") == 0)
        start_drill (state, names, values, error);
      else
        set_error (state, error, STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT,
                   _("<drills> cannot contain <%s>"), element);
    }
  else if (strcmp (parent, "drill") == 0)
    start_drill_child (state, element, names, values, error);
  else
    g_assert_not_reached ();
}

/* Sets @error from @problem, the last kept: GMarkup stops there. */
static void
stop_parsing (ParseState    *state,
              const GError  *problem,
              GError       **error)
{
  state->stopped = TRUE;
  g_set_error_literal (error, STEADY_PROGRAM_ERROR, problem->code, problem->message);
}

/* Keeps @problem among the file's; once there are as many as are worth
 * reporting, stops. */
static void
keep_problem (ParseState  *state,
              const char  *element,
              GError      *problem,
              GError     **error)
{
  if (problem == NULL)
    return;

  /* What a card or drill left out would otherwise be missed at the end. */
  if (g_strcmp0 (element, "cards") == 0 || g_strcmp0 (element, "card") == 0)
    state->cards_dropped = TRUE;
  else if (g_strcmp0 (element, "drills") == 0 || g_strcmp0 (element, "drill") == 0)
    state->drills_dropped = TRUE;

  g_ptr_array_add (state->problems, problem);
  if (state->problems->len == MAX_PROBLEMS)
    stop_parsing (state, problem, error);
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;
  const char *parent = current_element (state);
  GError *problem = NULL;

  if (state->stack->len == MAX_DEPTH)
    {
      set_error (state, &problem, STEADY_PROGRAM_ERROR_MALFORMED,
                 _("elements are nested more than %d deep here; Steady stops reading the file"), MAX_DEPTH);
      g_ptr_array_add (state->problems, problem);
      stop_parsing (state, problem, error);
      return;
    }

  /* Within an element that was wrong at its start nothing is looked at. */
  if (state->skip_depth == 0)
    check_start (state, element, names, values, &problem);
  /* A text element's text is then not all there to check. */
  if (problem != NULL && parent != NULL && is_text_element (parent))
    state->text_broken = TRUE;

  /* Not interned: names come from outside and interned strings live
   * forever. */
  g_ptr_array_add (state->stack, g_strdup (element));
  {
    int position[2];

    get_tag_position (state, &position[0], &position[1]);
    g_array_append_vals (state->starts, position, 2);
  }
  g_string_truncate (state->text, 0);

  if (problem != NULL)
    {
      state->skip_depth = state->stack->len;
      keep_problem (state, element, problem, error);
    }
}

/* Collapses runs of white space to one space and trims, as xgettext does
 * for ITS text, so the message looked up is the message extracted. */
static char *
collapse_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

static char *
translated (const char *text)
{
  return g_strdup (g_dgettext (GETTEXT_PACKAGE, text));
}

/* A step or a tip: its {name}s must be numbers Steady knows. A
 * translation that names others than the text it translates is not used
 * (a translator's slip must not stop the program from loading). */
static char *
drill_text (ParseState  *state,
            const char  *element,
            const char  *text,
            GError     **error)
{
  const char *translation = g_dgettext (GETTEXT_PACKAGE, text);
  SteadyTextNumbers numbers = 0, translated_numbers = 0;
  g_autofree char *unknown = NULL;

  if (!steady_session_settings_scan_text (text, &numbers, &unknown))
    {
      if (unknown[1] == '\0')
        set_error (state, error, STEADY_PROGRAM_ERROR_INVALID_VALUE,
                   _("<%s> has a “%s” that belongs to no number "
                     "(write {reps}, {hold}, {breath-in} or {breath-out})"),
                   element, unknown);
      else
        set_error (state, error, STEADY_PROGRAM_ERROR_INVALID_VALUE,
                   _("<%s> names %s, which is not a number Steady knows "
                     "(it knows {reps}, {hold}, {breath-in} and {breath-out})"),
                   element, unknown);
      return g_strdup (text);
    }
  state->drill_numbers |= numbers;

  if (translation != text &&
      (!steady_session_settings_scan_text (translation, &translated_numbers, NULL) ||
       translated_numbers != numbers))
    {
      g_warning ("The translation of “%s” names other numbers than the text; using the text", text);
      return g_strdup (text);
    }

  return g_strdup (translation);
}

/* The first brace in @text and, when a "}" closes it before any other
 * brace, what it encloses ("{reps}", "{", "}"); NULL when there is none. */
static char *
first_brace (const char *text)
{
  const char *open = strpbrk (text, "{}"), *close;

  if (open == NULL)
    return NULL;
  close = *open == '{' ? strpbrk (open + 1, "{}") : NULL;
  if (close == NULL || *close != '}')
    close = open;

  return g_strndup (open, close - open + 1);
}

static void
end_text_element (ParseState  *state,
                  const char  *element,
                  const char  *parent,
                  GError     **error)
{
  g_autofree char *text = collapse_space (state->text->str);
  g_autofree char *brace = NULL;

  if (text[0] == '\0')
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_MISSING,
                 _("<%s> in <%s> is empty"), element, parent);
      return;
    }

  /* Only steps and tips take the patient's numbers; a brace anywhere else
   * would reach the patient as it is. */
  if (strcmp (element, "step") != 0 && strcmp (element, "tip") != 0 &&
      (brace = first_brace (text)) != NULL)
    {
      gboolean card = strcmp (parent, "card") == 0;

      if (brace[1] == '\0')
        set_error (state, error, STEADY_PROGRAM_ERROR_INVALID_VALUE,
                   card ? _("<%s> has a “%s”; cards take no numbers")
                        : _("<%s> has a “%s”; only <step> and <tip> take numbers"),
                   element, brace);
      else
        set_error (state, error, STEADY_PROGRAM_ERROR_INVALID_VALUE,
                   card ? _("<%s> names %s; cards take no numbers")
                        : _("<%s> names %s; only <step> and <tip> take numbers"),
                   element, brace);
      return;
    }

  if (strcmp (parent, "program") == 0)
    state->program->title = translated (text);
  else if (strcmp (parent, "card") == 0 && strcmp (element, "title") == 0)
    state->card->title = translated (text);
  else if (strcmp (parent, "card") == 0)
    g_ptr_array_add (state->paragraphs, translated (text));
  else if (strcmp (element, "title") == 0)
    state->drill->title = translated (text);
  else if (strcmp (element, "summary") == 0)
    state->drill->summary = translated (text);
  else if (strcmp (element, "step") == 0)
    g_ptr_array_add (state->steps, drill_text (state, element, text, error));
  else if (strcmp (element, "tip") == 0)
    g_ptr_array_add (state->tips, drill_text (state, element, text, error));
  else
    g_assert_not_reached ();
}

static GStrv
steal_strv (GPtrArray **array)
{
  g_ptr_array_add (*array, NULL);
  g_ptr_array_set_free_func (*array, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (array), FALSE);
}

static void
end_card (ParseState  *state,
          GError     **error)
{
  if (!(state->card_seen & SEEN_TITLE))
    set_error (state, error, STEADY_PROGRAM_ERROR_MISSING,
               _("<card id=\"%s\"> needs a <title>"), state->card->id);
  else if (!(state->card_seen & SEEN_PARAGRAPH))
    set_error (state, error, STEADY_PROGRAM_ERROR_MISSING,
               _("<card id=\"%s\"> needs at least one <p>"), state->card->id);
  else
    {
      state->card->paragraphs = steal_strv (&state->paragraphs);
      g_ptr_array_add (state->program->cards, g_steal_pointer (&state->card));
    }

  /* What is left of a card with a problem. */
  g_clear_object (&state->card);
  g_clear_pointer (&state->paragraphs, g_ptr_array_unref);
}

static void
end_drill (ParseState  *state,
           GError     **error)
{
  SteadyDrill *drill = state->drill;
  const char *motion = drill->motion;

  if (!(state->drill_seen & SEEN_TITLE))
    set_error (state, error, STEADY_PROGRAM_ERROR_MISSING,
               _("<drill id=\"%s\"> needs a <title>"), drill->id);
  else if (!(state->drill_seen & SEEN_SUMMARY))
    set_error (state, error, STEADY_PROGRAM_ERROR_MISSING,
               _("<drill id=\"%s\"> needs a <summary>"), drill->id);
  else if (!(state->drill_seen & SEEN_REPS))
    set_error (state, error, STEADY_PROGRAM_ERROR_MISSING,
               _("<drill id=\"%s\"> needs <reps>"), drill->id);
  /* A clamshell or a rotation without a hold has nothing to coach. */
  else if (!(state->drill_seen & SEEN_HOLD) &&
           (strcmp (motion, "clamshell") == 0 || strcmp (motion, "supine-knee-rotation") == 0))
    set_error (state, error, STEADY_PROGRAM_ERROR_MISSING,
               _("<drill id=\"%s\" motion=\"%s\"> needs <hold>"), drill->id, motion);
  else if (!(state->drill_seen & SEEN_BREATH) && strcmp (motion, "supine-knee-rotation") == 0)
    set_error (state, error, STEADY_PROGRAM_ERROR_MISSING,
               _("<drill id=\"%s\" motion=\"%s\"> needs <breath>"), drill->id, motion);
  else if (!(state->drill_seen & SEEN_STEP))
    set_error (state, error, STEADY_PROGRAM_ERROR_MISSING,
               _("<drill id=\"%s\"> needs at least one <step>"), drill->id);
  /* A number the coach does not use would read 0. */
  else if ((state->drill_numbers & STEADY_TEXT_NUMBER_HOLD) &&
           !((state->drill_seen & SEEN_HOLD) && steady_session_settings_drill_uses_hold (drill)))
    set_error (state, error, STEADY_PROGRAM_ERROR_INVALID_VALUE,
               _("<drill id=\"%s\" motion=\"%s\"> names {hold} in its text, but its motion has no hold"),
               drill->id, motion);
  else if ((state->drill_numbers & STEADY_TEXT_NUMBER_BREATH) &&
           !((state->drill_seen & SEEN_BREATH) && steady_session_settings_drill_uses_breath (drill)))
    set_error (state, error, STEADY_PROGRAM_ERROR_INVALID_VALUE,
               _("<drill id=\"%s\" motion=\"%s\"> names {breath-in} or {breath-out} in its text, "
                 "but its motion has no paced breathing"),
               drill->id, motion);
  else
    {
      drill->steps = steal_strv (&state->steps);
      drill->tips = steal_strv (&state->tips);
      g_list_store_append (state->program->drills, drill);
    }

  /* What is left of it (all of a drill with a problem). */
  g_clear_object (&state->drill);
  g_clear_pointer (&state->steps, g_ptr_array_unref);
  g_clear_pointer (&state->tips, g_ptr_array_unref);
}

static void
end_program (ParseState  *state,
             GError     **error)
{
  SteadyProgram *program = state->program;

  state->program_ended = TRUE;

  if (!(state->program_seen & SEEN_TITLE))
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_MISSING, _("<program> needs a <title>"));
      return;
    }
  /* (Not when a card or a drill was left out for its own problems.) */
  if (program->cards->len == 0 && !state->cards_dropped)
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_MISSING,
                 _("<program> needs <cards> with at least one <card>"));
      return;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (program->drills)) == 0 && !state->drills_dropped)
    {
      set_error (state, error, STEADY_PROGRAM_ERROR_MISSING,
                 _("<program> needs <drills> with at least one <drill>"));
      return;
    }

  /* Each card that names no drill, where the card is. */
  for (guint i = 0; i < state->references->len && state->problems->len < MAX_PROBLEMS; i++)
    {
      const CardReference *ref = &g_array_index (state->references, CardReference, i);

      if (!g_hash_table_contains (state->drill_ids, ref->card->drill_id))
        g_ptr_array_add (state->problems,
                         g_error_new (STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_BAD_REFERENCE,
                                      _("%s:%d:%d: <card id=\"%s\" drill=\"%s\">: there is no drill with this id"),
                                      state->name, ref->line, ref->column, ref->card->id,
                                      ref->card->drill_id));
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;
  GError *problem = NULL;
  const char *parent;

  g_ptr_array_set_size (state->stack, state->stack->len - 1);
  parent = current_element (state);
  g_assert (state->starts->len >= 2);
  state->start_line = g_array_index (state->starts, int, state->starts->len - 2);
  state->start_column = g_array_index (state->starts, int, state->starts->len - 1);
  g_array_set_size (state->starts, state->starts->len - 2);

  /* The end of an element that was wrong at its start, or of one within. */
  if (state->skip_depth > 0)
    {
      if (state->stack->len < state->skip_depth)
        state->skip_depth = 0;
    }
  else if (is_text_element (element) && state->text_broken)
    state->text_broken = FALSE;
  else if (is_text_element (element))
    end_text_element (state, element, parent, &problem);
  else if (strcmp (element, "card") == 0)
    end_card (state, &problem);
  else if (strcmp (element, "drill") == 0)
    end_drill (state, &problem);
  else if (strcmp (element, "program") == 0)
    end_program (state, &problem);
  state->start_line = state->start_column = 0;

  keep_problem (state, element, problem, error);
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 text_len,
      gpointer              user_data,
      GError              **error)
{
  ParseState *state = user_data;
  const char *element = current_element (state);
  GError *problem = NULL;

  if (state->skip_depth > 0)
    return;

  if (element != NULL && is_text_element (element))
    {
      g_string_append_len (state->text, text, text_len);
      return;
    }

  for (gsize i = 0; i < text_len; i++)
    {
      if (!g_ascii_isspace (text[i]))
        {
          if (element == NULL)
            set_error (state, &problem, STEADY_PROGRAM_ERROR_MALFORMED,
                       _("text outside <program>"));
          else
            set_error (state, &problem, STEADY_PROGRAM_ERROR_UNKNOWN_ELEMENT,
                       _("<%s> cannot contain text"), element);
          keep_problem (state, NULL, problem, error);
          return;
        }
    }
}

/* GMarkup ignores the XML declaration; a file that declares another
 * encoding would be misread, so say so instead. This looks at the
 * declaration before parsing: GMarkup (2.74) does not stop on an error set
 * by its passthrough callback. */
static gboolean
check_declared_encoding (const char  *data,
                         gsize        length,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *declaration = NULL;
  g_autofree char *encoding = NULL;
  const char *end, *p;

  if (length < 5 || memcmp (data, "<?xml", 5) != 0)
    return TRUE;

  end = g_strstr_len (data, MIN (length, 1024), "?>");
  if (end == NULL)
    return TRUE;   /* GMarkup will say what is wrong */

  declaration = g_strndup (data, end - data);
  if ((p = strstr (declaration, "encoding")) == NULL)
    return TRUE;

  p += strlen ("encoding");
  while (*p == ' ' || *p == '=')
    p++;
  if (*p == '"' || *p == '\'')
    {
      const char *close = strchr (p + 1, *p);

      if (close != NULL)
        encoding = g_strndup (p + 1, close - p - 1);
    }

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    {
      g_autofree char *valid = g_utf8_make_valid (encoding, -1);

      g_set_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_MALFORMED,
                   _("%s:1:1: the file declares encoding “%s”; program files must be UTF-8"),
                   name, valid);
      return FALSE;
    }

  return TRUE;
}

static const GMarkupParser parser = {
  start_element,
  end_element,
  text,
  NULL,
  NULL,
};

/* GMarkup's own messages start "Error on line L char C: "; we say where in
 * our own form, so drop that prefix. */
static char *
markup_message (const GError *error)
{
  const char *colon;

  /* GMarkup quotes the offending bytes, which may not be UTF-8. */
  if (error->domain == G_MARKUP_ERROR && g_str_has_prefix (error->message, "Error on line") &&
      (colon = strstr (error->message, ": ")) != NULL)
    return g_utf8_make_valid (colon + 2, -1);

  return g_utf8_make_valid (error->message, -1);
}

/* GMarkup 2.74 reports bad UTF-8 but can go on calling the parser's
 * callbacks afterwards, so a file that is not UTF-8 never reaches it. The
 * message says where the first bad byte is. */
static gboolean
check_utf8 (const char  *data,
            gsize        length,
            const char  *name,
            GError     **error)
{
  const char *bad = NULL;
  int line = 1, column = 1;

  if (g_utf8_validate_len (data, length, &bad))
    return TRUE;

  for (const char *p = data; p < bad; p++)
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else if ((*p & 0xC0) != 0x80)
        column++;
    }

  if (*bad == '\0')
    g_set_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_MALFORMED,
                 _("%s:%d:%d: the file contains a NUL byte; is it a text file?"),
                 name, line, column);
  else
    g_set_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_MALFORMED,
                 _("%s:%d:%d: byte 0x%02X is not UTF-8; program files must be UTF-8"),
                 name, line, column, (guchar)*bad);

  return FALSE;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

static SteadyProgram *
parse (const char  *data,
       gsize        length,
       const char  *name,
       GError     **error)
{
  g_autoptr(SteadyProgram) program = g_object_new (STEADY_TYPE_PROGRAM, NULL);
  g_autoptr(GError) local_error = NULL;
  ParseState state = { 0 };
  gboolean ok;

  /* Editors on some systems write a byte-order mark; it is harmless. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  state.name = name;
  state.data = data;
  state.length = length;
  state.program = program;
  state.stack = g_ptr_array_new_with_free_func (g_free);
  state.starts = g_array_new (FALSE, FALSE, sizeof (int));
  state.text = g_string_new (NULL);
  state.card_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state.drill_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state.references = g_array_new (FALSE, FALSE, sizeof (CardReference));
  g_array_set_clear_func (state.references, card_reference_clear);
  state.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  state.context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &state, NULL);
  program->source_name = g_strdup (name);

  ok = !is_blank (data, length);
  if (!ok)
    g_set_error (&local_error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_MALFORMED,
                 _("%s:1:1: the file is empty; a program file starts with <program>"), name);
  else if (!(ok = check_declared_encoding (data, length, name, &local_error)))
    ;
  else if (!(ok = check_utf8 (data, length, name, &local_error)))
    ;
  else
    ok = g_markup_parse_context_parse (state.context, data, length, &local_error) &&
         g_markup_parse_context_end_parse (state.context, &local_error);

  /* GMarkup accepts a document of nothing but an XML declaration. */
  if (ok && !state.program_ended && state.problems->len == 0)
    {
      ok = FALSE;
      g_set_error (&local_error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_MALFORMED,
                   _("%s:1:1: the file has no <program> element"), name);
    }

  /* Where GMarkup stopped (which ends the list), unless it was stopped
   * because enough was said. */
  if (!ok && state.stopped)
    ;
  else if (!ok && local_error->domain != STEADY_PROGRAM_ERROR)
    {
      g_autofree char *message = markup_message (local_error);
      int line = 0, column = 0;

      g_markup_parse_context_get_position (state.context, &line, &column);
      g_ptr_array_add (state.problems, g_error_new (STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_MALFORMED,
                                                    "%s:%d:%d: %s", name, line, column, message));
    }
  else if (!ok)
    g_ptr_array_add (state.problems, g_steal_pointer (&local_error));

  /* Every problem, a line each; the first one's code. */
  if (state.problems->len > 0)
    {
      const GError *first = g_ptr_array_index (state.problems, 0);
      GString *message = g_string_new (NULL);

      for (guint i = 0; i < state.problems->len; i++)
        {
          GError *problem = g_ptr_array_index (state.problems, i);

          /* What a message quotes from the file may span lines. */
          g_strdelimit (problem->message, "\r\n", ' ');
          if (i > 0)
            g_string_append_c (message, '\n');
          g_string_append (message, problem->message);
        }
      if (state.problems->len >= MAX_PROBLEMS)
        {
          g_string_append_c (message, '\n');
          /* TRANSLATORS: the first %s is a file name; after as many
           * problems as %u, Steady stops looking */
          g_string_append_printf (message, _("%s: stopped after %u problems; fix these and check again"),
                                  name, state.problems->len);
        }
      g_set_error_literal (error, STEADY_PROGRAM_ERROR, first->code, message->str);
      g_string_free (message, TRUE);
      ok = FALSE;
    }

  g_markup_parse_context_free (state.context);
  g_ptr_array_unref (state.stack);
  g_array_unref (state.starts);
  g_string_free (state.text, TRUE);
  g_hash_table_unref (state.card_ids);
  g_hash_table_unref (state.drill_ids);
  g_array_unref (state.references);
  g_ptr_array_unref (state.problems);
  g_clear_object (&state.card);
  g_clear_object (&state.drill);
  g_clear_pointer (&state.paragraphs, g_ptr_array_unref);
  g_clear_pointer (&state.steps, g_ptr_array_unref);
  g_clear_pointer (&state.tips, g_ptr_array_unref);

  return ok ? g_steal_pointer (&program) : NULL;
}

static void
steady_program_finalize (GObject *object)
{
  SteadyProgram *self = (SteadyProgram *)object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->source_name);
  g_ptr_array_unref (self->cards);
  g_object_unref (self->drills);

  G_OBJECT_CLASS (steady_program_parent_class)->finalize (object);
}

static void
steady_program_class_init (SteadyProgramClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_program_finalize;
}

static void
steady_program_init (SteadyProgram *self)
{
  self->cards = g_ptr_array_new_with_free_func (g_object_unref);
  self->drills = g_list_store_new (STEADY_TYPE_DRILL);
  /* The narrative's rules unless the file says otherwise. */
  self->stop_rules.pain_at_least = 7;
  self->stop_rules.pain_rise = 2;
  self->stop_rules.painful_pop = TRUE;
}

SteadyProgram *
steady_program_new_from_bytes (GBytes      *bytes,
                               const char  *display_name,
                               GError     **error)
{
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length > MAX_PROGRAM_SIZE)
    {
      g_set_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_IO,
                   _("%s:1:1: the file is %.1f MB; a program file is at most %d MB"),
                   display_name, length / 1e6, MAX_PROGRAM_SIZE / (1024 * 1024));
      return NULL;
    }

  return parse (data ? data : "", length, display_name, error);
}

SteadyProgram *
steady_program_new_from_file (GFile   *file,
                              GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL, *basename = NULL;
  g_autofree char *buffer = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The name goes into messages and labels: valid UTF-8 even when the
   * file's name is not (a Latin-1 "caf\xe9.xml" reads "caf�.xml"). */
  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);

  /* Check the type and size before reading: a wrong path to a huge file,
   * a device such as /dev/zero or a named pipe must neither take the
   * memory of a kiosk nor block it. Only a regular file is opened. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_IO,
                   _("%s: cannot read the file: %s"), name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_IO,
                   _("%s: is a folder, not a program file"), name);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_IO,
                   _("%s: is not a regular file"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > MAX_PROGRAM_SIZE)
    {
      g_set_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_IO,
                   _("%s:1:1: the file is %.1f MB; a program file is at most %d MB"),
                   name, g_file_info_get_size (info) / 1e6, MAX_PROGRAM_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Read at most one byte more than a program may have, so that a file
   * that grows while it is read (or lies about its size) is still refused
   * by the size check in steady_program_new_from_bytes(). */
  stream = g_file_read (file, NULL, &local_error);
  if (stream != NULL)
    {
      buffer = g_malloc (MAX_PROGRAM_SIZE + 1);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, MAX_PROGRAM_SIZE + 1,
                                    &length, NULL, &local_error))
        g_clear_pointer (&buffer, g_free);
    }
  if (buffer == NULL)
    {
      g_set_error (error, STEADY_PROGRAM_ERROR, STEADY_PROGRAM_ERROR_IO,
                   _("%s: cannot read the file: %s"), name, local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), MAX (length, 1)), length);

  return steady_program_new_from_bytes (bytes, name, error);
}

SteadyProgram *
steady_program_new_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (BUILTIN_PROGRAM_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return steady_program_new_from_bytes (bytes, "hip-stability.xml", error);
}

const char *
steady_program_get_id (SteadyProgram *self)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM (self), NULL);
  return self->id;
}

const char *
steady_program_get_title (SteadyProgram *self)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM (self), NULL);
  return self->title;
}

const char *
steady_program_get_source_name (SteadyProgram *self)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM (self), NULL);
  return self->source_name;
}

guint
steady_program_get_n_cards (SteadyProgram *self)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM (self), 0);
  return self->cards->len;
}

SteadyCard *
steady_program_get_card (SteadyProgram *self,
                         guint          position)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (position < self->cards->len, NULL);
  return g_ptr_array_index (self->cards, position);
}

SteadyCard *
steady_program_find_card (SteadyProgram *self,
                          const char    *id)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->cards->len; i++)
    {
      SteadyCard *card = g_ptr_array_index (self->cards, i);

      if (strcmp (steady_card_get_id (card), id) == 0)
        return card;
    }

  return NULL;
}

SteadyCard *
steady_program_find_safety_card (SteadyProgram *self,
                                 guint         *position)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM (self), NULL);

  for (guint i = 0; i < self->cards->len; i++)
    {
      SteadyCard *card = g_ptr_array_index (self->cards, i);

      if (steady_card_get_kind (card) == STEADY_CARD_KIND_SAFETY)
        {
          if (position != NULL)
            *position = i;
          return card;
        }
    }

  return NULL;
}

GListModel *
steady_program_get_drills (SteadyProgram *self)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM (self), NULL);
  return G_LIST_MODEL (self->drills);
}

SteadyDrill *
steady_program_find_drill (SteadyProgram *self,
                           const char    *id)
{
  guint n;

  g_return_val_if_fail (STEADY_IS_PROGRAM (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->drills));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SteadyDrill) drill = g_list_model_get_item (G_LIST_MODEL (self->drills), i);

      if (strcmp (steady_drill_get_id (drill), id) == 0)
        return drill;   /* the store keeps its reference */
    }

  return NULL;
}

const SteadyStopRules *
steady_program_get_stop_rules (SteadyProgram *self)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM (self), NULL);
  return &self->stop_rules;
}
