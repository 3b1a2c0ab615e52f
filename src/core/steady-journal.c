/* steady-journal.c
 *
 * One SQLite file in WAL mode. Every write is one short IMMEDIATE
 * transaction, and synchronous=FULL, so a killed process (or a lost power)
 * loses at most the write in flight: the rep being recorded, never the ones
 * before it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "steady-journal.h"
#include "steady-journal-private.h"

/* "STDY", so that a foreign SQLite file at our path is recognised. */
#define STEADY_JOURNAL_APPLICATION_ID 0x53544459
#define DEFAULT_BUSY_TIMEOUT_MS 5000

struct _SteadyJournal
{
  GObject                 parent_instance;

  char                   *path;
  char                   *recovered_path;
  SteadyJournalOpenFlags  flags;
  guint                   busy_timeout;
  sqlite3                *db;
  GHashTable             *statements;   /* SQL text (static) → sqlite3_stmt */
  SteadyJournalClock      clock;
  gpointer                clock_data;
};

static void steady_journal_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SteadyJournal, steady_journal, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      steady_journal_initable_iface_init))

G_DEFINE_QUARK (steady-journal-error-quark, steady_journal_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_FLAGS,
  PROP_BUSY_TIMEOUT,
  PROP_RECOVERED_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Each entry moves the schema from the version before it to its own. They
 * are never edited once released: a change is a new entry. */
static const char * const migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  started INTEGER NOT NULL,"
  "  ended INTEGER,"
  "  program TEXT NOT NULL,"
  "  drill TEXT NOT NULL,"
  "  sides TEXT NOT NULL,"
  "  reps_planned INTEGER NOT NULL DEFAULT 0,"
  "  reps_done INTEGER NOT NULL DEFAULT 0,"
  "  circles_planned INTEGER NOT NULL DEFAULT 0,"
  "  circles_done INTEGER NOT NULL DEFAULT 0,"
  "  holds_planned INTEGER NOT NULL DEFAULT 0,"
  "  holds_done INTEGER NOT NULL DEFAULT 0,"
  "  hold_seconds REAL NOT NULL DEFAULT 0,"
  "  outcome TEXT NOT NULL DEFAULT 'in-progress',"
  "  reason TEXT"
  ");"
  "CREATE TABLE checkins ("
  "  id INTEGER PRIMARY KEY,"
  "  time INTEGER NOT NULL,"
  "  session INTEGER REFERENCES sessions (id),"
  "  moment TEXT NOT NULL,"
  "  pop_urge INTEGER CHECK (pop_urge BETWEEN 0 AND 10),"
  "  pain INTEGER CHECK (pain BETWEEN 0 AND 10),"
  "  popped INTEGER CHECK (popped IN (0, 1)),"
  "  painful INTEGER CHECK (painful IN (0, 1))"
  ");",

  /* 1 → 2: each rep, circle and hold on its own row (with its side and how
   * long it was held), and indexes for the history's time ranges. Sessions
   * kept by version 1 only have their totals. */
  "CREATE TABLE progress ("
  "  session INTEGER NOT NULL REFERENCES sessions (id),"
  "  n INTEGER NOT NULL,"
  "  time INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  side TEXT NOT NULL,"
  "  hold_seconds REAL NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (session, n)"
  ");"
  "CREATE INDEX sessions_started ON sessions (started);"
  "CREATE INDEX checkins_time ON checkins (time);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == STEADY_JOURNAL_SCHEMA_VERSION);

/* Errors */

static int
error_code_for_sqlite (sqlite3 *db,
                       int      rc)
{
  int sys_errno = db != NULL ? sqlite3_system_errno (db) : 0;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      return STEADY_JOURNAL_ERROR_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return STEADY_JOURNAL_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return STEADY_JOURNAL_ERROR_BUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return STEADY_JOURNAL_ERROR_CORRUPT;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return STEADY_JOURNAL_ERROR_INVALID;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      if (sys_errno == ENOSPC || sys_errno == EDQUOT)
        return STEADY_JOURNAL_ERROR_FULL;
      if (sys_errno == EACCES || sys_errno == EROFS || sys_errno == EPERM)
        return STEADY_JOURNAL_ERROR_READ_ONLY;
      return STEADY_JOURNAL_ERROR_IO;
    default:
      return STEADY_JOURNAL_ERROR_IO;
    }
}

