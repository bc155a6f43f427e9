using System.Net;
using System.Text.RegularExpressions;

namespace Workshops.Benchmarks;

/// <summary>A signed-in participant's browser: its own cookies and the antiforgery token of its session.</summary>
public sealed partial class Participant(HttpClient http, CookieContainer cookies, string email, string token)
{
    public string Email => email;

    /// <summary>The session's cookies as a request header, so wrk can ask for pages as this signed-in participant.</summary>
    public string CookieHeader => cookies.GetCookieHeader(http.BaseAddress!);

    public static async Task<Participant> SignInAsync(string baseUrl, string email, string anyRegisterPath)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(120),
        };
        var form = await http.GetStringAsync("/account/signin");
        var signIn = await http.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = BenchData.Password,
            ["__RequestVerificationToken"] = Token(form),
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in of {email} answered {(int)signIn.StatusCode}");
        // The token belongs to the signed-in session, not to a page: one serves every registration form.
        return new Participant(http, cookies, email, Token(await http.GetStringAsync(anyRegisterPath)));
    }

    /// <summary>Registers for the workshop; returns the status code (302 when registered, admitted or waitlisted).</summary>
    public async Task<int> RegisterAsync(string slug, Guid trackId)
    {
        using var response = await http.PostAsync($"/workshops/{slug}/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Participant " + email[..8],
            ["Input.Email"] = email,
            ["Input.Institution"] = "Bench node",
            ["Input.Country"] = "Chile",
            ["Input.TrackId"] = trackId.ToString(),
            ["Input.AcceptsPrivacy"] = "true",
            ["__RequestVerificationToken"] = token,
        }));
        return (int)response.StatusCode;
    }

    private static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        if (!match.Success) throw new InvalidOperationException("No antiforgery token on the page.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
