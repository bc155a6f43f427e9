using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Tests.Shared;

/// <summary>What a participant answers on the registration form, with plain defaults: a test names only what it is about.</summary>
public sealed record ARegistration
{
    public string Name { get; init; } = "Ana Souza";
    public string Email { get; init; } = $"ana-{Guid.NewGuid():N}@example.org";
    public string Institution { get; init; } = "SiB Colombia";
    public string Country { get; init; } = "Colombia";
    public string? Role { get; init; }
    /// <summary>The track by name; the workshop's first when none is named.</summary>
    public string? Track { get; init; }
    public bool ListPublicly { get; init; } = true;
    public bool WantsLetter { get; init; }
    public string? PassportNationality { get; init; }

    public RegistrationDetails Details(Workshop workshop) =>
        new(Name, Email, Institution, Country, Role, (Track is null ? workshop.Tracks[0] : workshop.Tracks.Single(t => t.Name == Track)).Id,
            AcceptsPrivacy: true, ListPublicly, WantsLetter, PassportNationality);
}

/// <summary>How a workshop takes registrations, with plain defaults: open from yesterday for a month, organisers admit.</summary>
public sealed record ARegistrationSetup
{
    public DateTime Opens { get; init; } = DateTime.UtcNow.Date.AddDays(-1);
    public DateTime Closes { get; init; } = DateTime.UtcNow.Date.AddDays(30);
    public RegistrationMode Mode { get; init; } = RegistrationMode.Approval;
    public int? TotalSeats { get; init; }
    public bool AutoPromote { get; init; }
    public DateOnly? DecisionBy { get; init; }
    public string? PrivacyNotice { get; init; }
    public IReadOnlyList<RegistrationQuestionDetails> Questions { get; init; } = [];
    public DateTimeOffset? Now { get; init; }

    public RegistrationSetup For(Workshop workshop) =>
        RegistrationSetup.For(workshop, new RegistrationSetupDetails(Opens, Closes, Mode, TotalSeats, AutoPromote, DecisionBy, PrivacyNotice), Questions,
            Now ?? DateTimeOffset.UtcNow);
}
