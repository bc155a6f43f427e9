namespace Workshops.Core.Security;

/// <summary>
/// Requests counted in a fixed window for one limit and one client (an address or an account). Kept in the
/// database so that every instance behind the proxy counts the same requests: a limit per process would multiply
/// with the number of nodes.
/// </summary>
public sealed class RateLimitCounter
{
    public string Key { get; set; } = "";
    public DateTimeOffset WindowStart { get; set; }
    public int Count { get; set; }
}
