/* steady-handout.c: the printable home-program handout (cairo, pango)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "steady-card.h"
#include "steady-camera.h"
#include "steady-handout.h"
#include "steady-motion.h"
#include "steady-painter.h"

G_DEFINE_QUARK (steady-handout-error-quark, steady_handout_error)

/* Everything is laid out on an A4 page in points, then scaled to the
 * page asked for. */
#define MARGIN      50.0
#define GAP         12.0
#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"

/* Ink for paper: black text, one calm accent, a warm red for red flags. */
static const SteadyPainterColor ink = { 0.12, 0.12, 0.14, 1.0 };
static const SteadyPainterColor dim_ink = { 0.36, 0.36, 0.40, 1.0 };
static const SteadyPainterColor accent = { 0.11, 0.38, 0.69, 1.0 };
static const SteadyPainterColor panel = { 0.95, 0.96, 0.97, 1.0 };
static const SteadyPainterColor flag = { 0.75, 0.11, 0.16, 1.0 };
static const SteadyPainterColor flag_fill = { 0.99, 0.94, 0.94, 1.0 };

typedef struct {
  cairo_t       *cr;
  SteadyProgram *program;
  GHashTable    *settings;
  double         width;    /* page size in A4 points */
  double         height;
  double         y;        /* where the next block goes */
} Page;

static void
set_color (cairo_t                  *cr,
           const SteadyPainterColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Draws @text (Pango markup when @markup) at (@x, @y), wrapped to @width;
 * returns its height. With @draw FALSE only measures. */
static double
text_block (cairo_t                  *cr,
            const char               *text,
            gboolean                  markup,
            double                    size,
            gboolean                  bold,
            const SteadyPainterColor *color,
            double                    x,
            double                    y,
            double                    width,
            gboolean                  draw)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);

  if (draw)
    {
      cairo_save (cr);
      set_color (cr, color);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }

  return (double) h / PANGO_SCALE;
}

static void
page_text (Page                     *page,
           const char               *text,
           double                    size,
           gboolean                  bold,
           const SteadyPainterColor *color,
           double                    space_after)
{
  page->y += text_block (page->cr, text, FALSE, size, bold, color,
                         MARGIN, page->y, page->width - 2 * MARGIN, TRUE);
  page->y += space_after;
}

/* A list item: @marker ("1.", "•") hanging left of wrapped @text. */
static void
page_item (Page       *page,
           const char *marker,
           const char *text,
           double      size)
{
  double indent = size * 1.8;

  text_block (page->cr, marker, FALSE, size, TRUE, &accent, MARGIN, page->y, indent, TRUE);
  page->y += text_block (page->cr, text, FALSE, size, FALSE, &ink,
                         MARGIN + indent, page->y, page->width - 2 * MARGIN - indent, TRUE);
  page->y += size * 0.45;
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static const SteadySessionSettings *
lookup_settings (Page                  *page,
                 SteadyDrill           *drill,
                 SteadySessionSettings *defaults)
{
  const SteadySessionSettings *settings = NULL;

  if (page->settings != NULL)
    settings = g_hash_table_lookup (page->settings, steady_drill_get_id (drill));
  if (settings != NULL)
    return settings;

  steady_session_settings_init_from_drill (defaults, drill);
  return defaults;
}

char *
steady_handout_format_numbers (SteadyDrill                 *drill,
                               const SteadySessionSettings *settings)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *motion;

  g_return_val_if_fail (STEADY_IS_DRILL (drill), NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  motion = steady_drill_get_motion (drill);
  if (g_strcmp0 (motion, STEADY_MOTION_QUADRUPED_KNEE_CIRCLES) == 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u circle each way",
                                                          "%u circles each way", settings->reps),
                                             settings->reps));
  else if (settings->hold > 0 && settings->reps == 1)
    g_ptr_array_add (parts, g_strdup (_("once")));
  else
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rep", "%u reps",
                                                          settings->reps),
                                             settings->reps));

  if (settings->sides == STEADY_SIDE_BOTH)
    g_ptr_array_add (parts, g_strdup (_("each side")));
  else if (settings->sides == STEADY_SIDE_LEFT)
    g_ptr_array_add (parts, g_strdup (_("left side only")));
  else if (settings->sides == STEADY_SIDE_RIGHT)
    g_ptr_array_add (parts, g_strdup (_("right side only")));

  if (settings->hold > 0)
    /* TRANSLATORS: %g is a number of seconds */
    g_ptr_array_add (parts, g_strdup_printf (_("hold %g s"), settings->hold));
  if (settings->breath_in > 0 && settings->breath_out > 0)
    /* TRANSLATORS: paced breathing, in seconds */
    g_ptr_array_add (parts, g_strdup_printf (_("breathe in %g s, out %g s"),
                                             settings->breath_in, settings->breath_out));

  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: the separator between a drill's numbers */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/* The red flags as sentences: the program's stop rules first. */
