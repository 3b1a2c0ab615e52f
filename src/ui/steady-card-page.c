/* steady-card-page.c: one card of the lesson, as a page of the deck
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-card-page.h"
#include "steady-figure-view.h"

struct _SteadyCardPage
{
  GtkWidget   parent_instance;

  SteadyCard *card;
  GtkWidget  *figure;

  GtkWidget  *scroller;
  GtkWidget  *figure_slot;
  gboolean    narrow;
  GtkLabel   *title_label;
  GtkBox     *paragraph_box;
  GtkWidget  *drills_button;
};

G_DEFINE_FINAL_TYPE (SteadyCardPage, steady_card_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CARD,
  PROP_LEADS_TO_DRILLS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steady_card_page_fill (SteadyCardPage *self)
{
  const char * const *paragraphs;

  g_assert (STEADY_IS_CARD (self->card));

  gtk_label_set_text (self->title_label, steady_card_get_title (self->card));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  steady_card_get_title (self->card),
                                  -1);

  paragraphs = steady_card_get_paragraphs (self->card);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (paragraphs[i]);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "steady-card-text");
      gtk_box_append (self->paragraph_box, label);
    }
}

static void
steady_card_page_constructed (GObject *object)
{
  SteadyCardPage *self = STEADY_CARD_PAGE (object);

  G_OBJECT_CLASS (steady_card_page_parent_class)->constructed (object);

  if (self->card != NULL)
    steady_card_page_fill (self);
}

static void
steady_card_page_dispose (GObject *object)
{
  SteadyCardPage *self = STEADY_CARD_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), STEADY_TYPE_CARD_PAGE);
  /* The template's top widget has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->figure = NULL;
  g_clear_object (&self->card);

  G_OBJECT_CLASS (steady_card_page_parent_class)->dispose (object);
}

static void
steady_card_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SteadyCardPage *self = STEADY_CARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CARD:
      g_value_set_object (value, self->card);
      break;
    case PROP_LEADS_TO_DRILLS:
      g_value_set_boolean (value, steady_card_page_get_leads_to_drills (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_card_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SteadyCardPage *self = STEADY_CARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CARD:
      self->card = g_value_dup_object (value);
      break;
    case PROP_LEADS_TO_DRILLS:
      steady_card_page_set_leads_to_drills (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Picture and text side by side need this much room; below it (a narrow
 * window, or large text that makes the text's own minimum wide) the
 * picture goes above the text. */
#define SIDE_BY_SIDE_MIN_WIDTH 760
/* Above the text, the picture takes this share of the page's height. */
#define FIGURE_SHARE_ABOVE     0.38
#define FIGURE_MAX_ABOVE       320

static gboolean
steady_card_page_has_figure (SteadyCardPage *self)
{
  return gtk_widget_get_visible (self->figure_slot);
}

static void
steady_card_page_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  SteadyCardPage *self = STEADY_CARD_PAGE (widget);
  int text_min, text_nat, figure_min = 0, figure_nat = 0;

  gtk_widget_measure (self->scroller, orientation, -1, &text_min, &text_nat, NULL, NULL);
  if (steady_card_page_has_figure (self))
    gtk_widget_measure (self->figure_slot, orientation, -1, &figure_min, &figure_nat, NULL, NULL);

  /* At its narrowest the page stacks the picture above the text. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (text_min, figure_min);
      *natural = text_nat + figure_nat;
    }
  else
    {
      *minimum = text_min + figure_min;
      *natural = MAX (*minimum, MAX (text_nat, figure_nat));
    }
}

static void
steady_card_page_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SteadyCardPage *self = STEADY_CARD_PAGE (widget);
  gboolean narrow = width < SIDE_BY_SIDE_MIN_WIDTH;
  int text_min;
  int figure_min;

  if (!steady_card_page_has_figure (self))
    {
      gtk_widget_allocate (self->scroller, width, height, baseline, NULL);
      return;
    }

  /* Side by side only when the text's half is as wide as it must be. */
  gtk_widget_measure (self->scroller, GTK_ORIENTATION_HORIZONTAL, -1, &text_min, NULL, NULL, NULL);
  narrow = narrow || text_min > width / 2;

  if (narrow != self->narrow)
    {
      /* The margins around the picture follow in the next frame, as with
       * the window's size classes. */
      self->narrow = narrow;
      if (narrow)
        gtk_widget_add_css_class (widget, "narrow");
      else
        gtk_widget_remove_css_class (widget, "narrow");
    }

  if (narrow)
    {
      int figure_height;

      gtk_widget_measure (self->figure_slot, GTK_ORIENTATION_VERTICAL, width, &figure_min, NULL, NULL, NULL);
      figure_height = CLAMP ((int) (height * FIGURE_SHARE_ABOVE), figure_min, MAX (figure_min, FIGURE_MAX_ABOVE));
      figure_height = MIN (figure_height, height);
      gtk_widget_allocate (self->figure_slot, width, figure_height, -1, NULL);
      gtk_widget_allocate (self->scroller, width, height - figure_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, figure_height)));
    }
  else
    {
      int half = width / 2;

      gtk_widget_allocate (self->figure_slot, half, height, -1, NULL);
      gtk_widget_allocate (self->scroller, width - half, height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (half, 0)));
    }
}