static const char *
describe_error_code (int code)
{
  switch (code)
    {
    case STEADY_JOURNAL_ERROR_FULL:
      return _("the disk is full");
    case STEADY_JOURNAL_ERROR_READ_ONLY:
      return _("the file or its folder may not be written");
    case STEADY_JOURNAL_ERROR_BUSY:
      return _("another program is using the journal");
    case STEADY_JOURNAL_ERROR_CORRUPT:
      return _("the file is damaged");
    default:
      return _("input/output error");
    }
}

/* "PATH: ACTION: REASON (SQLite's own words)" */
void
steady_journal_set_sqlite_error (SteadyJournal  *self,
                                 int             rc,
                                 const char     *action,
                                 GError        **error)
{
  int code = error_code_for_sqlite (self->db, rc);
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  g_set_error (error, STEADY_JOURNAL_ERROR, code, "%s: %s: %s (%s)",
               self->path, action, describe_error_code (code), detail);
}

/* Statements and transactions */

sqlite3_stmt *
steady_journal_get_statement (SteadyJournal  *self,
                              const char     *sql,
                              const char     *action,
                              GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      steady_journal_set_sqlite_error (self, rc, action, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec_sql (SteadyJournal  *self,
          const char     *sql,
          const char     *action,
          GError        **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      steady_journal_set_sqlite_error (self, rc, action, error);
      return FALSE;
    }

  return TRUE;
}

/* Runs a statement that returns no rows (or whose rows are ignored). */
static gboolean
step_done (SteadyJournal  *self,
           sqlite3_stmt   *stmt,
           const char     *action,
           GError        **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      steady_journal_set_sqlite_error (self, rc, action, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
transaction_begin (SteadyJournal  *self,
                   const char     *action,
                   GError        **error)
{
  return exec_sql (self, "BEGIN IMMEDIATE", action, error);
}

static void
transaction_rollback (SteadyJournal *self)
{
  /* SQLite may already have rolled back by itself (e.g. on SQLITE_FULL). */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
transaction_commit (SteadyJournal  *self,
                    const char     *action,
                    GError        **error)
{
  if (!exec_sql (self, "COMMIT", action, error))
    {
      transaction_rollback (self);
      return FALSE;
    }

  return TRUE;
}

static gint64
journal_now (SteadyJournal *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);

  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Opening */

static void
close_db (SteadyJournal *self)
{
  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->db, sqlite3_close_v2);
}

/* What is wrong with the file, or NULL when it may be opened. A short read
 * or a wrong magic means damage; a missing or empty file is a new journal. */
/* Reads the first @length bytes of @path through SQLite's own file layer.
 * Not open() and close(): closing any descriptor of a file drops every
 * POSIX lock this process holds on it, so another SteadyJournal open on the
 * same file in this process would lose its locks, and another process could
 * then take the file for unused and delete its WAL under it. SQLite's unix
 * layer keeps such a descriptor open until its locks are gone. */
static int
read_start (const char *path,
            guint8     *buffer,
            int         length)
{
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree sqlite3_file *file = g_malloc0 (vfs->szOsFile);
  int rc;

  rc = vfs->xOpen (vfs, path, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, NULL);
  if (rc == SQLITE_OK)
    rc = file->pMethods->xRead (file, buffer, length, 0);
  if (file->pMethods != NULL)
    file->pMethods->xClose (file);

  return rc;
}

static char *
check_header (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100];
  struct stat st;
  int rc;

  if (g_stat (path, &st) != 0)
    return NULL;

  if (!S_ISREG (st.st_mode))
    return g_strdup (_("not a regular file"));

  if (g_access (path, R_OK) != 0)
    return g_strdup_printf (_("cannot be read (%s)"), g_strerror (errno));
  if (st.st_size == 0)
    return NULL;
  if (st.st_size < (goffset) sizeof header)
    return g_strdup_printf (_("truncated to %d bytes"), (int) st.st_size);

  rc = read_start (path, header, sizeof header);
  if (rc != SQLITE_OK)
    return g_strdup_printf (_("cannot be read (%s)"), sqlite3_errstr (rc));
  if (memcmp (header, magic, sizeof magic) != 0)
    return g_strdup (_("not an SQLite database"));

  {
    guint page_size = (header[16] << 8) | header[17];

    if (page_size == 1)
      page_size = 65536;
    if (page_size < 512 || (page_size & (page_size - 1)) != 0)
      return g_strdup_printf (_("impossible page size %u"), page_size);
    if (st.st_size % page_size != 0)
      return g_strdup_printf (_("truncated (%lld bytes is not a whole number of pages)"),
                              (long long) st.st_size);
  }

  return NULL;
}

/* The new name of a damaged journal: PATH.corrupt-YYYYMMDD-HHMMSS, with
 * -2, -3… when that exists already. */
static char *
make_aside_path (SteadyJournal *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (journal_now (self));
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *base = g_strdup_printf ("%s.corrupt-%s", self->path, stamp);

  if (!g_file_test (base, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&base);

  for (guint i = 2;; i++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s-%u", base, i);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&candidate);
    }
}

static gboolean
move_aside (SteadyJournal  *self,
            const char     *why,
            GError        **error)
{
  static const char * const suffixes[] = { "-wal", "-shm" };
  g_autofree char *aside = NULL;

  close_db (self);

  if (self->flags & STEADY_JOURNAL_OPEN_EXISTING)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_CORRUPT,
                   _("%s: the journal is damaged: %s"), self->path, why);
      return FALSE;
    }

  aside = make_aside_path (self);
  if (g_rename (self->path, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_CORRUPT,
                   _("%s: the journal is damaged (%s) and could not be moved aside to %s: %s"),
                   self->path, why, aside, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        g_warning ("%s: could not move %s aside to %s: %s",
                   self->path, from, to, g_strerror (errno));
    }

  g_message ("%s: the journal was damaged (%s); it was moved to %s and a new one started",
             self->path, why, aside);

  g_free (self->recovered_path);
  self->recovered_path = g_steal_pointer (&aside);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERED_PATH]);
  return TRUE;
}

