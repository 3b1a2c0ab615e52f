/* steady-window.c: the main window: welcome, lesson, drills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "steady-bench-hook.h"
#include "steady-history-page.h"
#include "steady-progress.h"
#include "steady-window.h"

/* Windows at least this big (a full-screen 1080p kiosk, say) get the
 * large type that is readable from two metres; narrow ones a smaller one. */
#define LARGE_MIN_WIDTH   1600
#define LARGE_MIN_HEIGHT  900
#define COMPACT_MAX_WIDTH 700

struct _SteadyWindow
{
  AdwApplicationWindow parent_instance;

  GSettings        *settings;
  SteadyProgram    *program;
  /* Names of the pages to go back to, the most recent last. */
  GPtrArray        *history;
  const char       *size_class;

  GtkWidget        *back_button;
  AdwWindowTitle   *window_title;
  GtkStack         *stack;
  GtkWidget        *learn_button;
  SteadyDeck       *deck;
  SteadyDrillsPage *drills_page;
  SteadyDrillPage  *drill_page;
  GtkImage         *error_icon;
  GtkLabel         *error_description;
  GtkLabel         *error_label;
  GtkWidget        *builtin_button;

  /* progress (issue 6): made on first use, never in kiosk mode */
  SteadyHistoryPage *history_page;
  AdwToastOverlay   *toast_overlay;
};

G_DEFINE_FINAL_TYPE (SteadyWindow, steady_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROGRAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void steady_window_update_progress_actions (SteadyWindow *self);

static void
steady_window_update_actions (SteadyWindow *self)
{
  const char *page = steady_window_get_page_name (self);
  gboolean on_deck = g_strcmp0 (page, "deck") == 0;
  gboolean loaded = self->program != NULL;
  guint position = steady_deck_get_position (self->deck);
  guint n = loaded ? steady_program_get_n_cards (self->program) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-welcome", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-deck", loaded && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-drills", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-drill", loaded);
  /* Past the last card the lesson goes on to the drills. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next", on_deck && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous", on_deck && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.first", on_deck && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.last", on_deck && position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", self->history->len > 0);
  steady_window_update_progress_actions (self);

  gtk_widget_set_visible (self->back_button, self->history->len > 0);
}

static const char *
page_subtitle (SteadyWindow *self,
               const char   *page)
{
  if (g_str_equal (page, "drill"))
    {
      SteadyDrill *drill = steady_drill_page_get_drill (self->drill_page);

      return drill != NULL ? steady_drill_get_title (drill) : "";
    }
  if (g_str_equal (page, "welcome") || g_str_equal (page, "deck"))
    return self->program != NULL ? steady_program_get_title (self->program) : "";

  return gtk_stack_page_get_title (gtk_stack_get_page (self->stack,
                                                       gtk_stack_get_child_by_name (self->stack, page)));
}

static void
steady_window_focus_page (SteadyWindow *self,
                          const char   *page)
{
  if (g_str_equal (page, "welcome"))
    gtk_widget_grab_focus (self->learn_button);
  else if (g_str_equal (page, "deck"))
    steady_deck_focus (self->deck);
  else if (g_str_equal (page, "drills"))
    steady_drills_page_focus (self->drills_page);
  else if (g_str_equal (page, "error"))
    gtk_widget_grab_focus (self->builtin_button);
  else if (g_str_equal (page, "history"))
    steady_history_page_focus (self->history_page);
  else
    /* The instructions are text only: the page itself takes the focus
     * so that Page Down, the arrows and Home/End scroll them. */
    gtk_widget_grab_focus (GTK_WIDGET (self->drill_page));
}

