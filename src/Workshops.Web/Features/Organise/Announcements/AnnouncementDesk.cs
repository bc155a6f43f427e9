using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email;
using Workshops.Core.Jobs;
using Workshops.Core.Time;

namespace Workshops.Web.Features.Organise.Announcements;

/// <summary>Organisers write, test, send, schedule, pause and resend announcements here: one save per action.</summary>
public sealed partial class AnnouncementDesk(AppDbContext db, AnnouncementMail mail, AudienceResolver audiences, UnsubscribeLinks links, Outbox outbox,
    CampaignControl control, IBackgroundJobClient jobs, TimeProvider clock, IOptions<SiteOptions> site)
{
    public const string TestKind = "announcement.test";

    public static string Stale =>
        Tr.T("Someone changed this announcement since you opened it (or it started sending). Here it is as it is now: check it and try again.");

    /// <summary>What goes before a test's subject, and what the organiser is told to look for.</summary>
    public static string TestMark => Tr.T("[Test]");

    public async Task<EditResult> CreateAsync(AnnouncementForm form, string userId, string origin, CancellationToken ct)
    {
        try
        {
            await CheckAsync(form, origin, ct);
            var a = Announcement.Create(form.ToDetails(), userId, clock.GetUtcNow());
            db.Announcements.Add(a);
            db.StatusChanges.Add(a.Created());
            await db.SaveChangesAsync(ct);
            return EditResult.Ok(a.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
    }

    public Task<EditResult> UpdateAsync(Guid id, AnnouncementForm form, string origin, CancellationToken ct) =>
        ChangeAsync(id, form.Version, async a =>
        {
            await CheckAsync(form, origin, ct);
            a.Edit(form.ToDetails(), clock.GetUtcNow());
        }, ct);

    /// <summary>Queues the announcement as it would reach the organiser, with "[Test]" before its subject; nothing about it changes.</summary>
    public async Task<EditResult> SendTestAsync(Guid id, string email, string? name, string origin, CancellationToken ct)
    {
        var a = await db.Announcements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return EditResult.Fail(null, Tr.T("This announcement no longer exists."));
        try
        {
            var workshop = await WorkshopAsync(a.WorkshopId, ct);
            var me = await audiences.PersonAsync(email, name, a.WorkshopId, ct);
            // In the language the organiser reads the site in, as a recipient of that language would get it.
            var (subject, body) = a.In(Tr.Language);
            var rendered = mail.Preview(subject, body, workshop, origin, me, site.Value.Name, links.Url(origin, email));
            var message = outbox.Queue(TestKind, $"{a.Id:N}:{Guid.NewGuid():N}", email, name, rendered with { Subject = TestMark + " " + rendered.Subject });
            await db.SaveChangesAsync(ct);
            outbox.Kick(message);
            return EditResult.Ok(a.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
    }

    public Task<EditResult> SendNowAsync(Guid id, long version, string origin, string userId, CancellationToken ct) =>
        ChangeAsync(id, version, async a =>
        {
            await CheckSendableAsync(a, origin, ct);
            Record(a.SendNow(origin, userId, clock.GetUtcNow()));
        }, ct, after: a => jobs.Enqueue<StartAnnouncementJob>(j => j.Run(a.Id, CancellationToken.None)));

    /// <summary>The time is the wall clock of the announcement's workshop, or UTC for the community at large.</summary>
    public Task<EditResult> ScheduleAsync(Guid id, long version, DateTime? local, string origin, string userId, CancellationToken ct) =>
        ChangeAsync(id, version, async a =>
        {
            if (local is null) throw new DomainException(Tr.T("Choose the date and time to send it."), "SendAt");
            var zone = Zone(await WorkshopAsync(a.WorkshopId, ct));
            var at = WorkshopTime.ToUtc(local.Value, zone)
                ?? throw new DomainException(Tr.T("{0} does not exist in {1}: the clocks skip it. Choose another time.", Formats.ShortDateAndTime(local.Value), zone.Id), "SendAt");
            await CheckSendableAsync(a, origin, ct);
            Record(a.Schedule(at, origin, userId, clock.GetUtcNow()));
        }, ct);

    public Task<EditResult> CancelAsync(Guid id, long version, string userId, CancellationToken ct) =>
        ChangeAsync(id, version, a =>
        {
            Record(a.Cancel(userId, clock.GetUtcNow()));
            return Task.CompletedTask;
        }, ct);

    public Task<EditResult> DeleteAsync(Guid id, long version, CancellationToken ct) =>
        ChangeAsync(id, version, a =>
        {
            if (a.Status != AnnouncementStatus.Draft) throw new DomainException(Tr.T("Only a draft can be deleted; cancel a scheduled one first."), "Status");
            db.Announcements.Remove(a);
            return Task.CompletedTask;
        }, ct);

    public Task<EditResult> PauseAsync(Guid id, string userId, CancellationToken ct) => ControlAsync(id, a => control.PauseAsync(a, userId, ct));

    public Task<EditResult> ResumeAsync(Guid id, string userId, CancellationToken ct) =>
        ControlAsync(id, a => control.ResumeAsync(a, userId, ct), after: () => jobs.Enqueue<SendOutboxJob>(j => j.Run(null, CancellationToken.None)));

    public Task<EditResult> ResendFailedAsync(Guid id, string userId, CancellationToken ct) =>
        ControlAsync(id, a => control.ResendFailedAsync(a, userId, ct), after: () => jobs.Enqueue<SendOutboxJob>(j => j.Run(null, CancellationToken.None)));

    /// <summary>Who it would reach now, and one of them (or an example person) to preview it as.</summary>
    public async Task<(ResolvedAudience Audience, RenderedEmail? Preview, string? Error)> ReviewAsync(Announcement a, string? previewAs, string origin, CancellationToken ct)
    {
        var resolved = await audiences.ResolveAsync(a.Audience, a.WorkshopId, ct);
        var workshop = await WorkshopAsync(a.WorkshopId, ct);
        var person = resolved.Recipients.FirstOrDefault(r => string.Equals(r.Email, previewAs, StringComparison.OrdinalIgnoreCase))
            ?? resolved.Recipients.FirstOrDefault() ?? AnnouncementMail.Example;
        try
        {
            // What this person would get: in their language when it is written in it. Every language is checked before it is saved.
            using var language = Tr.Use(person.Language);
            var (subject, body) = a.In(Tr.Language);
            return (resolved, mail.Preview(subject, body, workshop, origin, person, site.Value.Name), null);
        }
        catch (DomainException e)
        {
            return (resolved, null, e.Message);
        }
    }

    private void Record(StatusChange? change)
    {
        if (change is not null) db.StatusChanges.Add(change);
    }

    public async Task<Workshop?> WorkshopAsync(Guid? id, CancellationToken ct) =>
        id is { } w ? await db.Workshops.Include(x => x.Tracks).AsNoTracking().FirstOrDefaultAsync(x => x.Id == w, ct) : null;

    public static TimeZoneInfo Zone(Workshop? w) => WorkshopTime.ZoneOrUtc(w?.TimeZoneId);

    /// <summary>The workshop exists, the tracks are its own, and the wording fills in for an example recipient.</summary>
    private async Task CheckAsync(AnnouncementForm form, string origin, CancellationToken ct)
    {
        var workshop = await WorkshopAsync(form.WorkshopId, ct);
        // Every problem at once: a bad pasted address and an unknown placeholder are both shown, not one per try.
        DomainException.ThrowAll(
            () => form.ToDetails().Validate(),
            () =>
            {
                if (form.WorkshopId is not null && workshop is null) throw new DomainException(Tr.T("That workshop no longer exists."), "WorkshopId");
                if (form.Tracks.Any(t => workshop?.Tracks.All(x => x.Id != t) != false))
                    throw new DomainException(Tr.T("Choose tracks of the announcement's own workshop."), "Audience");
            },
            () =>
            {
                // Each language's wording is checked as its readers would get it.
                var details = form.ToDetails();
                foreach (var (language, subject, body) in details.Written.Select(t => (t.Key, t.Value.Subject, t.Value.Body)).Prepend((details.Language, form.Subject, form.Body)))
                    if (!string.IsNullOrWhiteSpace(subject) && !string.IsNullOrWhiteSpace(body))
                        using (Tr.Use(language))
                            mail.Preview(subject, body, workshop, origin, AnnouncementMail.Example, site.Value.Name);
            });
    }

    private async Task CheckSendableAsync(Announcement a, string origin, CancellationToken ct)
    {
        var (resolved, _, error) = await ReviewAsync(a, null, origin, ct);
        if (error is not null) throw new DomainException(error, "Body");
        if (resolved.Recipients.Count == 0)
            throw new DomainException(Tr.T("Nobody would receive it: the audience it is written for has no one, or everyone in it unsubscribed."), "Audience");
    }

    private async Task<EditResult> ChangeAsync(Guid id, long version, Func<Announcement, Task> change, CancellationToken ct, Action<Announcement>? after = null)
    {
        var a = await db.Announcements.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return EditResult.Fail(null, Tr.T("This announcement no longer exists."));
        if (a.UpdatedAt.UtcTicks != version) return EditResult.Fail("Version", Stale);
        try
        {
            await change(a);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditResult.Fail("Version", Stale);
        }
        after?.Invoke(a);
        return EditResult.Ok(a.Id);
    }

    private async Task<EditResult> ControlAsync(Guid id, Func<Announcement, Task> change, Action? after = null)
    {
        var a = await db.Announcements.FirstOrDefaultAsync(x => x.Id == id);
        if (a is null) return EditResult.Fail(null, Tr.T("This announcement no longer exists."));
        try
        {
            await change(a);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Its last email went at that moment, or another organiser pressed a button first.
            return EditResult.Fail("Status", Tr.T("The announcement changed at that moment. Here is where it stands now: try again if you still need to."));
        }
        after?.Invoke();
        return EditResult.Ok(a.Id);
    }
}