static gboolean
ensure_directory (SteadyJournal  *self,
                  GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);

  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, STEADY_JOURNAL_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS
                   ? STEADY_JOURNAL_ERROR_READ_ONLY : STEADY_JOURNAL_ERROR_IO,
                   _("%s: cannot create the journal’s folder: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Creates the file 0600 before SQLite does (SQLite would use 0644 less the
 * umask; its -wal and -shm files copy the main file's mode), and tightens an
 * existing one. */
static gboolean
ensure_private_file (SteadyJournal  *self,
                     GError        **error)
{
  struct stat st;

  if (g_stat (self->path, &st) != 0)
    {
      int fd;

      if (self->flags & STEADY_JOURNAL_OPEN_EXISTING)
        {
          g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND,
                       _("%s: there is no journal here"), self->path);
          return FALSE;
        }

      fd = g_open (self->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, STEADY_JOURNAL_ERROR,
                       saved_errno == ENOSPC ? STEADY_JOURNAL_ERROR_FULL
                       : saved_errno == EACCES || saved_errno == EROFS
                       ? STEADY_JOURNAL_ERROR_READ_ONLY : STEADY_JOURNAL_ERROR_IO,
                       _("%s: cannot create the journal: %s"),
                       self->path, g_strerror (saved_errno));
          return FALSE;
        }
      close (fd);
    }
  else
    {
      static const char * const suffixes[] = { "", "-wal", "-shm" };

      /* A journal from before it was private, with what a crash left. */
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *name = g_strconcat (self->path, suffixes[i], NULL);

          if (g_stat (name, &st) == 0 && (st.st_mode & 0777) != 0600 && g_chmod (name, 0600) != 0)
            g_warning ("%s: cannot make the journal private: %s", name, g_strerror (errno));
        }
    }

  return TRUE;
}

/* The file and its folder must be writable: WAL needs to create -wal and
 * -shm next to it. Checked first so that such a journal is never mistaken
 * for a damaged one. */
static gboolean
check_writable (SteadyJournal  *self,
                GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);

  if (g_access (dir, W_OK | X_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_READ_ONLY,
                   _("%s: cannot write in the journal’s folder %s: %s"),
                   self->path, dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_access (self->path, F_OK) == 0
      && g_access (self->path, R_OK) == 0
      && g_access (self->path, W_OK) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_READ_ONLY,
                   _("%s: the journal may not be written: %s"),
                   self->path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

typedef enum {
  OPEN_OK,
  OPEN_DAMAGED,   /* *why says what is wrong */
  OPEN_FAILED,    /* *error is set */
} OpenResult;

static gboolean
get_int_pragma (SteadyJournal *self,
                const char    *sql,
                int           *value,
                int           *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *rc_out = rc;
  return rc == SQLITE_OK;
}

/* PRAGMA quick_check: "ok", or rows that say what is wrong. */
static OpenResult
quick_check (SteadyJournal  *self,
             char          **why,
             GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(5)", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *row = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (row, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", row);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      int code = error_code_for_sqlite (self->db, rc);

      if (code == STEADY_JOURNAL_ERROR_CORRUPT)
        {
          *why = g_strdup (sqlite3_errstr (rc));
          return OPEN_DAMAGED;
        }
      steady_journal_set_sqlite_error (self, rc, _("cannot check the journal"), error);
      return OPEN_FAILED;
    }

  if (problems->len > 0)
    {
      *why = g_string_free (g_steal_pointer (&problems), FALSE);
      return OPEN_DAMAGED;
    }

  return OPEN_OK;
}