/* Shows @page; with @remember, the page shown now is where Back returns. */
static void
steady_window_navigate (SteadyWindow *self,
                        const char   *page,
                        gboolean      remember)
{
  const char *current = steady_window_get_page_name (self);

  if (remember && current != NULL && !g_str_equal (current, page))
    {
      /* Going back to a page already on the way drops the loop in between. */
      for (guint i = 0; i < self->history->len; i++)
        if (g_str_equal (g_ptr_array_index (self->history, i), page))
          {
            g_ptr_array_set_size (self->history, i);
            remember = FALSE;
            break;
          }
      if (remember)
        g_ptr_array_add (self->history, g_strdup (current));
    }

  /* The cards are built when the lesson is first opened, not before the
   * welcome page can be shown. */
  if (g_str_equal (page, "deck") && steady_deck_get_program (self->deck) != self->program)
    steady_deck_set_program (self->deck, self->program);

  gtk_stack_set_visible_child_name (self->stack, page);
  adw_window_title_set_subtitle (self->window_title, page_subtitle (self, page));
  steady_window_update_actions (self);
  steady_window_focus_page (self, page);
}

static void
on_deck_position_changed (SteadyWindow *self)
{
  steady_window_update_actions (self);
}

static void
show_welcome_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  steady_window_navigate (STEADY_WINDOW (widget), "welcome", TRUE);
}

static void
show_deck_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  steady_window_navigate (STEADY_WINDOW (widget), "deck", TRUE);
}

static void
show_drills_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  steady_window_navigate (STEADY_WINDOW (widget), "drills", TRUE);
}

static void
open_drill_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  SteadyDrill *drill;

  g_assert (self->program != NULL);

  drill = steady_program_find_drill (self->program, id);
  if (drill == NULL)
    {
      g_warning ("win.open-drill: the program has no drill “%s”", id);
      return;
    }

  steady_drill_page_set_drill (self->drill_page, drill);
  steady_window_navigate (self, "drill", TRUE);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  guint position = steady_deck_get_position (self->deck);

  if (position + 1 < steady_deck_get_n_cards (self->deck))
    steady_deck_go_to (self->deck, position + 1, TRUE);
  else
    steady_window_navigate (self, "drills", TRUE);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  guint position = steady_deck_get_position (self->deck);

  if (position > 0)
    steady_deck_go_to (self->deck, position - 1, TRUE);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);

  steady_deck_go_to (self->deck, 0, TRUE);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  guint n = steady_deck_get_n_cards (self->deck);

  if (n > 0)
    steady_deck_go_to (self->deck, n - 1, TRUE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  g_autofree char *page = NULL;

  if (self->history->len == 0)
    return;

  page = g_ptr_array_steal_index (self->history, self->history->len - 1);
  steady_window_navigate (self, page, FALSE);
}

static void
use_builtin_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  steady_window_open_builtin (STEADY_WINDOW (widget));
}

/* ---- progress (issue 6): history, export, handout; desktop only ---- */

static void
steady_window_update_progress_actions (SteadyWindow *self)
{
  gboolean enabled = steady_progress_is_enabled (gtk_window_get_application (GTK_WINDOW (self)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-history", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-journal", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-handout",
                                 enabled && self->program != NULL);
}

static SteadyJournal *
steady_window_get_journal (SteadyWindow *self)
{
  g_autoptr(GError) error = NULL;
  SteadyJournal *journal;

  journal = steady_progress_get_journal (gtk_window_get_application (GTK_WINDOW (self)), &error);
  if (journal == NULL && error != NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);

      g_warning ("%s", error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  return journal;
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);

  if (self->history_page == NULL)
    {
      GtkStackPage *page;
      SteadyJournal *journal = steady_window_get_journal (self);

      self->history_page = STEADY_HISTORY_PAGE (steady_history_page_new ());
      page = gtk_stack_add_named (self->stack, GTK_WIDGET (self->history_page), "history");
      gtk_stack_page_set_title (page, _("Progress"));
      if (journal != NULL)
        steady_history_page_set_recovered_path (self->history_page,
                                                steady_journal_get_recovered_path (journal));
      steady_history_page_set_journal (self->history_page, journal);
    }
  else
    steady_history_page_reload (self->history_page);

  steady_window_navigate (self, "history", TRUE);
}

static void
export_journal_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  SteadyJournal *journal = steady_window_get_journal (self);

  if (journal != NULL)
    steady_progress_export_journal (GTK_WINDOW (self), journal);
}

static void
print_handout_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);

  if (self->program != NULL)
    steady_progress_print_handout (GTK_WINDOW (self), self->program);
}

