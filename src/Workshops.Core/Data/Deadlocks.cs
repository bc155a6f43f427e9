using System.Data.Common;

namespace Workshops.Core.Data;

/// <summary>
/// Workers claiming rows with one conditional update while others mark theirs done can deadlock on PostgreSQL: a claim
/// that meets a row changed under it locks the row's newest version before it sees the row is no longer for it, and
/// keeps that lock to the end of its statement. PostgreSQL then cancels one of the two (40P01); the statement is
/// whole-or-nothing, so running it again is safe and, the other one having finished, goes through.
/// </summary>
public static class Deadlocks
{
    public static async Task<T> RetryAsync<T>(Func<Task<T>> statement, int attempts = 4)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await statement(); }
            catch (Exception e) when (IsDeadlock(e) && attempt < attempts)
            {
                await Task.Delay(Random.Shared.Next(5, 50) * attempt);
            }
        }
    }

    /// <summary>
    /// Npgsql's execution strategy (EF Core's default for PostgreSQL, even without retries) hands a transient error on
    /// wrapped in an InvalidOperationException, so the database's own error is looked for among the inner ones.
    /// </summary>
    public static bool IsDeadlock(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is DbException { SqlState: "40P01" or "40001" }) return true;
        return false;
    }
}
