using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Webhooks;

public enum WebhookState { Active, Paused }

/// <summary>
/// An address that hears of events, registered by an organiser or admin. Its secret signs every delivery; it is
/// shown once and kept encrypted with the site's keys, since signing needs it back. An endpoint that keeps failing
/// is paused (its deliveries wait) and its owner is told.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int MaxUrl = 500;
    public const int MaxDescription = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    [PersonalData] public string OwnerId { get; private set; } = "";
    [Privacy.NotPersonal("a server's address an organiser registers")] public string Url { get; private set; } = "";
    [Privacy.NotPersonal("what an organiser calls an endpoint")] public string? Description { get; private set; }
    public List<string> Events { get; private set; } = [];
    /// <summary>The workshops whose events it hears; empty for all (and for events of no workshop, such as news).</summary>
    public List<Guid> WorkshopIds { get; private set; } = [];
    public string SecretCipher { get; private set; } = "";
    public WebhookState State { get; private set; }
    public DateTimeOffset? PausedAt { get; private set; }
    /// <summary>Attempts that failed since the last one that succeeded, across deliveries.</summary>
    public int ConsecutiveFailures { get; private set; }
    public DateTimeOffset? LastDeliveredAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private WebhookEndpoint() { }

    public static WebhookEndpoint Create(string ownerId, WebhookDetails details, string secretCipher, DateTimeOffset now)
    {
        var endpoint = new WebhookEndpoint { OwnerId = ownerId, SecretCipher = secretCipher, CreatedAt = now };
        endpoint.Apply(details, now);
        return endpoint;
    }

    public void Update(WebhookDetails details, DateTimeOffset now) => Apply(details, now);

    private void Apply(WebhookDetails d, DateTimeOffset now)
    {
        d.Validate();
        (Url, Description, Events, WorkshopIds, UpdatedAt) = (d.Url.Trim(), string.IsNullOrWhiteSpace(d.Description) ? null : d.Description.Trim(),
            WebhookEvents.All.Where(d.Events.Contains).ToList(), d.WorkshopIds.Distinct().ToList(), now);
    }

    public void RotateSecret(string secretCipher, DateTimeOffset now) => (SecretCipher, UpdatedAt) = (secretCipher, now);

    /// <summary>Whether it hears this event of this workshop (null: an event of no workshop, heard by endpoints for every workshop).</summary>
    public bool Hears(string @event, Guid? workshopId) =>
        Events.Contains(@event) && (WorkshopIds.Count == 0 || workshopId is { } w && WorkshopIds.Contains(w));

    /// <summary>A delivery arrived: the count of failures starts again.</summary>
    public void Succeeded(DateTimeOffset now) => (ConsecutiveFailures, LastDeliveredAt) = (0, now);

    /// <summary>An attempt failed; answers true when that pauses the endpoint (so its owner is told once).</summary>
    public bool Failed(int pauseAfter, DateTimeOffset now)
    {
        ConsecutiveFailures++;
        if (State == WebhookState.Paused || ConsecutiveFailures < pauseAfter) return false;
        (State, PausedAt, UpdatedAt) = (WebhookState.Paused, now, now);
        return true;
    }

    public void Pause(DateTimeOffset now) => (State, PausedAt, UpdatedAt) = (WebhookState.Paused, now, now);

    /// <summary>Resumed, the deliveries that waited go out again, starting now.</summary>
    public void Resume(DateTimeOffset now) => (State, PausedAt, ConsecutiveFailures, UpdatedAt) = (WebhookState.Active, null, 0, now);
}

/// <summary>What an organiser sets for an endpoint.</summary>
public sealed record WebhookDetails(string Url, string? Description, IReadOnlyCollection<string> Events, IReadOnlyCollection<Guid> WorkshopIds)
{
    public void Validate()
    {
        var problems = new List<Problem>();
        var url = Url?.Trim() ?? "";
        if (url.Length == 0) problems.Add(new("Url", Tr.T("Give the address that receives the events.")));
        else if (url.Length > WebhookEndpoint.MaxUrl) problems.Add(new("Url", Tr.T("An address has at most {0} characters.", WebhookEndpoint.MaxUrl)));
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            problems.Add(new("Url", Tr.T("Give a web address starting with https:// (or http://).")));
        else if (!string.IsNullOrEmpty(uri.UserInfo)) problems.Add(new("Url", Tr.T("Leave the user name and password out of the address: the signature proves who sends.")));
        if (Description?.Trim().Length > WebhookEndpoint.MaxDescription) problems.Add(new("Description", Tr.T("A description has at most {0} characters.", WebhookEndpoint.MaxDescription)));
        if (Events.Count == 0) problems.Add(new("Events", Tr.T("Choose at least one event.")));
        else if (Events.FirstOrDefault(e => !WebhookEvents.IsKnown(e)) is { } unknown) problems.Add(new("Events", Tr.T("There is no event called {0}.", unknown)));
        if (problems.Count > 0) throw new DomainException(problems);
    }
}