static OpenResult
migrate (SteadyJournal  *self,
         int             from,
         GError        **error)
{
  g_autofree char *set_version = NULL;
  const char *action = _("cannot update the journal to the current version");

  if (from == STEADY_JOURNAL_SCHEMA_VERSION)
    return OPEN_OK;

  if (!transaction_begin (self, action, error))
    return OPEN_FAILED;

  for (int v = from; v < STEADY_JOURNAL_SCHEMA_VERSION; v++)
    {
      if (!exec_sql (self, migrations[v], action, error))
        {
          transaction_rollback (self);
          return OPEN_FAILED;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                 STEADY_JOURNAL_SCHEMA_VERSION,
                                 STEADY_JOURNAL_APPLICATION_ID);
  if (!exec_sql (self, set_version, action, error))
    {
      transaction_rollback (self);
      return OPEN_FAILED;
    }

  return transaction_commit (self, action, error) ? OPEN_OK : OPEN_FAILED;
}

/* Opens @filename (a path or a file: URI) with @flags as the journal's
 * connection. */
static gboolean
open_sqlite (SteadyJournal  *self,
             const char     *filename,
             int             flags,
             GError        **error)
{
  int rc = sqlite3_open_v2 (filename, &self->db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      steady_journal_set_sqlite_error (self, rc, _("cannot open the journal"), error);
      close_db (self);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, (int) self->busy_timeout);

  return TRUE;
}

/* An older journal opened only to be read (steady-tool export-journal
 * after an upgrade, before Steady itself has opened it) is read from a
 * copy in memory brought up to date, with SQLite's backup API: the file
 * is left as it is, and Steady migrates it when it next opens it. */
static OpenResult
migrate_copy (SteadyJournal  *self,
              int             version,
              GError        **error)
{
  const char *action = _("cannot read the journal into memory to bring it up to date");
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      rc = backup != NULL ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (copy);
      if (backup != NULL)
        sqlite3_backup_finish (backup);
    }
  if (rc != SQLITE_DONE)
    {
      steady_journal_set_sqlite_error (self, rc, action, error);
      sqlite3_close_v2 (copy);
      close_db (self);
      return OPEN_FAILED;
    }

  close_db (self);
  self->db = copy;
  sqlite3_extended_result_codes (self->db, TRUE);

  return migrate (self, version, error);
}

/* Opens the journal only to read it. SQLite reads a WAL journal through
 * its -shm index, which it must create when the last writer removed it on
 * closing; where it cannot (a read-only folder) and no -wal is left over,
 * the file holds everything and is opened as immutable, without the
 * index. */
static OpenResult
open_db_read_only (SteadyJournal  *self,
                   char          **why,
                   GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *escaped = g_uri_escape_string (self->path, "/", FALSE);
  g_autofree char *uri = NULL;
  GStatBuf st;
  gboolean immutable;
  int version = 0, app_id = 0, rc;
  OpenResult result;

  immutable = g_access (dir, W_OK | X_OK) != 0 && (g_stat (wal, &st) != 0 || st.st_size == 0);
  uri = g_strdup_printf ("file:%s?mode=ro%s", escaped, immutable ? "&immutable=1" : "");
  if (!open_sqlite (self, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, error))
    return OPEN_FAILED;

  result = quick_check (self, why, error);
  if (result != OPEN_OK)
    return result;

  if (!get_int_pragma (self, "PRAGMA user_version", &version, &rc) ||
      !get_int_pragma (self, "PRAGMA application_id", &app_id, &rc))
    {
      steady_journal_set_sqlite_error (self, rc, _("cannot read the journal’s version"), error);
      return OPEN_FAILED;
    }
  if (app_id != STEADY_JOURNAL_APPLICATION_ID)
    {
      *why = g_strdup (_("not a Steady journal"));
      return OPEN_DAMAGED;
    }
  if (version > STEADY_JOURNAL_SCHEMA_VERSION)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_TOO_NEW,
                   _("%s: the journal was written by a newer Steady (version %d; this one knows up to %d)"),
                   self->path, version, STEADY_JOURNAL_SCHEMA_VERSION);
      close_db (self);
      return OPEN_FAILED;
    }
  if (version < 1)
    {
      *why = g_strdup_printf (_("impossible schema version %d"), version);
      return OPEN_DAMAGED;
    }
  if (version < STEADY_JOURNAL_SCHEMA_VERSION)
    return migrate_copy (self, version, error);

  return OPEN_OK;
}

