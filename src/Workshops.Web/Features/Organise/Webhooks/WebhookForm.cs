using Workshops.Core.Domain.Webhooks;

namespace Workshops.Web.Features.Organise.Webhooks;

/// <summary>The endpoint form, on the list page (new) and on the endpoint's page (change).</summary>
public sealed class WebhookForm
{
    public string? Url { get; set; }
    public string? Description { get; set; }
    public List<string> Events { get; set; } = [];
    public List<Guid> WorkshopIds { get; set; } = [];
    /// <summary>The endpoint's version when the form was drawn (see Versions); empty for a new one.</summary>
    public long? Version { get; set; }

    public WebhookDetails ToDetails() => new(Url ?? "", Description, Events, WorkshopIds);

    public static WebhookForm From(WebhookEndpoint e) => new()
    {
        Url = e.Url, Description = e.Description, Events = [.. e.Events], WorkshopIds = [.. e.WorkshopIds], Version = Core.Data.Versions.Of(e.UpdatedAt),
    };
}

/// <summary>The workshops an endpoint may be limited to, newest first.</summary>
public sealed record WorkshopChoice(Guid Id, string Title);