/* Opens the journal once the window belongs to the application, so that a
 * damaged journal is told about at start-up: where the old file went. */
static void
on_application_changed (SteadyWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  SteadyJournal *journal;
  const char *recovered;

  steady_window_update_progress_actions (self);
  if (!steady_progress_is_enabled (application))
    return;

  journal = steady_window_get_journal (self);
  recovered = journal != NULL ? steady_journal_get_recovered_path (journal) : NULL;
  if (recovered != NULL)
    {
      g_autofree char *title = NULL;
      g_autofree char *name = g_path_get_basename (recovered);
      AdwToast *toast;

      /* The full path is on the history page, behind "Details". */
      /* TRANSLATORS: %s is the name the damaged journal was kept under */
      title = g_strdup_printf (_("Your journal was damaged: a new one was started, the old one kept as %s"),
                               name);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-history");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* Toasts need an overlay around the window's content; it is added here
 * so that the window's template stays as it is. */
static void
steady_window_init_progress (SteadyWindow *self)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (self));

  g_object_ref (content);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), NULL);
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, content);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self),
                                      GTK_WIDGET (self->toast_overlay));
  g_object_unref (content);

  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed), NULL);
}

SteadyHistoryPage *
steady_window_get_history_page (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return self->history_page;
}

/* ---- end of progress ---- */

static void
on_back_button_pressed (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        SteadyWindow    *self)
{
  if (self->history->len > 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

static void
steady_window_update_size_class (SteadyWindow *self,
                                 int           width,
                                 int           height)
{
  const char *size_class = NULL;

  if (width >= LARGE_MIN_WIDTH && height >= LARGE_MIN_HEIGHT)
    size_class = "steady-large";
  else if (width <= COMPACT_MAX_WIDTH)
    size_class = "steady-compact";

  if (size_class == self->size_class)
    return;

  /* Like AdwClamp's size classes: the style follows the allocation, and
   * the new sizes take effect from the next frame. */
  if (self->size_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), self->size_class);
  if (size_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), size_class);
  self->size_class = size_class;
}

static void
steady_window_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  steady_window_update_size_class (STEADY_WINDOW (widget), width, height);

  GTK_WIDGET_CLASS (steady_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static gboolean
steady_window_close_request (GtkWindow *window)
{
  SteadyWindow *self = STEADY_WINDOW (window);
  int width;
  int height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  return GTK_WINDOW_CLASS (steady_window_parent_class)->close_request (window);
}

static void
steady_window_dispose (GObject *object)
{
  SteadyWindow *self = STEADY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEADY_TYPE_WINDOW);
  g_clear_object (&self->program);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steady_window_parent_class)->dispose (object);
}

static void
steady_window_finalize (GObject *object)
{
  SteadyWindow *self = STEADY_WINDOW (object);

  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (steady_window_parent_class)->finalize (object);
}

static void
steady_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SteadyWindow *self = STEADY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      g_value_set_object (value, self->program);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SteadyWindow *self = STEADY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      steady_window_set_program (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_window_class_init (SteadyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steady_window_dispose;
  object_class->finalize = steady_window_finalize;
  object_class->get_property = steady_window_get_property;
  object_class->set_property = steady_window_set_property;
  widget_class->size_allocate = steady_window_size_allocate;
  window_class->close_request = steady_window_close_request;

  properties[PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL,
                         STEADY_TYPE_PROGRAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEADY_TYPE_DECK);
  g_type_ensure (STEADY_TYPE_DRILLS_PAGE);
  g_type_ensure (STEADY_TYPE_DRILL_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steady-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, learn_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, deck);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, drills_page);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, drill_page);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, error_icon);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, error_description);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, builtin_button);
  gtk_widget_class_bind_template_callback (widget_class, on_deck_position_changed);

  gtk_widget_class_install_action (widget_class, "win.show-welcome", NULL, show_welcome_action);
  gtk_widget_class_install_action (widget_class, "win.show-deck", NULL, show_deck_action);
  gtk_widget_class_install_action (widget_class, "win.show-drills", NULL, show_drills_action);
  gtk_widget_class_install_action (widget_class, "win.open-drill", "s", open_drill_action);
  gtk_widget_class_install_action (widget_class, "win.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "win.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "win.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "win.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.use-builtin", NULL, use_builtin_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "win.export-journal", NULL, export_journal_action);
  gtk_widget_class_install_action (widget_class, "win.print-handout", NULL, print_handout_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);
}

