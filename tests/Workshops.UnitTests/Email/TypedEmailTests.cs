using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Common;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;

namespace Workshops.UnitTests.Email;

/// <summary>One record per email: its properties are the placeholders the editor lists, checks and the sender fills.</summary>
public sealed class TypedEmailTests
{
    private static readonly TemplateRenderer Renderer = new(new EmailRenderer());

    [Fact]
    public void An_emails_placeholders_are_its_records_properties_in_snake_case_and_the_sites_name()
    {
        Assert.Equal(["name", "proposal_title", "call_title", "proposal_link", "closes", "site_name"], ProposalEmails.ProposalReceived.Placeholders.Keys);
        Assert.Equal(["name", "workshop_title", "workshop_dates", "track", "registration_link", "status_text", "site_name"], RegistrationEmails.Received.Placeholders.Keys);
        Assert.Equal("8 to 12 March 2027", RegistrationEmails.Admitted.Placeholders["workshop_dates"]);
    }

    public static TheoryData<string> Keys() => [.. EditableEmails.All.Select(e => e.Key)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_placeholder_the_built_in_wording_uses_is_one_the_email_has(string key)
    {
        var email = EditableEmails.Find(key)!;
        var rendered = Renderer.Render(email.DefaultSubject, email.DefaultBody, email.Placeholders, "Workshops");
        Assert.DoesNotContain("{{", rendered.Text);
        Assert.All(email.ExampleValues.ToDictionary().Values, v => Assert.False(string.IsNullOrWhiteSpace(v), $"{key} has an empty example"));
    }

    [Fact]
    public void A_placeholder_of_another_email_is_refused_where_it_would_have_been_blank_at_send_time()
    {
        // The seat-freed email goes to organisers; it never had a participant's private link to fill in.
        var seatFreed = RegistrationEmails.SeatFreed;
        Assert.DoesNotContain("registration_link", seatFreed.Placeholders.Keys);
        var e = Assert.Throws<DomainException>(() => Renderer.Render(seatFreed.DefaultSubject, seatFreed.DefaultBody + "\n\n{{ registration_link }}", seatFreed.Placeholders, "Workshops"));
        Assert.Contains("registration_link", e.Message);
    }

    [Fact]
    public void The_values_sent_are_the_records_values()
    {
        var values = new ProposalReceivedValues
        {
            Name = "Kofi Mensah", ProposalTitle = "Accra 2029", CallTitle = "Host the 2029 workshop", ProposalLink = "https://w.example.org/proposals/1", Closes = "soon",
        };
        Assert.Equal("Kofi Mensah", values.ToDictionary()["name"]);
        Assert.Equal("https://w.example.org/proposals/1", values.ToDictionary()["proposal_link"]);
    }

    [Fact]
    public void A_reminders_placeholders_are_the_announcements_and_its_own()
    {
        var workshop = Workshops.Core.Domain.Workshops.Workshop.Create(
            new("Madrid 2027", "madrid-2027", 2027, new DateTime(2027, 3, 8, 9, 0, 0), new DateTime(2027, 3, 12, 17, 0, 0), "Europe/Madrid",
                Workshops.Core.Domain.Workshops.WorkshopFormat.InPerson, null, null, "Madrid", "Spain", null),
            [new(null, "Developers", null, 25)], DateTimeOffset.UtcNow);
        var keys = AnnouncementMail.Placeholders(workshop, "https://w.example.org").Keys.ToList();
        Assert.Equal(["first_name", "full_name", "email", "unsubscribe_link", "workshop_title", "workshop_url", "workshop_dates", "workshop_place", "registration_status", "track"], keys);
        Assert.Equal(["call_title", "call_closes", "call_url", "days"], ReminderDefaults.For(ReminderKind.CallClosing).Example.ToDictionary().Keys);
    }
}