static OpenResult
open_db (SteadyJournal  *self,
         char          **why,
         GError        **error)
{
  g_autofree char *header_problem = NULL;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  int version = 0, app_id = 0, n_objects = 0;
  int rc;
  OpenResult result;

  header_problem = check_header (self->path);
  if (header_problem != NULL)
    {
      *why = g_steal_pointer (&header_problem);
      return OPEN_DAMAGED;
    }

  if (self->flags & STEADY_JOURNAL_OPEN_READ_ONLY)
    return open_db_read_only (self, why, error);

  if (!ensure_private_file (self, error))
    return OPEN_FAILED;

  if (!open_sqlite (self, self->path, flags, error))
    return OPEN_FAILED;
  /* Never write into a file that may be damaged, not even a checkpoint
   * when it is closed to be moved aside. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_READ_ONLY,
                   _("%s: the journal may not be written"), self->path);
      close_db (self);
      return OPEN_FAILED;
    }

  result = quick_check (self, why, error);
  if (result != OPEN_OK)
    return result;

  if (!get_int_pragma (self, "PRAGMA user_version", &version, &rc)
      || !get_int_pragma (self, "PRAGMA application_id", &app_id, &rc)
      || !get_int_pragma (self, "SELECT count(*) FROM sqlite_schema", &n_objects, &rc))
    {
      if (error_code_for_sqlite (self->db, rc) == STEADY_JOURNAL_ERROR_CORRUPT)
        {
          *why = g_strdup (sqlite3_errstr (rc));
          return OPEN_DAMAGED;
        }
      steady_journal_set_sqlite_error (self, rc, _("cannot read the journal’s version"), error);
      return OPEN_FAILED;
    }

  if (app_id != STEADY_JOURNAL_APPLICATION_ID && (app_id != 0 || n_objects > 0))
    {
      *why = g_strdup (_("not a Steady journal"));
      return OPEN_DAMAGED;
    }

  if (version < 0 || (version == 0 && n_objects > 0) || (version > 0 && n_objects == 0))
    {
      *why = g_strdup_printf (_("impossible schema version %d"), version);
      return OPEN_DAMAGED;
    }

  if (version > STEADY_JOURNAL_SCHEMA_VERSION)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_TOO_NEW,
                   _("%s: the journal was written by a newer Steady "
                     "(version %d; this one knows up to %d)"),
                   self->path, version, STEADY_JOURNAL_SCHEMA_VERSION);
      close_db (self);
      return OPEN_FAILED;
    }

  if (!exec_sql (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                 "PRAGMA foreign_keys = ON;",
                 _("cannot set up the journal"), error))
    return OPEN_FAILED;

  result = migrate (self, version, error);
  if (result != OPEN_OK)
    return result;

  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
  return OPEN_OK;
}

static gboolean
steady_journal_initable_init (GInitable     *initable,
                              GCancellable  *cancellable,
                              GError       **error)
{
  SteadyJournal *self = STEADY_JOURNAL (initable);

  if (self->path == NULL)
    self->path = steady_journal_get_default_path ();

  /* Reading only, the journal must be there. */
  if (self->flags & STEADY_JOURNAL_OPEN_READ_ONLY)
    self->flags |= STEADY_JOURNAL_OPEN_EXISTING;

  if ((self->flags & STEADY_JOURNAL_OPEN_EXISTING) && !g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND,
                   _("%s: there is no journal here"), self->path);
      return FALSE;
    }

  if (!(self->flags & STEADY_JOURNAL_OPEN_READ_ONLY) &&
      (!ensure_directory (self, error) || !check_writable (self, error)))
    return FALSE;

  /* A second round only after a damaged file was moved aside. */
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *why = NULL;
      g_autoptr(GError) local_error = NULL;

      switch (open_db (self, &why, &local_error))
        {
        case OPEN_OK:
          return TRUE;

        case OPEN_FAILED:
          close_db (self);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;

        case OPEN_DAMAGED:
        default:
          if (!move_aside (self, why, error))
            return FALSE;
          break;
        }
    }

  g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_IO,
               _("%s: a new journal could not be started"), self->path);
  return FALSE;
}