static void
steady_card_page_class_init (SteadyCardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steady_card_page_constructed;
  object_class->dispose = steady_card_page_dispose;
  object_class->get_property = steady_card_page_get_property;
  object_class->set_property = steady_card_page_set_property;
  widget_class->measure = steady_card_page_measure;
  widget_class->size_allocate = steady_card_page_size_allocate;

  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL,
                         STEADY_TYPE_CARD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEADS_TO_DRILLS] =
    g_param_spec_boolean ("leads-to-drills", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steady-card-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyCardPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SteadyCardPage, figure_slot);
  gtk_widget_class_bind_template_child (widget_class, SteadyCardPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCardPage, paragraph_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyCardPage, drills_button);

  gtk_widget_class_set_css_name (widget_class, "steadycardpage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
steady_card_page_init (SteadyCardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
steady_card_page_new (SteadyCard *card)
{
  SteadyCardPage *self;
  GtkWidget *figure;

  g_return_val_if_fail (STEADY_IS_CARD (card), NULL);

  self = g_object_new (STEADY_TYPE_CARD_PAGE, "card", card, NULL);

  /* Every card has an illustration; it moves only while its card is the
   * one shown (see steady_card_page_set_playing()). */
  figure = steady_figure_view_new ();
  steady_figure_view_set_illustration (STEADY_FIGURE_VIEW (figure), steady_card_get_illustration (card));
  steady_figure_view_set_playing (STEADY_FIGURE_VIEW (figure), FALSE);
  steady_card_page_set_figure (self, figure);

  return GTK_WIDGET (self);
}

void
steady_card_page_set_playing (SteadyCardPage *self,
                              gboolean        playing)
{
  g_return_if_fail (STEADY_IS_CARD_PAGE (self));

  if (STEADY_IS_FIGURE_VIEW (self->figure))
    steady_figure_view_set_playing (STEADY_FIGURE_VIEW (self->figure), playing);
}

SteadyCard *
steady_card_page_get_card (SteadyCardPage *self)
{
  g_return_val_if_fail (STEADY_IS_CARD_PAGE (self), NULL);

  return self->card;
}

const char *
steady_card_page_get_title (SteadyCardPage *self)
{
  g_return_val_if_fail (STEADY_IS_CARD_PAGE (self), NULL);

  return gtk_label_get_text (self->title_label);
}

/* Whether the card's text, as last laid out, fits its page without
 * scrolling. A kiosk, where nobody knows to scroll, steps its text size
 * down until this holds (steady-kiosk-window.c). */
gboolean
steady_card_page_get_text_fits (SteadyCardPage *self)
{
  GtkAdjustment *adjustment;

  g_return_val_if_fail (STEADY_IS_CARD_PAGE (self), FALSE);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment)
         <= gtk_adjustment_get_page_size (adjustment) + 0.5;
}

void
steady_card_page_set_leads_to_drills (SteadyCardPage *self,
                                      gboolean        leads)
{
  g_return_if_fail (STEADY_IS_CARD_PAGE (self));

  leads = !!leads;
  if (leads == gtk_widget_get_visible (self->drills_button))
    return;

  gtk_widget_set_visible (self->drills_button, leads);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEADS_TO_DRILLS]);
}

gboolean
steady_card_page_get_leads_to_drills (SteadyCardPage *self)
{
  g_return_val_if_fail (STEADY_IS_CARD_PAGE (self), FALSE);

  return gtk_widget_get_visible (self->drills_button);
}

void
steady_card_page_set_figure (SteadyCardPage *self,
                             GtkWidget      *figure)
{
  g_return_if_fail (STEADY_IS_CARD_PAGE (self));
  g_return_if_fail (figure == NULL || GTK_IS_WIDGET (figure));

  if (!steady_figure_slot_set (self->figure_slot, &self->figure, figure))
    return;

  /* With a figure the page spreads across the window, figure and text in
   * two equal halves (or the figure above the text when narrow); without
   * one the text stands alone in the middle. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GtkWidget *
steady_card_page_get_figure (SteadyCardPage *self)
{
  g_return_val_if_fail (STEADY_IS_CARD_PAGE (self), NULL);

  return self->figure;
}
