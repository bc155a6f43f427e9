using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workshops.Core.Data;

/// <summary>
/// SQLite lets one transaction write at a time. A transaction that finds the database busy waits inside SQLite, which
/// sleeps in steps of up to 100 ms while holding a thread-pool thread: when registration opens, the processor idles
/// while requests sleep on a lock that was freed long ago. Here transactions on the same database file queue in the
/// process instead, without holding a thread, and the next one starts the moment the last one ends.
/// Single statements outside a transaction (and other processes) still meet SQLite's own busy timeout.
/// </summary>
public sealed class SqliteWriterQueue : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriterQueue Instance = new();

    /// <summary>As long as SQLite's own busy timeout: after that the transaction goes on and SQLite decides.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Queues = new();

    // The queue each connection holds while its transaction runs.
    private static readonly ConcurrentDictionary<DbConnection, SemaphoreSlim> Holding = new();

    private static SemaphoreSlim QueueOf(DbConnection connection) =>
        Queues.GetOrAdd(((SqliteConnection)connection).DataSource, _ => new SemaphoreSlim(1, 1));

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (Holding.ContainsKey(connection)) return result;
        var queue = QueueOf(connection);
        if (queue.Wait(MaxWait)) Hold(connection, queue);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Holding.ContainsKey(connection)) return result;
        var queue = QueueOf(connection);
        if (await queue.WaitAsync(MaxWait, cancellationToken)) Hold(connection, queue);
        return result;
    }

    public void TransactionCommitted(DbConnection connection, TransactionEndEventData eventData) => Leave(connection);

    public Task TransactionCommittedAsync(DbConnection connection, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbConnection connection, TransactionEndEventData eventData) => Leave(connection);

    public Task TransactionRolledBackAsync(DbConnection connection, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbConnection connection, TransactionErrorEventData eventData) => Leave(connection);

    public Task TransactionFailedAsync(DbConnection connection, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    // A transaction disposed without a commit or a rollback (an exception on the way) closes the connection EF
    // opened for it; SQLite has rolled it back by then. A connection that stays open (migrations commit some of
    // their transactions directly) keeps its place until it closes, and its next transaction starts without waiting.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    private static void Hold(DbConnection connection, SemaphoreSlim queue)
    {
        if (!Holding.TryAdd(connection, queue)) queue.Release(); // already holding: a nested start, keep one place
    }

    private static void Leave(DbConnection connection)
    {
        if (Holding.TryRemove(connection, out var queue)) queue.Release();
    }
}