static void
steady_journal_initable_iface_init (GInitableIface *iface)
{
  iface->init = steady_journal_initable_init;
}

/* GObject */

static void
steady_journal_finalize (GObject *object)
{
  SteadyJournal *self = STEADY_JOURNAL (object);

  close_db (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->recovered_path, g_free);

  G_OBJECT_CLASS (steady_journal_parent_class)->finalize (object);
}

static void
steady_journal_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SteadyJournal *self = STEADY_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;
    case PROP_BUSY_TIMEOUT:
      g_value_set_uint (value, self->busy_timeout);
      break;
    case PROP_RECOVERED_PATH:
      g_value_set_string (value, self->recovered_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_journal_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SteadyJournal *self = STEADY_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_assert (self->path == NULL);
      self->path = g_value_dup_string (value);
      break;
    case PROP_FLAGS:
      self->flags = g_value_get_uint (value);
      break;
    case PROP_BUSY_TIMEOUT:
      steady_journal_set_busy_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_journal_class_init (SteadyJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_journal_finalize;
  object_class->get_property = steady_journal_get_property;
  object_class->set_property = steady_journal_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAGS] =
    g_param_spec_uint ("flags", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY_TIMEOUT] =
    g_param_spec_uint ("busy-timeout", NULL, NULL, 0, G_MAXINT, DEFAULT_BUSY_TIMEOUT_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECOVERED_PATH] =
    g_param_spec_string ("recovered-path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
steady_journal_init (SteadyJournal *self)
{
  self->busy_timeout = DEFAULT_BUSY_TIMEOUT_MS;
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

/* Public API */

char *
steady_journal_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "steady", "journal.sqlite", NULL);
}

SteadyJournal *
steady_journal_open (const char              *path,
                     SteadyJournalOpenFlags   flags,
                     GError                 **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (STEADY_TYPE_JOURNAL, NULL, error,
                         "path", path,
                         "flags", (guint) flags,
                         NULL);
}

const char *
steady_journal_get_path (SteadyJournal *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL (self), NULL);

  return self->path;
}

const char *
steady_journal_get_recovered_path (SteadyJournal *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL (self), NULL);

  return self->recovered_path;
}

guint
steady_journal_get_busy_timeout (SteadyJournal *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL (self), 0);

  return self->busy_timeout;
}

void
steady_journal_set_busy_timeout (SteadyJournal *self,
                                 guint          milliseconds)
{
  g_return_if_fail (STEADY_IS_JOURNAL (self));
  g_return_if_fail (milliseconds <= G_MAXINT);

  if (self->busy_timeout == milliseconds)
    return;

  self->busy_timeout = milliseconds;
  if (self->db != NULL)
    sqlite3_busy_timeout (self->db, (int) milliseconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY_TIMEOUT]);
}

void
steady_journal_set_clock (SteadyJournal      *self,
                          SteadyJournalClock  clock,
                          gpointer            user_data)
{
  g_return_if_fail (STEADY_IS_JOURNAL (self));

  self->clock = clock;
  self->clock_data = user_data;
}

sqlite3 *
steady_journal_get_db (SteadyJournal *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL (self), NULL);

  return self->db;
}

const char *
steady_session_outcome_to_string (SteadySessionOutcome outcome)
{
  switch (outcome)
    {
    case STEADY_SESSION_FINISHED:
      return "finished";
    case STEADY_SESSION_STOPPED:
      return "stopped";
    case STEADY_SESSION_INTERRUPTED:
      return "interrupted";
    case STEADY_SESSION_IN_PROGRESS:
    default:
      return "in-progress";
    }
}

SteadySessionOutcome
steady_session_outcome_from_string (const char *str)
{
  for (SteadySessionOutcome o = STEADY_SESSION_IN_PROGRESS; o <= STEADY_SESSION_INTERRUPTED; o++)
    if (g_strcmp0 (str, steady_session_outcome_to_string (o)) == 0)
      return o;

  return STEADY_SESSION_IN_PROGRESS;
}

const char *
steady_progress_kind_to_string (SteadyProgressKind kind)
{
  switch (kind)
    {
    case STEADY_PROGRESS_CIRCLE:
      return "circle";
    case STEADY_PROGRESS_HOLD:
      return "hold";
    case STEADY_PROGRESS_REP:
    default:
      return "rep";
    }
}

