using System.ComponentModel.DataAnnotations;

namespace Workshops.Core.Security;

/// <summary>One limit: at most <see cref="Permits"/> requests in each window of <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitRule
{
    [Range(1, 1_000_000, ErrorMessage = "A rate limit's Permits must be between 1 and 1,000,000.")]
    public int Permits { get; set; }

    [Range(1, 86_400, ErrorMessage = "A rate limit's WindowSeconds must be between 1 and 86,400.")]
    public int WindowSeconds { get; set; }

    public RateLimitRule() { }

    public RateLimitRule(int permits, int windowSeconds) => (Permits, WindowSeconds) = (permits, windowSeconds);
}

/// <summary>
/// The rate limits, per client address and, where the form names one, per account (the rules ending in
/// "-account"). Each is a setting: RateLimits:Rules:sign-in:Permits=50.
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimits";

    public const string SignIn = "sign-in";
    public const string SignUp = "sign-up";
    public const string AccountEmail = "account-email";
    public const string Reset = "reset";
    public const string Setup = "setup";
    public const string TwoFactor = "two-factor";
    public const string Register = "register";
    public const string Propose = "propose";
    public const string Search = "search";
    /// <summary>Members asking to be linked to an installation: each request is an organiser's time.</summary>
    public const string LinkRequest = "link-request";
    /// <summary>Making API tokens: each is a key to the account, so a stolen session cannot mint them by the hundred.</summary>
    public const string ApiTokens = "api-tokens";
    /// <summary>Changes through the API, counted per address and per token ("api-write-account" is per token).</summary>
    public const string ApiWrite = "api-write";

    public static string Account(string rule) => rule + "-account";

    /// <summary>Off only for load tests that measure something else; on by default.</summary>
    public bool Enabled { get; set; } = true;

    public Dictionary<string, RateLimitRule> Rules { get; set; } = new()
    {
        [SignIn] = new(30, 300),
        [Account(SignIn)] = new(10, 900),
        [SignUp] = new(10, 3600),
        [AccountEmail] = new(10, 3600),
        [Account(AccountEmail)] = new(5, 3600),
        [Reset] = new(20, 3600),
        [Setup] = new(10, 900),
        [TwoFactor] = new(30, 300),
        [Account(TwoFactor)] = new(10, 300),
        // A whole institute may register from behind one address when registration opens.
        [Register] = new(300, 3600),
        [Account(Register)] = new(20, 3600),
        [Propose] = new(100, 3600),
        [Account(Propose)] = new(30, 3600),
        [Search] = new(120, 60),
        [LinkRequest] = new(60, 3600),
        [Account(LinkRequest)] = new(20, 3600),
        [ApiTokens] = new(30, 3600),
        [Account(ApiTokens)] = new(20, 3600),
        // An organiser's script admitting a whole waiting list at once stays well within these.
        [ApiWrite] = new(1200, 3600),
        [Account(ApiWrite)] = new(600, 3600),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, rule) in Rules)
        {
            if (rule.Permits is < 1 or > 1_000_000)
                yield return new ValidationResult($"RateLimits:Rules:{name}:Permits must be between 1 and 1,000,000 (it is {rule.Permits}).");
            if (rule.WindowSeconds is < 1 or > 86_400)
                yield return new ValidationResult($"RateLimits:Rules:{name}:WindowSeconds must be between 1 and 86,400 (it is {rule.WindowSeconds}).");
        }
    }
}
