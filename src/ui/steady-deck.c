/* steady-deck.c: the lesson as a deck of cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-mnemonic-names.h"
#include "steady-deck.h"

struct _SteadyDeck
{
  GtkWidget      parent_instance;

  SteadyProgram *program;
  /* The card shown or being scrolled to; the carousel's own position
   * lags behind while it animates. */
  guint          position;
  /* A scroll waiting for freshly added pages to get their size. */
  guint          scroll_tick_id;

  AdwCarousel   *carousel;
  GtkLabel      *progress_label;
  GtkWidget     *next_button;
};

G_DEFINE_FINAL_TYPE (SteadyDeck, steady_deck, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROGRAM,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steady_deck_update_progress (SteadyDeck *self)
{
  guint n = steady_deck_get_n_cards (self);
  g_autofree char *text = NULL;

  if (n > 0)
    /* TRANSLATORS: which card of the lesson is shown, e.g. "3 of 13" */
    text = g_strdup_printf (_("%u of %u"), self->position + 1, n);

  gtk_label_set_text (self->progress_label, text != NULL ? text : "");

  /* One primary action per screen: on the last card that is its own
   * "Go to the drills" button, not Next. */
  if (n > 0 && self->position + 1 == n)
    gtk_widget_remove_css_class (self->next_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->next_button, "suggested-action");
}

/* Only the card in view animates its illustration: thirteen figures
 * ticking off screen would cost frames and wake-ups for nothing. */
static void
steady_deck_update_playing (SteadyDeck *self)
{
  guint n = steady_deck_get_n_cards (self);

  for (guint i = 0; i < n; i++)
    steady_card_page_set_playing (STEADY_CARD_PAGE (steady_deck_get_card_page (self, i)),
                                  i == self->position);
}

static void
steady_deck_set_position_internal (SteadyDeck *self,
                                   guint       position)
{
  if (self->position == position)
    return;

  self->position = position;
  steady_deck_update_progress (self);
  steady_deck_update_playing (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/* A swipe, a drag or the dots moved the carousel. */
static void
on_page_changed (SteadyDeck *self,
                 guint       index)
{
  steady_deck_set_position_internal (self, index);
}

static void
steady_deck_dispose (GObject *object)
{
  SteadyDeck *self = STEADY_DECK (object);
  GtkWidget *child;

  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), STEADY_TYPE_DECK);
  /* The template's top widget has no id, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->program);

  G_OBJECT_CLASS (steady_deck_parent_class)->dispose (object);
}

static void
steady_deck_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SteadyDeck *self = STEADY_DECK (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      g_value_set_object (value, self->program);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_deck_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SteadyDeck *self = STEADY_DECK (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      steady_deck_set_program (self, g_value_get_object (value));
      break;
    case PROP_POSITION:
      steady_deck_go_to (self, g_value_get_uint (value), TRUE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_deck_class_init (SteadyDeckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_deck_dispose;
  object_class->get_property = steady_deck_get_property;
  object_class->set_property = steady_deck_set_property;

  properties[PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL,
                         STEADY_TYPE_PROGRAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steady-deck.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "previous_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, SteadyDeck, carousel);
  gtk_widget_class_bind_template_child (widget_class, SteadyDeck, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyDeck, next_button);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);

  /* Bubble-phase bindings on the deck: a focused child that wants these keys
   * (a figure that orbits with the arrows, say) gets them first. The window
   * enables the actions only while the deck is shown. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0, "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "win.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "win.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "win.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0, "win.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "win.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "win.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "win.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "win.last", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "steadydeck");
}

static void
steady_deck_init (SteadyDeck *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* "Previous card", not "Previous card Previous" through its label. */
  steady_mnemonic_names_keep_own (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), STEADY_TYPE_DECK,
                                                                             "previous_button")));
}

GtkWidget *
steady_deck_new (void)
{
  return g_object_new (STEADY_TYPE_DECK, NULL);
}

static void
steady_deck_clear (SteadyDeck *self)
{
  while (adw_carousel_get_n_pages (self->carousel) > 0)
    adw_carousel_remove (self->carousel, adw_carousel_get_nth_page (self->carousel, 0));
}

void
steady_deck_set_program (SteadyDeck    *self,
                         SteadyProgram *program)
{
  guint n;

  g_return_if_fail (STEADY_IS_DECK (self));
  g_return_if_fail (program == NULL || STEADY_IS_PROGRAM (program));

  if (!g_set_object (&self->program, program))
    return;

  steady_deck_clear (self);

  n = program != NULL ? steady_program_get_n_cards (program) : 0;
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *page = steady_card_page_new (steady_program_get_card (program, i));

      /* The last card leads on to the drills. */
      steady_card_page_set_leads_to_drills (STEADY_CARD_PAGE (page), i + 1 == n);
      adw_carousel_append (self->carousel, page);
    }

  self->position = 0;
  steady_deck_update_progress (self);
  steady_deck_update_playing (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

SteadyProgram *
steady_deck_get_program (SteadyDeck *self)
{
  g_return_val_if_fail (STEADY_IS_DECK (self), NULL);

  return self->program;
}

guint
steady_deck_get_n_cards (SteadyDeck *self)
{
  g_return_val_if_fail (STEADY_IS_DECK (self), 0);

  return adw_carousel_get_n_pages (self->carousel);
}

guint
steady_deck_get_position (SteadyDeck *self)
{
  g_return_val_if_fail (STEADY_IS_DECK (self), 0);

  return self->position;
}

/* AdwCarousel 1.2 scrolls to where a page was last allocated, so a page
 * that has never been laid out (the program was just set) is scrolled to
 * once it has been. */
static gboolean
scroll_when_allocated (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  SteadyDeck *self = STEADY_DECK (widget);
  GtkWidget *page;

  if (self->position >= steady_deck_get_n_cards (self))
    {
      self->scroll_tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  page = adw_carousel_get_nth_page (self->carousel, self->position);
  if (gtk_widget_get_width (page) == 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  adw_carousel_scroll_to (self->carousel, page, FALSE);
  return G_SOURCE_REMOVE;
}

void
steady_deck_go_to (SteadyDeck *self,
                   guint       position,
                   gboolean    animate)
{
  GtkWidget *page;
  guint n;

  g_return_if_fail (STEADY_IS_DECK (self));

  n = steady_deck_get_n_cards (self);
  if (n == 0)
    return;

  position = MIN (position, n - 1);
  page = adw_carousel_get_nth_page (self->carousel, position);
  steady_deck_set_position_internal (self, position);

  if (gtk_widget_get_width (page) > 0)
    adw_carousel_scroll_to (self->carousel, page, animate);
  else if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_when_allocated,
                                                         NULL, NULL);
}

SteadyCardPage *
steady_deck_get_card_page (SteadyDeck *self,
                           guint       position)
{
  g_return_val_if_fail (STEADY_IS_DECK (self), NULL);
  g_return_val_if_fail (position < steady_deck_get_n_cards (self), NULL);

  return STEADY_CARD_PAGE (adw_carousel_get_nth_page (self->carousel, position));
}

void
steady_deck_focus (SteadyDeck *self)
{
  g_return_if_fail (STEADY_IS_DECK (self));

  gtk_widget_grab_focus (self->next_button);
}