void
steady_session_free (SteadySession *session)
{
  if (session == NULL)
    return;

  g_free (session->program_id);
  g_free (session->drill_id);
  g_free (session->reason);
  g_free (session);
}

/* Writing */

gint64
steady_journal_begin_session (SteadyJournal            *self,
                              const SteadySessionPlan  *plan,
                              GError                  **error)
{
  const char *action = _("cannot start a session");
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (STEADY_IS_JOURNAL (self), 0);
  g_return_val_if_fail (plan != NULL, 0);
  g_return_val_if_fail (plan->program_id != NULL && plan->drill_id != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!transaction_begin (self, action, error))
    return 0;

  stmt = steady_journal_get_statement (self,
                                       "INSERT INTO sessions (started, program, drill, sides,"
                                       " reps_planned,"
                                       " circles_planned, holds_planned) VALUES (?, ?, ?, ?, ?,"
                                       " ?, ?)",
                                       action, error);
  if (stmt == NULL)
    {
      transaction_rollback (self);
      return 0;
    }

  sqlite3_bind_int64 (stmt, 1, journal_now (self));
  sqlite3_bind_text (stmt, 2, plan->program_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, plan->drill_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, steady_side_to_string (plan->sides), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, plan->reps_planned);
  sqlite3_bind_int64 (stmt, 6, plan->circles_planned);
  sqlite3_bind_int64 (stmt, 7, plan->holds_planned);

  if (!step_done (self, stmt, action, error))
    {
      transaction_rollback (self);
      return 0;
    }
  id = sqlite3_last_insert_rowid (self->db);

  if (!transaction_commit (self, action, error))
    return 0;

  return id;
}

/* Inside a transaction: is @session_id a session still in progress? */
static gboolean
check_open_session (SteadyJournal  *self,
                    gint64          session_id,
                    const char     *action,
                    GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;
  gboolean ended;

  stmt = steady_journal_get_statement (self, "SELECT ended IS NOT NULL FROM sessions WHERE id = ?",
                                       action, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND,
                   _("%s: %s: there is no session %lld"),
                   self->path, action, (long long) session_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      steady_journal_set_sqlite_error (self, rc, action, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  ended = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (ended)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID,
                   _("%s: %s: session %lld has already ended"),
                   self->path, action, (long long) session_id);
      return FALSE;
    }

  return TRUE;
}

gboolean
steady_journal_record_progress (SteadyJournal       *self,
                                gint64               session_id,
                                SteadyProgressKind   kind,
                                SteadySide           side,
                                double               hold_seconds,
                                GError             **error)
{
  const char *action = _("cannot record a rep");
  sqlite3_stmt *update, *insert;
  gint64 now;

  g_return_val_if_fail (STEADY_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (kind <= STEADY_PROGRESS_HOLD, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!isfinite (hold_seconds) || hold_seconds < 0 || hold_seconds > 86400)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID,
                   _("%s: %s: %g is not a number of seconds held"),
                   self->path, action, hold_seconds);
      return FALSE;
    }

  if (!transaction_begin (self, action, error))
    return FALSE;

  if (!check_open_session (self, session_id, action, error))
    goto fail;

  update = steady_journal_get_statement (self,
                                         "UPDATE sessions SET reps_done = reps_done + ?,"
                                         " circles_done = circles_done + ?, holds_done ="
                                         " holds_done + ?,"
                                         " hold_seconds = hold_seconds + ? WHERE id = ?",
                                         action, error);
  if (update == NULL)
    goto fail;
  sqlite3_bind_int (update, 1, kind == STEADY_PROGRESS_REP);
  sqlite3_bind_int (update, 2, kind == STEADY_PROGRESS_CIRCLE);
  sqlite3_bind_int (update, 3, kind == STEADY_PROGRESS_HOLD);
  sqlite3_bind_double (update, 4, hold_seconds);
  sqlite3_bind_int64 (update, 5, session_id);
  if (!step_done (self, update, action, error))
    goto fail;

  insert = steady_journal_get_statement (self,
                                         "INSERT INTO progress (session, n, time, kind, side,"
                                         " hold_seconds)"
                                         " VALUES (?1, (SELECT coalesce (max (n), 0) + 1 FROM"
                                         " progress"
                                         " WHERE session = ?1), ?2, ?3, ?4, ?5)",
                                         action, error);
  if (insert == NULL)
    goto fail;
  now = journal_now (self);
  sqlite3_bind_int64 (insert, 1, session_id);
  sqlite3_bind_int64 (insert, 2, now);
  sqlite3_bind_text (insert, 3, steady_progress_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, steady_side_to_string (side), -1, SQLITE_STATIC);
  sqlite3_bind_double (insert, 5, hold_seconds);
  if (!step_done (self, insert, action, error))
    goto fail;

  return transaction_commit (self, action, error);