static void
steady_window_init (SteadyWindow *self)
{
  GtkGesture *back_click;

  self->history = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  steady_window_init_progress (self);

  /* The "back" button of a mouse goes back a page. */
  back_click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (back_click), 8);
  g_signal_connect (back_click, "pressed", G_CALLBACK (on_back_button_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (back_click));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  steady_window_update_actions (self);
  steady_bench_hook_attach (GTK_WINDOW (self));
}

SteadyWindow *
steady_window_new (SteadyApplication *application)
{
  g_return_val_if_fail (STEADY_IS_APPLICATION (application), NULL);

  return g_object_new (STEADY_TYPE_WINDOW, "application", application, NULL);
}

void
steady_window_set_program (SteadyWindow  *self,
                           SteadyProgram *program)
{
  g_return_if_fail (STEADY_IS_WINDOW (self));
  g_return_if_fail (program == NULL || STEADY_IS_PROGRAM (program));

  if (!g_set_object (&self->program, program))
    return;

  steady_deck_set_program (self->deck, NULL);
  steady_drills_page_set_program (self->drills_page, program);
  steady_drill_page_set_drill (self->drill_page, NULL);

  g_ptr_array_set_size (self->history, 0);
  steady_window_navigate (self, program != NULL ? "welcome" : "error", FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
}

SteadyProgram *
steady_window_get_program (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return self->program;
}

gboolean
steady_window_open_file (SteadyWindow *self,
                         GFile        *file)
{
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STEADY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  program = steady_program_new_from_file (file, &error);
  if (program == NULL)
    {
      steady_window_show_error (self, file, error);
      return FALSE;
    }

  steady_window_set_program (self, program);
  return TRUE;
}

gboolean
steady_window_open_builtin (SteadyWindow *self)
{
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STEADY_IS_WINDOW (self), FALSE);

  program = steady_program_new_builtin (&error);
  if (program == NULL)
    {
      steady_window_show_error (self, NULL, error);
      return FALSE;
    }

  steady_window_set_program (self, program);
  return TRUE;
}

void
steady_window_show_error (SteadyWindow *self,
                          GFile        *file,
                          const GError *error)
{
  g_autofree char *description = NULL;

  g_return_if_fail (STEADY_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (error != NULL);

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* TRANSLATORS: %s is the path of a program file */
      description = g_strdup_printf (_("Steady could not read the lesson in “%s”. "
                                       "This is what is wrong with it:"), name);
    }
  else
    description = g_strdup (_("Steady could not read its built-in lesson. "
                              "This is what is wrong with it:"));

  /* Set only now: GTK preloads the icons of every image in the window,
   * and this large one is an SVG that would load librsvg at start-up. */
  gtk_image_set_from_icon_name (self->error_icon, "dialog-warning-symbolic");
  gtk_label_set_text (self->error_description, description);
  gtk_label_set_text (self->error_label, error->message);
  /* The built-in program cannot help when it is the one that failed. */
  gtk_widget_set_visible (self->builtin_button, file != NULL);

  g_clear_object (&self->program);
  steady_deck_set_program (self->deck, NULL);
  steady_drills_page_set_program (self->drills_page, NULL);
  steady_drill_page_set_drill (self->drill_page, NULL);
  g_ptr_array_set_size (self->history, 0);
  steady_window_navigate (self, "error", FALSE);
  /* The focus may have passed through the selectable message on its way
   * to the button, which selects all of it; nothing should look selected. */
  gtk_label_select_region (self->error_label, 0, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
}

const char *
steady_window_get_page_name (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

SteadyDeck *
steady_window_get_deck (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return self->deck;
}

SteadyDrillsPage *
steady_window_get_drills_page (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return self->drills_page;
}

SteadyDrillPage *
steady_window_get_drill_page (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return self->drill_page;
}

const char *
steady_window_get_error_text (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->error_label);
}
