using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Workshops.Core.Data;

/// <summary>
/// Reads rows with a plain command on the context's connection, in its transaction if one is open. For SQL that EF
/// cannot write (an upsert returning rows) and for the reads at every start: EF's SqlQueryRaw maps its row type by
/// building a model with the whole convention set, about 800 types and their code kept for the life of the process.
/// </summary>
public static class PlainQuery
{
    /// <param name="parameters">Adds the command's parameters, named as in <paramref name="sql"/>.</param>
    public static async Task<List<T>> ListAsync<T>(this AppDbContext db, string sql, Func<DbDataReader, T> read, CancellationToken ct,
        Action<DbCommand>? parameters = null)
    {
        var rows = new List<T>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            parameters?.Invoke(command);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return rows;
    }
}