fail:
  transaction_rollback (self);
  return FALSE;
}

gboolean
steady_journal_end_session (SteadyJournal         *self,
                            gint64                 session_id,
                            SteadySessionOutcome   outcome,
                            const char            *reason,
                            GError               **error)
{
  const char *action = _("cannot end a session");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (STEADY_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (outcome == STEADY_SESSION_FINISHED || outcome == STEADY_SESSION_STOPPED,
                        FALSE);
  g_return_val_if_fail (reason == NULL || g_utf8_validate (reason, -1, NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!transaction_begin (self, action, error))
    return FALSE;

  if (!check_open_session (self, session_id, action, error))
    goto fail;

  stmt = steady_journal_get_statement (self,
                                       "UPDATE sessions SET ended = ?, outcome = ?, reason = ?"
                                       " WHERE id = ?",
                                       action, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, journal_now (self));
  sqlite3_bind_text (stmt, 2, steady_session_outcome_to_string (outcome), -1, SQLITE_STATIC);
  if (reason != NULL)
    sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, session_id);
  if (!step_done (self, stmt, action, error))
    goto fail;

  return transaction_commit (self, action, error);

fail:
  transaction_rollback (self);
  return FALSE;
}

int
steady_journal_close_interrupted (SteadyJournal  *self,
                                  GError        **error)
{
  const char *action = _("cannot close unfinished sessions");
  sqlite3_stmt *stmt;
  int changed;

  g_return_val_if_fail (STEADY_IS_JOURNAL (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!transaction_begin (self, action, error))
    return -1;

  stmt = steady_journal_get_statement (self,
                                       "UPDATE sessions SET outcome = 'interrupted', ended ="
                                       " coalesce ((SELECT max (time) FROM progress"
                                       "            WHERE progress.session = sessions.id), started)"
                                       " WHERE ended IS NULL",
                                       action, error);
  if (stmt == NULL || !step_done (self, stmt, action, error))
    {
      transaction_rollback (self);
      return -1;
    }
  changed = sqlite3_changes (self->db);

  if (!transaction_commit (self, action, error))
    return -1;

  return changed;
}

static void
bind_answer (sqlite3_stmt *stmt,
             int           column,
             int           value)
{
  if (value == STEADY_CHECKIN_SKIPPED)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int (stmt, column, value);
}

gint64
steady_journal_add_checkin (SteadyJournal        *self,
                            const SteadyCheckin  *checkin,
                            GError              **error)
{
  const char *action = _("cannot keep a check-in");
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (STEADY_IS_JOURNAL (self), 0);
  g_return_val_if_fail (checkin != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!steady_checkin_is_valid (checkin))
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID,
                   _("%s: %s: an answer is out of range "
                     "(pop urge %d, pain %d, popped %d, painful %d)"),
                   self->path, action, checkin->pop_urge, checkin->pain,
                   checkin->popped, checkin->painful);
      return 0;
    }

  if (!transaction_begin (self, action, error))
    return 0;

  stmt = steady_journal_get_statement (self,
                                       "INSERT INTO checkins (time, session, moment, pop_urge,"
                                       " pain, popped, painful)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                       action, error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, checkin->time != 0 ? checkin->time : journal_now (self));
  if (checkin->session_id != 0)
    sqlite3_bind_int64 (stmt, 2, checkin->session_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, steady_checkin_moment_to_string (checkin->moment), -1, SQLITE_STATIC);
  bind_answer (stmt, 4, checkin->pop_urge);
  bind_answer (stmt, 5, checkin->pain);
  bind_answer (stmt, 6, checkin->popped);
  bind_answer (stmt, 7, checkin->painful);

  if (!step_done (self, stmt, action, &local_error))
    {
      /* The only constraint left after the check above: a session that
       * is not there. */
      if (g_error_matches (local_error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID))
        local_error->code = STEADY_JOURNAL_ERROR_NOT_FOUND;
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  id = sqlite3_last_insert_rowid (self->db);

  if (!transaction_commit (self, action, error))
    return 0;

  return id;

fail:
  transaction_rollback (self);
  return 0;
}
