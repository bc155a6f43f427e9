namespace Workshops.Core.Domain.Common;

/// <summary>Edits an aggregate's child rows from what a form posted.</summary>
public static class Rows
{
    /// <summary>
    /// The wanted rows in order: a kept id keeps its row (updated in place), so what hangs on it (answers, scores)
    /// stays attached; a row without one is created; rows not wanted are left out.
    /// </summary>
    public static List<T> Sync<T, TDetails>(List<T> current, List<TDetails> wanted, Func<T, Guid> idOf, Func<TDetails, Guid?> wantedId,
        Action<T, TDetails, int> update, Func<TDetails, int, T> create)
    {
        var result = new List<T>();
        for (var i = 0; i < wanted.Count; i++)
        {
            var existing = wantedId(wanted[i]) is { } id ? current.FirstOrDefault(x => idOf(x) == id) : default;
            if (existing is null)
            {
                result.Add(create(wanted[i], i));
                continue;
            }
            update(existing, wanted[i], i);
            result.Add(existing);
        }
        return result;
    }
}