static GPtrArray *
red_flags (SteadyProgram *program)
{
  const SteadyStopRules *rules = steady_program_get_stop_rules (program);
  GPtrArray *flags = g_ptr_array_new_with_free_func (g_free);

  if (rules->painful_pop)
    g_ptr_array_add (flags, g_strdup (_("Your hip pops and it hurts.")));
  if (rules->pain_at_least > 0)
    g_ptr_array_add (flags, g_strdup_printf (_("Your pain is %d or more out of 10."),
                                             rules->pain_at_least));
  if (rules->pain_rise > 0)
    g_ptr_array_add (flags, g_strdup_printf (_("Your pain goes up by %d or more while you exercise."),
                                             rules->pain_rise));

  return flags;
}

static void
draw_footer (Page  *page,
             guint  number,
             guint  n_pages)
{
  /* TRANSLATORS: the handout's footer: the program's title, the page */
  g_autofree char *text = g_strdup_printf (_("%s · page %u of %u"),
                                           steady_program_get_title (page->program),
                                           number + 1, n_pages);

  text_block (page->cr, text, FALSE, 8.5, FALSE, &dim_ink,
              MARGIN, page->height - MARGIN + 14, page->width - 2 * MARGIN, TRUE);
}

static void
draw_red_flags (Page *page)
{
  g_autoptr(GPtrArray) flags = red_flags (page->program);
  SteadyCard *safety = steady_program_find_safety_card (page->program, NULL);
  double x = MARGIN, w = page->width - 2 * MARGIN, pad = 14, top = page->y;
  double text_w = w - 2 * pad - 17;
  const char * const *paragraphs = safety != NULL ? steady_card_get_paragraphs (safety) : NULL;
  double h = pad;

  /* Measure first so that the box can be drawn behind the text. */
  h += text_block (page->cr, _("Stop and talk to your clinician if"), FALSE, 13, TRUE, &flag,
                   0, 0, w - 2 * pad, FALSE) + 6;
  for (guint i = 0; i < flags->len; i++)
    h += text_block (page->cr, g_ptr_array_index (flags, i), FALSE, 10.5, FALSE, &ink,
                     0, 0, text_w, FALSE) + 4;
  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    h += text_block (page->cr, paragraphs[i], FALSE, 10, FALSE, &ink, 0, 0, w - 2 * pad, FALSE) + 4;
  h += pad + (paragraphs != NULL ? 6 : 0);

  rounded_rect (page->cr, x, top, w, h, 8);
  set_color (page->cr, &flag_fill);
  cairo_fill_preserve (page->cr);
  set_color (page->cr, &flag);
  cairo_set_line_width (page->cr, 1.5);
  cairo_stroke (page->cr);

  page->y = top + pad;
  page->y += text_block (page->cr, _("Stop and talk to your clinician if"), FALSE, 13, TRUE, &flag,
                         x + pad, page->y, w - 2 * pad, TRUE) + 6;
  for (guint i = 0; i < flags->len; i++)
    {
      text_block (page->cr, "!", FALSE, 10.5, TRUE, &flag, x + pad + 4, page->y, 12, TRUE);
      page->y += text_block (page->cr, g_ptr_array_index (flags, i), FALSE, 10.5, FALSE, &ink,
                             x + pad + 17, page->y, text_w, TRUE) + 4;
    }
  if (paragraphs != NULL)
    page->y += 6;
  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    page->y += text_block (page->cr, paragraphs[i], FALSE, 10, FALSE, &ink,
                           x + pad, page->y, w - 2 * pad, TRUE) + 4;
  page->y = top + h + 18;
}

static void
draw_cover (Page *page)
{
  GListModel *drills = steady_program_get_drills (page->program);
  guint n = g_list_model_get_n_items (drills);

  page_text (page, steady_program_get_title (page->program), 26, TRUE, &ink, 2);
  page_text (page, _("Your home program"), 15, FALSE, &accent, 18);
  page_text (page, _("Do these drills at home, the way your clinician showed you. Go slowly: "
                     "small, controlled movements teach your hip to feel stable again. "
                     "Each drill has its own page with pictures, the steps and your numbers."),
             11, FALSE, &ink, 18);

  page_text (page, _("Your drills"), 14, TRUE, &ink, 8);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, i);
      SteadySessionSettings defaults;
      const SteadySessionSettings *settings = lookup_settings (page, drill, &defaults);
      g_autofree char *numbers = steady_handout_format_numbers (drill, settings);
      g_autofree char *marker = g_strdup_printf ("%u.", i + 1);
      g_autofree char *line = g_strdup_printf ("%s — %s", steady_drill_get_title (drill), numbers);

      text_block (page->cr, marker, FALSE, 11, TRUE, &accent, MARGIN, page->y, 20, TRUE);
      page->y += text_block (page->cr, line, FALSE, 11, TRUE, &ink,
                             MARGIN + 20, page->y, page->width - 2 * MARGIN - 20, TRUE) + 2;
      page->y += text_block (page->cr, steady_drill_get_summary (drill), FALSE, 10, FALSE, &dim_ink,
                             MARGIN + 20, page->y, page->width - 2 * MARGIN - 20, TRUE) + 10;
    }
  page->y += 10;

  draw_red_flags (page);
}

