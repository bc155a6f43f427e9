using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workshops.Core.Data;

/// <summary>
/// Settings SQLite keeps per connection, applied when EF opens a connection on a native handle not yet set up.
/// Without a busy timeout, Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms and trying again; with
/// one, SQLite waits itself. Transactions from this process mostly queue in <see cref="SqliteWriterQueue"/> first.
/// With write-ahead logging, synchronous=NORMAL syncs at checkpoints instead of at every commit: a power cut may
/// lose the last commits but never corrupts the file, which is SQLite's advice for WAL.
/// Reads go through a memory map (up to 256 MB of the file) instead of a read call per page: a search ranks thousands
/// of index pages, and copying each into SQLite's small page cache was most of its time.
/// Pooled connections keep their native handle, and the settings with it: each handle is set up once.
/// </summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    public static readonly SqliteTuning Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 268435456;";

    private static readonly ConditionalWeakTable<object, object> Done = new();

    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Done.TryAdd(handle, Done);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsNew(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsNew(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
