using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Organise.Announcements;

/// <summary>What the compose form shows besides the posted fields: the workshops to choose from, with their tracks.</summary>
public sealed record ComposeView(AnnouncementForm Form, IReadOnlyList<Workshop> Workshops, string Origin, int Subscribers)
{
    /// <summary>False where the page shows the form's general messages elsewhere (beside the send buttons).</summary>
    public bool ShowSummary { get; init; } = true;

    public Workshop? Workshop => Workshops.FirstOrDefault(w => w.Id == Form.WorkshopId);

    public static async Task<ComposeView> LoadAsync(AppDbContext db, AnnouncementForm form, string origin, CancellationToken ct) => new(form,
        await db.Workshops.Include(w => w.Tracks).AsNoTracking().OrderByDescending(w => w.StartsAt).ToListAsync(ct), origin,
        await db.Users.CountAsync(u => u.SubscribedToAnnouncements && u.EmailConfirmed, ct));
}
