/* steady-application.c: the Steady application (single instance)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "steady-application.h"
#include "steady-preferences-window.h"
#include "steady-kiosk-window.h"
#include "steady-window.h"

struct _SteadyApplication
{
  AdwApplication parent_instance;

  gboolean       kiosk;  /* --kiosk or the kiosk-mode setting (issue 5) */
};

G_DEFINE_FINAL_TYPE (SteadyApplication, steady_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_KIOSK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The one place kiosk mode is decided: everything that keeps or shows the
 * patient's data (steady-progress.c) reads this property. */
static void
steady_application_set_kiosk (SteadyApplication *self,
                              gboolean           kiosk)
{
  kiosk = !!kiosk;
  if (self->kiosk == kiosk)
    return;

  self->kiosk = kiosk;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIOSK]);
}

static SteadyWindow *
steady_application_get_window (SteadyApplication *self,
                               gboolean          *created)
{
  /* The most recently focused main window; the shortcuts window may be
   * the active one. */
  *created = FALSE;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (STEADY_IS_WINDOW (l->data))
      return STEADY_WINDOW (l->data);

  *created = TRUE;
  return steady_window_new (self);
}

/* The program a new window shows: the one the settings name (a clinic may
 * lock the key), or else the one compiled into Steady. */
static void
steady_application_open_default (SteadyApplication *self,
                                 SteadyWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = g_settings_get_string (settings, "program-file");

  if (path[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      steady_window_open_file (window, file);
    }
  else
    steady_window_open_builtin (window);
}

/* Kiosk mode (issue 5): one SteadyKioskWindow, whatever is asked for; a
 * second launch (or --program) only brings it back to the front. */
gboolean
steady_application_get_kiosk (SteadyApplication *self)
{
  g_return_val_if_fail (STEADY_IS_APPLICATION (self), FALSE);
  return self->kiosk;
}

static void
steady_application_present_kiosk (SteadyApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (STEADY_IS_KIOSK_WINDOW (l->data))
      {
        gtk_window_present (GTK_WINDOW (l->data));
        return;
      }

  gtk_window_present (GTK_WINDOW (steady_kiosk_window_new (GTK_APPLICATION (self), NULL)));
}

void
steady_application_open_program (SteadyApplication *self,
                                 GFile             *file)
{
  SteadyWindow *window;
  gboolean created;

  g_return_if_fail (STEADY_IS_APPLICATION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->kiosk)
    {
      steady_application_present_kiosk (self);
      return;
    }

  window = steady_application_get_window (self, &created);

  if (file != NULL)
    steady_window_open_file (window, file);
  else if (created)
    steady_application_open_default (self, window);

  gtk_window_present (GTK_WINDOW (window));
}

static void
steady_application_activate (GApplication *app)
{
  steady_application_open_program (STEADY_APPLICATION (app), NULL);
}

/* Runs in the primary instance, also for a second `steady --program FILE`:
 * the file is resolved against that command line's working directory.
 * `steady FILE` means the same as `steady --program FILE`; anything more is
 * refused rather than silently dropped (a clinician would believe their
 * lesson was loaded). */
static int
steady_application_command_line (GApplication            *app,
                                 GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) arguments = NULL;
  const char *path = NULL;
  int argc = 0;

  if (g_variant_dict_lookup (options, "program", "^&ay", &path) && path[0] != '\0')
    file = g_application_command_line_create_file_for_arg (command_line, path);

  /* The options are gone from these; what is left is the program name
   * and the files. */
  arguments = g_application_command_line_get_arguments (command_line, &argc);
  if (argc > 2 || (argc == 2 && file != NULL))
    {
      g_application_command_line_printerr (command_line, "%s\n",
                                           _("steady: give one program file, as steady --program FILE"));
      return EXIT_FAILURE;
    }
  if (argc == 2)
    file = g_application_command_line_create_file_for_arg (command_line, arguments[1]);

  steady_application_open_program (STEADY_APPLICATION (app), file);

  return EXIT_SUCCESS;
}

