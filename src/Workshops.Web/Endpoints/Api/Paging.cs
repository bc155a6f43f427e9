using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Workshops.Web.Endpoints.Api;

public interface IPage
{
    DateTimeOffset? Changed { get; }
}

/// <summary>One page of a list; <see cref="Next"/> is the cursor of the following page, null on the last.</summary>
/// <param name="Items">The items on this page.</param>
/// <param name="Total">How many items match the filters, on every page together.</param>
/// <param name="Next">Pass it as <c>cursor</c> for the next page; null when this is the last.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, string? Next) : IPage
{
    DateTimeOffset? IPage.Changed => Items.OfType<IChanged>().Select(i => (DateTimeOffset?)i.Changed).Max();
}

/// <summary>Which page of a list to read: up to <c>limit</c> items after <c>cursor</c>.</summary>
public sealed class Paging
{
    public const int MaxLimit = 100;

    [Description("How many items a page holds, 1 to 100 (20 when not given).")]
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "limit")] public int? Limit { get; set; }

    [Description("The cursor a previous page gave as next; leave it out for the first page.")]
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "cursor")] public string? Cursor { get; set; }

    [System.Text.Json.Serialization.JsonIgnore] public int Size => Math.Clamp(Limit ?? 20, 1, MaxLimit);

    /// <summary>
    /// The position a cursor stands for, when it was given for the same query (same filters and order): a cursor
    /// carried to another query would silently skip or repeat items, so it is refused instead.
    /// </summary>
    public bool TryOffset(HttpRequest request, out int offset, out string? error)
    {
        offset = 0;
        error = null;
        if (Limit is < 1 or > MaxLimit)
        {
            error = Tr.T("A page holds 1 to {0} items.", MaxLimit);
            return false;
        }
        if (string.IsNullOrEmpty(Cursor)) return true;
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Cursor)).Split(':');
            if (parts.Length == 2 && int.TryParse(parts[0], out offset) && offset >= 0 && parts[1] == Fingerprint(request)) return true;
        }
        catch (FormatException) { }
        offset = 0;
        error = Tr.T("This cursor does not belong to this list: ask for the first page again.");
        return false;
    }

    public Page<T> Of<T>(HttpRequest request, IReadOnlyList<T> items, int offset, int total) =>
        new(items, total, offset + items.Count < total ? WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{offset + items.Count}:{Fingerprint(request)}")) : null);

    /// <summary>The query without its cursor and page size, hashed.</summary>
    private static string Fingerprint(HttpRequest request)
    {
        var query = string.Join("&", request.Query.Where(q => q.Key is not ("cursor" or "limit")).OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => q.Key + "=" + q.Value));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Path + "?" + query)).AsSpan(0, 6));
    }
}