/* One picture of the drill in a rounded panel, with a caption below. */
static void
draw_pose_panel (Page                     *page,
                 SteadyDrill              *drill,
                 const SteadyMotionState  *from,
                 const SteadyMotionState  *to,
                 const char               *caption,
                 double                    x,
                 double                    y,
                 double                    w,
                 double                    h)
{
  const char *motion = steady_drill_get_motion (drill);
  SteadyMotionParams params;
  SteadyPainterStyle style;
  SteadyCamera camera;
  SteadyPose pose_from, pose_to;

  steady_motion_params_init_from_drill (&params, drill);
  steady_painter_style_init (&style, STEADY_PAINTER_THEME_LIGHT);
  style.fill_background = FALSE;
  steady_camera_init_for_motion (&camera, motion);

  cairo_save (page->cr);
  rounded_rect (page->cr, x, y, w, h, 8);
  set_color (page->cr, &panel);
  cairo_fill_preserve (page->cr);
  cairo_clip (page->cr);
  cairo_translate (page->cr, x, y);

  steady_motion_pose (motion, to, &params, &pose_to);
  if (from != NULL)
    {
      steady_motion_pose (motion, from, &params, &pose_from);
      steady_painter_paint_still (page->cr, &pose_from, &pose_to,
                                  steady_motion_get_mover (motion, to->side),
                                  &camera, w, h, &style);
    }
  else
    steady_painter_paint (page->cr, &pose_to, &camera, w, h, &style);
  cairo_restore (page->cr);

  text_block (page->cr, caption, FALSE, 9.5, TRUE, &dim_ink, x, y + h + 4, w, TRUE);
}

static void
draw_drill (Page        *page,
            SteadyDrill *drill)
{
  const char *motion = steady_drill_get_motion (drill);
  const char * const *steps = steady_drill_get_steps (drill);
  const char * const *tips = steady_drill_get_tips (drill);
  SteadySessionSettings defaults;
  const SteadySessionSettings *settings = lookup_settings (page, drill, &defaults);
  g_autofree char *numbers = steady_handout_format_numbers (drill, settings);
  g_autofree char *numbers_line = NULL;
  SteadyMotionState start, end, rest;
  double panel_w, panel_h, box_h;
  SteadySide side = settings->sides == STEADY_SIDE_RIGHT ? STEADY_SIDE_RIGHT : STEADY_SIDE_LEFT;

  page_text (page, steady_drill_get_title (drill), 22, TRUE, &ink, 4);
  page_text (page, steady_drill_get_summary (drill), 11.5, FALSE, &dim_ink, 12);

  /* The patient's numbers stand out: they are what the clinician set. */
  numbers_line = g_strdup_printf ("%s %s", _("Your numbers:"), numbers);
  box_h = text_block (page->cr, numbers_line, FALSE, 12, TRUE, &accent, 0, 0,
                      page->width - 2 * MARGIN - 24, FALSE) + 16;
  rounded_rect (page->cr, MARGIN, page->y, page->width - 2 * MARGIN, box_h, 6);
  set_color (page->cr, &accent);
  cairo_set_line_width (page->cr, 1.2);
  cairo_stroke (page->cr);
  text_block (page->cr, numbers_line, FALSE, 12, TRUE, &accent,
              MARGIN + 12, page->y + 8, page->width - 2 * MARGIN - 24, TRUE);
  page->y += box_h + 16;

  /* Start, the movement (a still with its arrow), the working position. */
  steady_motion_key_states (motion, side, &start, &end);
  rest = start;
  rest.amount = 0.0;
  rest.working = FALSE;
  panel_w = (page->width - 2 * MARGIN - 2 * GAP) / 3;
  panel_h = panel_w * 0.9;
  draw_pose_panel (page, drill, NULL, &rest, _("1. Start"),
                   MARGIN, page->y, panel_w, panel_h);
  draw_pose_panel (page, drill, &start, &end, _("2. The movement"),
                   MARGIN + panel_w + GAP, page->y, panel_w, panel_h);
  draw_pose_panel (page, drill, NULL, &end, _("3. Working position"),
                   MARGIN + 2 * (panel_w + GAP), page->y, panel_w, panel_h);
  page->y += panel_h + 30;

  page_text (page, _("How to do it"), 14, TRUE, &ink, 6);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_autofree char *marker = g_strdup_printf ("%u.", i + 1);

      g_autofree char *step = steady_session_settings_expand_text (settings, steps[i]);

      page_item (page, marker, step, 11);
    }
  page->y += 10;

  if (tips[0] != NULL)
    {
      page_text (page, _("Keep in mind"), 14, TRUE, &ink, 6);
      for (guint i = 0; tips[i] != NULL; i++)
        {
          g_autofree char *tip = steady_session_settings_expand_text (settings, tips[i]);

          page_item (page, "•", tip, 11);
        }
      page->y += 10;
    }
}