static int
steady_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("steady %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "kiosk"))
    steady_application_set_kiosk (STEADY_APPLICATION (app), TRUE);

  return -1;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Steady developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Steady"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Steady developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Steady explains why your hip keeps popping and "
                                      "coaches gentle stability drills.\n\n"
                                      "It is education, not diagnosis: stop on sharp pain "
                                      "and see a clinician about anything that worries you."),
                        "website", "https://steadycoach.org/",
                        "issue-url", "https://steadycoach.org/issues",
                        "copyright", _("© 2026 The Steady developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* TRANSLATORS: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* GTK 4.8 names Page Up and Page Down on a key cap by their key names
 * ("Page_Down") unless its own translation says otherwise, as English
 * does not: such caps get the names a reader knows. */
static void
name_page_keys (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && GTK_IS_SHORTCUT_LABEL (gtk_widget_get_parent (widget)))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (g_str_equal (text, "Page_Down"))
        /* TRANSLATORS: the key, as printed on a key cap */
        gtk_label_set_text (GTK_LABEL (widget), C_("keyboard key", "Page Down"));
      else if (g_str_equal (text, "Page_Up"))
        /* TRANSLATORS: the key, as printed on a key cap */
        gtk_label_set_text (GTK_LABEL (widget), C_("keyboard key", "Page Up"));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_page_keys (child);
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *window;

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/steady-shortcuts-window.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  name_page_keys (GTK_WIDGET (window));
  gtk_window_set_transient_for (window, gtk_application_get_active_window (app));
  gtk_window_set_application (window, app);
  gtk_window_present (window);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *parent = gtk_application_get_active_window (app);
  SteadyProgram *program = NULL;
  GtkWidget *preferences;

  /* The drills shown are those of the program on screen. */
  for (GList *l = gtk_application_get_windows (app); l != NULL && program == NULL; l = l->next)
    if (STEADY_IS_WINDOW (l->data))
      program = steady_window_get_program (STEADY_WINDOW (l->data));

  preferences = steady_preferences_window_new (settings, program);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_set_application (GTK_WINDOW (preferences), app);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "shortcuts", .activate = shortcuts_action },
  { .name = "preferences", .activate = preferences_action },
};

static void
steady_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (steady_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  /* A kiosk has no quit, about or shortcuts actions and no accelerators
   * (Ctrl+Q, Ctrl+W): visitors must not get out (issue 5). */
  if (!STEADY_APPLICATION (app)->kiosk)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      steady_application_set_kiosk (STEADY_APPLICATION (app),
                                    g_settings_get_boolean (settings, "kiosk-mode"));
    }
  if (STEADY_APPLICATION (app)->kiosk)
    return;

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
steady_application_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SteadyApplication *self = STEADY_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_KIOSK:
      g_value_set_boolean (value, self->kiosk);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_application_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SteadyApplication *self = STEADY_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_KIOSK:
      steady_application_set_kiosk (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_application_class_init (SteadyApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->get_property = steady_application_get_property;
  object_class->set_property = steady_application_set_property;

  app_class->startup = steady_application_startup;
  app_class->activate = steady_application_activate;
  app_class->command_line = steady_application_command_line;
  app_class->handle_local_options = steady_application_handle_local_options;

  /**
   * SteadyApplication:kiosk:
   *
   * Whether Steady runs as a kiosk: set by --kiosk, by the kiosk-mode
   * setting at start-up, or at construction. In kiosk mode nothing of a
   * visitor is written or shown: no journal, no history, export or print
   * (steady_progress_is_enabled() reads this property).
   */
  properties[PROP_KIOSK] =
    g_param_spec_boolean ("kiosk", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steady_application_init (SteadyApplication *self)
{
  static const GOptionEntry options[] = {
    { "program", 'p', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Show the lesson in FILE instead of the built-in one"), N_("FILE") },
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { "kiosk", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Run full screen as an unattended waiting-room kiosk"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A calm exercise coach for a hip that keeps popping."));
}

SteadyApplication *
steady_application_new (void)
{
  return g_object_new (STEADY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
