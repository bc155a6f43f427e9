using Microsoft.Extensions.Time.Testing;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;

namespace Workshops.UnitTests.Email;

public sealed class SendPacerTests
{
    [Fact]
    public async Task Spaces_sends_to_the_rate_on_a_fixed_grid()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var pacer = new SendPacer(clock);
        var start = clock.GetUtcNow();

        await pacer.WaitTurnAsync(600, default); // the first goes at once
        var second = pacer.WaitTurnAsync(600, default);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second;
        // 600 a minute: the eleventh send is due one second after the first.
        var rest = Enumerable.Range(0, 9).Select(_ => pacer.WaitTurnAsync(600, default)).ToList();
        clock.Advance(TimeSpan.FromMilliseconds(899));
        Assert.False(rest[^1].IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(rest);
        Assert.Equal(TimeSpan.FromSeconds(1), clock.GetUtcNow() - start);
    }

    [Fact]
    public async Task No_limit_never_waits()
    {
        var pacer = new SendPacer(new FakeTimeProvider());
        for (var i = 0; i < 1000; i++) Assert.True(pacer.WaitTurnAsync(0, default).IsCompleted);
        await Task.CompletedTask;
    }
}

public sealed class PlaceholderTests
{
    [Theory]
    [InlineData("Hello {first_name}!", "Hello {{ first_name }}!")]
    [InlineData("Hello {{ first_name }}!", "Hello {{ first_name }}!")]
    [InlineData("JSON {\"a\": 1} and {not a name}", "JSON {\"a\": 1} and {not a name}")]
    [InlineData("{a}{b}", "{{ a }}{{ b }}")]
    public void The_short_form_is_the_long_one(string source, string expanded) => Assert.Equal(expanded, TemplateRenderer.Expand(source));

    [Fact]
    public void An_announcement_moves_through_its_states_and_refuses_the_rest()
    {
        var now = DateTimeOffset.UtcNow;
        var a = Announcement.Create(new AnnouncementDetails("News", "Hello", null, new Audience(true, [], [], false, false, null), false), "u1", now);
        Assert.Throws<DomainException>(() => a.Schedule(now.AddMinutes(-1), "https://x.org", a.CreatedById, now));
        a.Schedule(now.AddDays(1), "https://x.org", a.CreatedById, now);
        a.Cancel(a.CreatedById, now);
        Assert.Equal(AnnouncementStatus.Draft, a.Status);
        a.SendNow("https://x.org", a.CreatedById, now);
        a.Start(3, now);
        Assert.Throws<DomainException>(() => a.Edit(new AnnouncementDetails("Changed", "Hello", null, new Audience(true, [], [], false, false, null), false), now));
        a.Pause(a.CreatedById, now);
        Assert.Throws<DomainException>(() => a.Pause(a.CreatedById, now));
        a.Resume(a.CreatedById, now);
        a.Finish(now);
        Assert.Equal((AnnouncementStatus.Sent, 3), (a.Status, a.Recipients));
    }

    [Fact]
    public void Each_change_of_an_announcement_is_one_history_entry_by_whoever_made_it()
    {
        var now = DateTimeOffset.UtcNow;
        var a = Announcement.Create(new AnnouncementDetails("News", "Hello", null, new Audience(true, [], [], false, false, null), false), "u1", now);
        var history = new List<Workshops.Core.Domain.Common.StatusChange?> { a.Created() };
        history.Add(a.Schedule(now.AddDays(1), "https://x.org", "u1", now));
        // Moving the time of a scheduled one is not a change of status.
        Assert.Null(a.Schedule(now.AddDays(2), "https://x.org", "u2", now));
        history.Add(a.Start(2, now.AddDays(2)));
        history.Add(a.Pause("u2", now.AddDays(2)));
        history.Add(a.Resume("u2", now.AddDays(2)));
        history.Add(a.Finish(now.AddDays(2)));
        Assert.Null(a.Finish(now.AddDays(2)));
        history.Add(a.Retry("u1", now.AddDays(3)));
        Assert.Equal(["→Draft u1", "Draft→Scheduled u1", "Scheduled→Sending site", "Sending→Paused u2", "Paused→Sending u2", "Sending→Sent site", "Sent→Sending u1"],
            history.Select(c => $"{c!.From}→{c.To} {c.ByUserId ?? "site"}"));
        Assert.All(history, c => Assert.Equal(a.Id, c!.EntityId));
    }

    [Fact]
    public void Nobody_left_to_write_to_sends_it_at_once_and_the_table_refuses_the_rest()
    {
        var now = DateTimeOffset.UtcNow;
        var a = Announcement.Create(new AnnouncementDetails("News", "Hello", null, new Audience(true, [], [], false, false, null), false), "u1", now);
        a.SendNow("https://x.org", "u1", now);
        var change = a.Start(0, now);
        Assert.Equal(("Scheduled", "Sent"), (change.From, change.To));
        Assert.Equal(now, a.FinishedAt);
        Assert.False(AnnouncementStatuses.CanMove(AnnouncementStatus.Draft, AnnouncementStatus.Sending));
        Assert.False(AnnouncementStatuses.CanMove(AnnouncementStatus.Paused, AnnouncementStatus.Sent));
        Assert.True(AnnouncementStatuses.CanMove(AnnouncementStatus.Sent, AnnouncementStatus.Sending));
        Assert.Throws<DomainException>(() => a.Pause("u1", now));
    }

    [Theory]
    [InlineData("Your status: {registration_status}", true, false, "community subscribers")]
    [InlineData("Your track: {{ track }}", false, true, "speakers")]
    public void A_registrants_placeholder_needs_an_audience_of_registrants(string body, bool subscribers, bool speakers, string who)
    {
        var mixed = new AnnouncementDetails("News", body, Guid.NewGuid(), new Audience(subscribers, [RegistrationStatus.Admitted], [], speakers, false, null), false);
        var e = Assert.Throws<DomainException>(mixed.Validate);
        Assert.Contains(who, e.Message);
        Assert.Equal("Body", e.Field);
        (mixed with { Audience = new Audience(false, [RegistrationStatus.Admitted], [], false, false, null) }).Validate();
    }
}
