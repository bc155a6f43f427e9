using Workshops.Core.Localization;

namespace Workshops.Web.Endpoints.Api;

/// <summary>
/// Texts organisers write in several languages: each answer gives the reader's language (Accept-Language, as the
/// pages read it), and with <c>?lang=all</c> also every language's text, keyed by language code.
/// </summary>
public static class ApiText
{
    public const string AllDescription = "Set to all to get every language's text of multilingual fields, besides the one in the reader's language.";

    public static bool WantsAll(HttpContext http) => string.Equals(http.Request.Query["lang"], "all", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyDictionary<string, string>? All(HttpContext http, LocalText? text) =>
        text is null || !WantsAll(http) ? null : text.Values.ToDictionary(v => v.Key, v => v.Value);

    public static string? In(LocalText? text) => text is null || text.Default.Length == 0 && text.Values.Count == 1 ? null : text.ToString();
}
