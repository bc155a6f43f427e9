using System.Collections.Concurrent;
using System.Data;
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
public sealed class SqliteWriterQueue : DbTransactionInterceptor
{
    public static readonly SqliteWriterQueue Instance = new();

    /// <summary>As long as SQLite's own busy timeout: after that the transaction goes on and SQLite decides.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Queues = new();

    // The queue each connection holds while its transaction runs (at most one per database file, so this stays tiny).
    private static readonly ConcurrentDictionary<DbConnection, Held> Holding = new();

    private sealed class Held(SemaphoreSlim queue)
    {
        public SemaphoreSlim Queue { get; } = queue;
        public DbTransaction? Transaction { get; set; }
    }

    private static SemaphoreSlim QueueOf(DbConnection connection) =>
        Queues.GetOrAdd(((SqliteConnection)connection).DataSource, _ => new SemaphoreSlim(1, 1));

    // The place is taken and the transaction begun here, together: if BEGIN fails, the place is given back at once.
    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        if (Holding.ContainsKey(connection)) return result;
        var queue = QueueOf(connection);
        if (!queue.Wait(MaxWait)) return result;
        return InterceptionResult<DbTransaction>.SuppressWithResult(Begin(connection, queue, eventData.IsolationLevel));
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Holding.ContainsKey(connection)) return result;
        var queue = QueueOf(connection);
        if (!await queue.WaitAsync(MaxWait, cancellationToken)) return result;
        // Microsoft.Data.Sqlite begins synchronously either way; once the place is held, nothing cancels half-way.
        return InterceptionResult<DbTransaction>.SuppressWithResult(Begin(connection, queue, eventData.IsolationLevel));
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction);
        return Task.CompletedTask;
    }

    // A finished transaction no longer knows its connection; the holding entry does.
    private static void Ended(DbTransaction transaction)
    {
        foreach (var (connection, held) in Holding)
            if (ReferenceEquals(held.Transaction, transaction)) Leave(connection);
    }

    private static DbTransaction Begin(DbConnection connection, SemaphoreSlim queue, IsolationLevel isolation)
    {
        var held = new Held(queue);
        Holding[connection] = held;
        // A transaction that ends without a commit or a rollback (an exception on the way, a pooled context handed
        // back) ends when its connection closes, whoever closes it; SQLite has rolled it back by then.
        connection.StateChange += Closed;
        try
        {
            return held.Transaction = connection.BeginTransaction(isolation);
        }
        catch
        {
            Leave(connection);
            throw;
        }
    }

    private static void Closed(object? sender, StateChangeEventArgs e)
    {
        if (e.CurrentState == ConnectionState.Closed && sender is DbConnection connection) Leave(connection);
    }

    private static void Leave(DbConnection connection)
    {
        if (!Holding.TryRemove(connection, out var held)) return;
        connection.StateChange -= Closed;
        held.Queue.Release();
    }
}
