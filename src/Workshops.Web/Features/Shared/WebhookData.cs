using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Shared;

/// <summary>
/// What each event tells: ids, states and the API address to read more at (relative to the envelope's site), never
/// a person's name or email (see WebhookEvents).
/// </summary>
public static class WebhookData
{
    public static object Registration(Workshop w, Registration r, RegistrationStatus? from) => new
    {
        workshop = w.Slug,
        registration = new { id = r.Id, status = r.Status, from, trackId = r.TrackId },
        api = $"/api/v1/workshops/{w.Slug}/registrations",
    };

    public static object Agenda(Workshop w, AgendaVersion v) => new
    {
        workshop = w.Slug,
        version = v.Number,
        publishedAt = v.PublishedAt,
        note = v.Note,
        api = $"/api/v1/workshops/{w.Slug}/agenda/versions/{v.Number}",
        page = $"/workshops/{w.Slug}/agenda",
    };

    public static object Material(Material m, string? workshop, string? archivedEvent) => new
    {
        workshop,
        archivedEvent,
        material = new { id = m.Id, title = m.Title, type = m.Type, visibility = m.Visibility, sessionId = m.AgendaItemId },
        page = $"/materials/{m.Id}",
    };

    public static object Proposal(Proposal p, string? workshop) => new
    {
        workshop,
        proposal = new { id = p.Id, callId = p.CallId, status = p.Status },
    };
}
