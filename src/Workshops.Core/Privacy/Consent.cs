using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Workshops.Core.Privacy;

public enum ConsentKind
{
    /// <summary>Read and accepted a workshop's privacy notice when registering.</summary>
    PrivacyNotice,
    /// <summary>Listed by name and institution on a workshop's participant list (and in its packs).</summary>
    ParticipantList,
    /// <summary>Photos of them taken at a workshop may be published.</summary>
    Photos,
    /// <summary>Their name stays in past programmes if they delete their account.</summary>
    SpeakerListing,
}

/// <summary>
/// A consent a person gave, with the version of the words they agreed to (<see cref="ConsentText"/>) and when; a
/// withdrawal keeps the row, with its time, so the record says what held when.
/// </summary>
public sealed class Consent
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    [PersonalData] public string UserId { get; private set; } = "";
    public ConsentKind Kind { get; private set; }
    public Guid? WorkshopId { get; private set; }
    public Guid? RegistrationId { get; private set; }
    public string TextVersion { get; private set; } = "";
    public DateTimeOffset GivenAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    private Consent() { }

    public static Consent Give(string userId, ConsentKind kind, Guid? workshopId, Guid? registrationId, string textVersion, DateTimeOffset now) =>
        new() { UserId = userId, Kind = kind, WorkshopId = workshopId, RegistrationId = registrationId, TextVersion = textVersion, GivenAt = now };

    public bool IsActive => WithdrawnAt is null;

    /// <summary>Accepting a privacy notice is what a registration stands on: it ends with the registration, not on its own.</summary>
    public bool CanWithdraw => Kind != ConsentKind.PrivacyNotice && IsActive;

    public void Withdraw(DateTimeOffset now) => WithdrawnAt ??= now;
}

/// <summary>The words of a consent as they were shown, kept once per version so a consent can always be read back.</summary>
public sealed class ConsentText
{
    public string Version { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset FirstShownAt { get; private set; }

    private ConsentText() { }

    public static string VersionOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    public static ConsentText Of(string text, DateTimeOffset now) => new() { Version = VersionOf(text), Text = text, FirstShownAt = now };
}
