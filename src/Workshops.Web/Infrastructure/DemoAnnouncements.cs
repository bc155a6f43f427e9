using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Data;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// The announcement that opened registration for the upcoming workshop, sent and published as news, so /news, its
/// feed and the organisers' delivery log have something in them. Its emails are written as already delivered: the
/// demo never mails the example addresses.
/// </summary>
public sealed class DemoAnnouncements(AppDbContext db, DemoPeople people, AnnouncementStarter starter, TimeProvider clock, SiteAddress address)
{
    private const string Subject = "Registration is open: {workshop_title}";

    private const string Body = """
        Dear {first_name},

        Registration for **{workshop_title}** is open. We meet in {workshop_place}, {workshop_dates}.

        - The **developers' track** works on upgrades, the new API gateway and deployment with Ansible and Docker.
        - The **managers' track** covers data partnerships, funding and user engagement.

        Each track has 25 seats, and the organisers admit people as registrations come in. [Register here]({workshop_url}/register), and read the agenda at {workshop_url}/agenda.

        See you in São Paulo!
        """;

    public async Task<int> SeedAsync(Workshop upcoming, CancellationToken ct)
    {
        if (await db.Announcements.AnyAsync(a => a.WorkshopId == upcoming.Id, ct)) return 0;
        var organiser = await people.PersonAsync("organiser.demo@example.org", "Olivia Martins", Roles.Organiser, ct);
        var now = clock.GetUtcNow();
        var audience = new Audience(true, [RegistrationStatus.Submitted, RegistrationStatus.Admitted, RegistrationStatus.Waitlisted], [], false, true,
            "Node managers <nodes.demo@example.org>");
        var a = Announcement.Create(new AnnouncementDetails(Subject, Body, upcoming.Id, audience, PublishAsNews: true), organiser.Id, now);
        var scheduled = a.SendNow(address.Origin, organiser.Id, now)!;
        // One transaction: a sender running meanwhile must never see these example emails queued.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Announcements.Add(a);
        db.StatusChanges.AddRange(a.Created(), scheduled);
        await db.SaveChangesAsync(ct);
        await starter.StartAsync(a.Id, ct);
        await db.OutboxMessages.Where(m => m.CampaignId == a.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.Attempts, 1).SetProperty(m => m.SentAt, now), ct);
        var sent = await db.Announcements.FirstAsync(x => x.Id == a.Id, ct);
        db.StatusChanges.Add(sent.Finish(now)!);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return 1;
    }
}