/* A short reminder of the red flags at the foot of each drill page. */
static void
draw_stop_reminder (Page *page)
{
  g_autoptr(GPtrArray) flags = red_flags (page->program);
  g_autoptr(GString) text = g_string_new (_("Stop and talk to your clinician if:"));
  double h;

  for (guint i = 0; i < flags->len; i++)
    g_string_append_printf (text, " %s", (const char *) g_ptr_array_index (flags, i));

  h = text_block (page->cr, text->str, FALSE, 9.5, FALSE, &flag, 0, 0,
                  page->width - 2 * MARGIN - 20, FALSE) + 12;
  page->y = MAX (page->y, page->height - MARGIN - h - 8);
  rounded_rect (page->cr, MARGIN, page->y, page->width - 2 * MARGIN, h, 6);
  set_color (page->cr, &flag_fill);
  cairo_fill (page->cr);
  text_block (page->cr, text->str, FALSE, 9.5, FALSE, &flag,
              MARGIN + 10, page->y + 6, page->width - 2 * MARGIN - 20, TRUE);
}

guint
steady_handout_get_n_pages (SteadyProgram *program)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM (program), 0);

  return 1 + g_list_model_get_n_items (steady_program_get_drills (program));
}

gboolean
steady_handout_render (cairo_t       *cr,
                       guint          page_number,
                       double         width,
                       double         height,
                       SteadyProgram *program,
                       GHashTable    *settings)
{
  guint n_pages;
  double scale;
  Page page;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (STEADY_IS_PROGRAM (program), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  n_pages = steady_handout_get_n_pages (program);
  if (page_number >= n_pages)
    return FALSE;

  scale = width / STEADY_HANDOUT_A4_WIDTH;
  page.cr = cr;
  page.program = program;
  page.settings = settings;
  page.width = STEADY_HANDOUT_A4_WIDTH;
  page.height = height / scale;
  page.y = MARGIN;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_scale (cr, scale, scale);

  if (page_number == 0)
    draw_cover (&page);
  else
    {
      GListModel *drills = steady_program_get_drills (program);
      g_autoptr(SteadyDrill) drill = g_list_model_get_item (drills, page_number - 1);

      draw_drill (&page, drill);
      draw_stop_reminder (&page);
    }
  draw_footer (&page, page_number, n_pages);

  cairo_restore (cr);
  return TRUE;
}

typedef struct {
  GOutputStream *stream;
  GError        *error;
} PdfWriter;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  PdfWriter *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

gboolean
steady_handout_write_pdf (SteadyProgram *program,
                          GHashTable    *settings,
                          GFile         *file,
                          GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *name = NULL;
  PdfWriter writer = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (STEADY_IS_PROGRAM (program), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    {
      g_prefix_error (error, _("%s: cannot write the handout: "), name);
      return FALSE;
    }

  writer.stream = G_OUTPUT_STREAM (stream);
  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &writer,
                                                 STEADY_HANDOUT_A4_WIDTH, STEADY_HANDOUT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  steady_program_get_title (program));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Steady");
  cr = cairo_create (surface);

  n_pages = steady_handout_get_n_pages (program);
  for (guint i = 0; i < n_pages; i++)
    {
      steady_handout_render (cr, i, STEADY_HANDOUT_A4_WIDTH, STEADY_HANDOUT_A4_HEIGHT,
                             program, settings);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing a replacing stream cancelled drops the new file: nothing
       * replaces the old one when the new one is incomplete. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      if (writer.error != NULL)
        {
          g_propagate_prefixed_error (error, writer.error, _("%s: cannot write the handout: "), name);
          return FALSE;
        }
      g_set_error (error, STEADY_HANDOUT_ERROR, STEADY_HANDOUT_ERROR_WRITE,
                   _("%s: cannot write the handout: %s"), name, cairo_status_to_string (status));
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    {
      g_prefix_error (error, _("%s: cannot write the handout: "), name);
      return FALSE;
    }

  return TRUE;
}
